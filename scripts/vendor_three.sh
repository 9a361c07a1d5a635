#!/usr/bin/env bash
# Rebuild js/vendor/three/three.min.js from the npm registry: three.js with the loaders and controls
# gr.Model3D draws with (GLTFLoader, OBJLoader, STLLoader, OrbitControls), bundled by esbuild into
# one minified ES module, at pinned versions, with three's licence beside it.
# The page never loads it from a CDN: the kernel sends it once (gradio_nb/components/model3d.py).
set -euo pipefail
cd "$(dirname "$0")/.."
THREE=three@0.187.0
ESBUILD=esbuild@0.28.2
out=js/vendor/three
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
(
  cd "$work"
  npm init -y >/dev/null
  npm install --silent --no-audit --no-fund --save-exact "$THREE" "$ESBUILD" >/dev/null
  # Only what the view uses, so the bundle stays small (tree-shaken by esbuild).
  cat > entry.js <<'JS'
export {
  WebGLRenderer, Scene, PerspectiveCamera, Color, HemisphereLight, DirectionalLight, Box3, Vector3,
  Sphere, Mesh, Points, PointsMaterial, MeshStandardMaterial, BufferGeometry, Float32BufferAttribute,
  LoadingManager, SRGBColorSpace, DoubleSide, PMREMGenerator,
  AnimationMixer,
} from "three";
export { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
export { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
export { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
export { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";
export { PLYLoader } from "three/examples/jsm/loaders/PLYLoader.js";
export { RoomEnvironment } from "three/examples/jsm/environments/RoomEnvironment.js";
JS
  npx --no-install esbuild entry.js --bundle --minify --format=esm --target=es2020 \
    --legal-comments=none --outfile=three.min.js
)
cp "$work/three.min.js" "$out/three.min.js"
cp "$work/node_modules/three/LICENSE" "$out/LICENSE-three"
{
  echo "# three.js bundle (rebuilt by scripts/vendor_three.sh; do not edit)"
  echo
  echo "- $THREE (npm registry), bundled with $ESBUILD into three.min.js: one minified ES module"
  echo "  exporting the core classes gr.Model3D uses and, from three/examples/jsm, OrbitControls,"
  echo "  GLTFLoader, OBJLoader, STLLoader, PLYLoader and RoomEnvironment (the light PBR materials reflect)."
  echo "- licence: LICENSE-three ($(head -1 "$out/LICENSE-three"), MIT)"
} > "$out/README.md"
