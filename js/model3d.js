// Model3D view: a 3D model drawn with three.js. Nothing comes from the network but a model whose
// value is an http(s) URL (`src`), which the page fetches itself (drawn if that site lets the
// page read it; the kernel fetches nothing): the three.js bundle is a shared Library model
// (`_library`) that the view kit imports once per page from a Blob URL (the view's `library()`,
// see kit.js), the model file's bytes arrive as a binary buffer (the `data` trait, a DataView),
// and the files a .gltf refers to as binary buffers too (`resources`), served to the loader as
// Blob URLs; any other URL a model names is refused. When interactive, a file picked or dropped travels to the kernel in
// chunks of binary buffers (the loader's `upload`). Text is set as textContent.

const ACCEPT = ".stl,.obj,.gltf,.glb,.splat,.ply";

function bytesOf(view) {
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
}

/** The model as a three.js object, parsed from its bytes by the loader its extension names. */
async function parse(T, name, data, resources, urls) {
  const ext = name.toLowerCase().split(".").pop();
  if (ext === "glb" || ext === "gltf") {
    const manager = new T.LoadingManager();
    manager.setURLModifier((url) => {
      if (/^(data|blob):/i.test(url)) return url;
      for (const key of [url, decodeURIComponent(url)]) {
        if (resources[key]) {
          if (!urls.has(key)) urls.set(key, URL.createObjectURL(new Blob([resources[key]])));
          return urls.get(key);
        }
      }
      return "blob:gradio-nb-missing"; // never the network: the load fails instead
    });
    const gltf = await new T.GLTFLoader(manager).parseAsync(bytesOf(data), "");
    gltf.scene.userData.animations = gltf.animations;
    return gltf.scene;
  }
  if (ext === "obj") {
    const group = new T.OBJLoader().parse(new TextDecoder().decode(data));
    let drawable = false;
    group.traverse((o) => {
      if (o.isMesh || o.isLine) drawable = true;
      if (o.isMesh && !o.geometry.getAttribute("normal")) o.geometry.computeVertexNormals();
    });
    // As Gradio: an OBJ of vertices with no faces is drawn as a point cloud.
    return drawable ? group : objPoints(T, new TextDecoder().decode(data));
  }
  if (ext === "stl") {
    const geometry = new T.STLLoader().parse(bytesOf(data));
    const material = new T.MeshStandardMaterial({
      color: geometry.hasColors ? 0xffffff : 0x9ca3af, vertexColors: !!geometry.hasColors, metalness: 0.1, roughness: 0.6,
    });
    return new T.Mesh(geometry, material);
  }
  if (ext === "ply") {
    const geometry = new T.PLYLoader().parse(bytesOf(data));
    const colors = !!geometry.getAttribute("color");
    if (!geometry.index) {
      return new T.Points(geometry, new T.PointsMaterial({ size: 0.01, color: colors ? 0xffffff : 0x9ca3af, vertexColors: colors, sizeAttenuation: true }));
    }
    if (!geometry.getAttribute("normal")) geometry.computeVertexNormals();
    return new T.Mesh(geometry, new T.MeshStandardMaterial({ color: colors ? 0xffffff : 0x9ca3af, vertexColors: colors }));
  }
  throw new Error(`${name}: not a model this viewer draws`);
}

function objPoints(T, text) {
  const positions = [];
  for (const line of text.split("\n")) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === "v" && parts.length >= 4) positions.push(+parts[1], +parts[2], +parts[3]);
  }
  const geometry = new T.BufferGeometry();
  geometry.setAttribute("position", new T.Float32BufferAttribute(positions, 3));
  return new T.Points(geometry, new T.PointsMaterial({ size: 0.02, color: 0x9ca3af }));
}

/** Free what `material` holds on the GPU: the material and every texture it uses. */
function disposeMaterial(material) {
  if (!material) return;
  for (const value of Object.values(material)) {
    if (value && value.isTexture) value.dispose();
  }
  material.dispose?.();
}

/** Free the geometries, materials and textures of `root` and everything under it. */
function disposeObject(root) {
  root.traverse((o) => {
    o.geometry?.dispose();
    for (const m of [o.material].flat()) disposeMaterial(m);
  });
}

/** `root`'s meshes drawn as `mode` ("solid", "wireframe" or "point_cloud"). */
function applyMode(T, root, mode) {
  const swaps = [];
  root.traverse((o) => {
    if (!o.isMesh) return;
    const materials = Array.isArray(o.material) ? o.material : [o.material];
    for (const m of materials) {
      if ("wireframe" in m) m.wireframe = mode === "wireframe";
      m.side = T.DoubleSide; // models with inverted faces still show
    }
    if (mode === "point_cloud") swaps.push(o);
  });
  for (const mesh of swaps) {
    const first = Array.isArray(mesh.material) ? mesh.material[0] : mesh.material;
    const points = new T.Points(mesh.geometry, new T.PointsMaterial({
      size: 2, sizeAttenuation: false, color: first?.color ?? 0x9ca3af, vertexColors: !!mesh.geometry.getAttribute("color"),
    }));
    points.position.copy(mesh.position);
    points.quaternion.copy(mesh.quaternion);
    points.scale.copy(mesh.scale);
    mesh.parent.add(points);
    mesh.parent.remove(mesh);
    for (const m of [mesh.material].flat()) disposeMaterial(m); // no longer drawn (the geometry is)
  }
}

function render({ model, el, library, upload, dropZone, webUrl, header, emptyState, uploadText }) {
  el.classList.add("gnb-model3d");
  // Gradio's block: the badge in its corner; with no model, its empty state or dashed prompt
  const { badge, sync: syncHeader } = header(el, { label: "gnb-model3d-label", badge: "cube" });
  const frame = document.createElement("div");
  frame.className = "gnb-model3d-frame";
  const canvas = document.createElement("canvas");
  canvas.className = "gnb-model3d-canvas";
  const note = document.createElement("div");
  note.className = "gnb-model3d-note";
  const blank = emptyState("file");
  const empty = uploadText("File").box;
  empty.classList.add("gnb-model3d-empty");
  const tools = document.createElement("div");
  tools.className = "gnb-model3d-tools";
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "gnb-model3d-reset";
  reset.title = "Reset camera";
  reset.textContent = "⟲";
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "gnb-model3d-clear";
  clear.title = "Clear";
  clear.textContent = "×";
  tools.append(reset, clear);
  const picker = document.createElement("input");
  picker.type = "file";
  picker.accept = ACCEPT;
  picker.hidden = true;
  frame.append(canvas, note, blank, empty, tools);
  el.append(badge, frame, picker);

  let T = null; // the three.js module, once it has arrived
  let three = null; // renderer, scene, camera, controls: made once the view has a size
  let shown = null; // the model object in the scene
  let urls = new Map(); // resource Blob URLs of the model shown
  let mixer = null; // plays a glTF's animations, as Gradio's viewer does
  let playing = null; // the frame loop of the animation
  let onScreen = true;
  let version = 0;
  let closed = false;

  const canUpload = () => !model.get("disabled");
  const hasModel = () => !!model.get("name");
  const say = (text) => {
    note.textContent = text;
    note.hidden = !text;
  };

  const take = (files) => {
    if (files.length && canUpload()) upload(files.slice(0, 1), { name: "model" });
  };

  const draw = () => {
    if (three) three.renderer.render(three.scene, three.camera);
  };

  const setup = () => {
    if (three || !T) return;
    let renderer;
    try {
      // preserveDrawingBuffer: the drawn image stays readable (a screenshot, a test's pixels).
      renderer = new T.WebGLRenderer({ canvas, antialias: true, alpha: true, preserveDrawingBuffer: true });
    } catch (err) {
      return; // no WebGL here: load() says so
    }
    renderer.outputColorSpace = T.SRGBColorSpace;
    renderer.setPixelRatio(window.devicePixelRatio || 1);
    const scene = new T.Scene();
    // A soft room for PBR materials to reflect: a metallic glTF is black with lights alone.
    const pmrem = new T.PMREMGenerator(renderer);
    scene.environment = pmrem.fromScene(new T.RoomEnvironment(), 0.04).texture;
    pmrem.dispose();
    const camera = new T.PerspectiveCamera(45, 1, 0.01, 1000);
    scene.add(new T.HemisphereLight(0xffffff, 0x444444, 0.8));
    const light = new T.DirectionalLight(0xffffff, 1.2);
    light.position.set(1, 2, 3);
    camera.add(light); // lit from where the viewer looks, whatever the orbit
    scene.add(camera);
    const controls = new T.OrbitControls(camera, canvas);
    controls.addEventListener("change", draw);
    three = { renderer, scene, camera, controls };
  };

  const resize = () => {
    if (!three) return;
    const width = frame.clientWidth;
    const height = frame.clientHeight;
    if (!width || !height) return;
    three.renderer.setSize(width, height, false);
    three.camera.aspect = width / height;
    three.camera.updateProjectionMatrix();
    draw();
  };

  const props = () => {
    syncHeader();
    el.classList.toggle("gnb-model3d-interactive", canUpload());
    // with no model, the empty state or the prompt is the block's height (Gradio's)
    frame.style.height = hasModel() ? model.get("height") : "";
    el.classList.toggle("gnb-model3d-loaded", hasModel());
    const none = hasModel() || model.get("message") !== "";
    empty.hidden = none || !canUpload();
    blank.hidden = none || canUpload();
    el.classList.toggle("gnb-model3d-dashed", !none && canUpload());
    clear.hidden = !(hasModel() && canUpload());
    reset.hidden = !shown;
    if (three) {
      const [r, g, b, a] = model.get("clear_color");
      three.renderer.setClearColor(new T.Color(r, g, b), a);
      three.controls.zoomSpeed = model.get("zoom_speed");
      three.controls.panSpeed = model.get("pan_speed");
      draw();
    }
  };

  /** The camera placed as Gradio's orbit camera: alpha, beta (degrees) and radius, or fitted. */
  const frameCamera = () => {
    const { camera, controls } = three;
    const box = new T.Box3().setFromObject(shown);
    const sphere = box.isEmpty() ? { center: new T.Vector3(), radius: 1 } : box.getBoundingSphere(new T.Sphere());
    const size = sphere.radius || 1;
    const [alphaDeg, betaDeg, radius] = model.get("camera_position");
    const alpha = ((alphaDeg ?? 90) * Math.PI) / 180;
    const beta = ((betaDeg ?? 75) * Math.PI) / 180;
    const r = radius ?? (size / Math.sin((camera.fov * Math.PI) / 360)) * 1.1;
    camera.near = Math.max(r / 1000, 1e-4);
    camera.far = r * 100 + size * 10;
    camera.updateProjectionMatrix();
    controls.target.copy(sphere.center);
    camera.position.set(
      sphere.center.x + r * Math.cos(alpha) * Math.sin(beta),
      sphere.center.y + r * Math.cos(beta),
      sphere.center.z + r * Math.sin(alpha) * Math.sin(beta),
    );
    camera.lookAt(sphere.center);
    controls.update();
    controls.saveState(); // what the reset button returns to
  };

  const forget = () => {
    if (mixer) {
      mixer.stopAllAction();
      three.renderer.setAnimationLoop(null);
      mixer = null;
      playing = null;
    }
    if (shown && three) {
      three.scene.remove(shown);
      disposeObject(shown);
    }
    shown = null;
    for (const url of urls.values()) URL.revokeObjectURL(url);
    urls = new Map();
  };

  /** Play every clip of the model, drawing each frame while the view is on screen. */
  const animate = (clips) => {
    if (!clips || !clips.length) return;
    mixer = new T.AnimationMixer(shown);
    for (const clip of clips) mixer.clipAction(clip).play();
    let last = performance.now();
    const loop = () => {
      const now = performance.now();
      mixer.update((now - last) / 1000);
      last = now;
      draw();
    };
    playing = loop;
    three.renderer.setAnimationLoop(onScreen ? loop : null);
  };

  const load = async () => {
    const mine = ++version;
    forget();
    let data = model.get("data");
    const name = model.get("name");
    const src = webUrl(model.get("src"));
    say(model.get("message"));
    if (!(data && data.byteLength) && src && !model.get("message")) {
      try {
        const response = await fetch(src);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        data = new DataView(await response.arrayBuffer());
      } catch (err) {
        if (mine === version) say(`${name}: the page could not load ${src} (${err?.message || err}).`);
        return;
      }
      if (mine !== version || closed) return;
    }
    canvas.hidden = !(data && data.byteLength);
    props();
    if (!data || !data.byteLength) {
      draw();
      return;
    }
    try {
      T = await library();
    } catch (err) {
      if (mine === version) say(`The model cannot be drawn: ${err.message}`);
      return;
    }
    if (mine !== version || closed) return;
    setup();
    if (!three) {
      say(`${name}: this browser cannot draw 3D models (WebGL is not available).`);
      return;
    }
    resize();
    let object;
    const own = new Map(); // this load's resource Blob URLs: kept only if it is still the latest
    const drop = () => {
      for (const url of own.values()) URL.revokeObjectURL(url);
    };
    try {
      object = await parse(T, name, data, model.get("resources") || {}, own);
    } catch (err) {
      drop();
      if (mine === version) say(`${name}: the model cannot be drawn (${err?.message || err}).`);
      return;
    }
    if (mine !== version || closed) {
      disposeObject(object); // a newer model (or none) won the race
      drop();
      return;
    }
    urls = own;
    applyMode(T, object, model.get("display_mode"));
    shown = object;
    three.scene.add(object);
    frameCamera();
    animate(object.userData.animations);
    props();
    draw();
    el.dataset.drawn = String(mine); // for tests: a model has been drawn
  };

  reset.addEventListener("click", (evt) => {
    evt.stopPropagation();
    if (three && shown) {
      three.controls.reset();
      draw();
    }
  });
  clear.addEventListener("click", (evt) => {
    evt.stopPropagation();
    model.send({ event: "clear" });
  });
  dropZone({ zone: el, accepts: canUpload, onFiles: take, dragClass: "gnb-model3d-drop", picker, clickers: [empty] });

  const observer = new ResizeObserver(resize);
  observer.observe(frame);
  // An animation draws only while its view is on screen: a notebook may hold many.
  const visibility = new IntersectionObserver((entries) => {
    onScreen = entries.some((e) => e.isIntersecting);
    if (playing && three) three.renderer.setAnimationLoop(onScreen ? playing : null);
  });
  visibility.observe(frame);
  // One load for the several traits a new model changes at once.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      load();
    });
  };
  for (const name of ["data", "name", "resources", "message", "display_mode", "src"]) model.on(`change:${name}`, schedule);
  model.on("change:camera_position", () => {
    if (three && shown) {
      frameCamera();
      draw();
    }
  });
  for (const name of ["label", "show_label", "pending", "disabled", "height", "clear_color", "zoom_speed", "pan_speed"]) {
    model.on(`change:${name}`, props);
  }
  load();
  return () => {
    closed = true;
    observer.disconnect();
    visibility.disconnect();
    forget();
    if (three) {
      three.controls.dispose();
      three.renderer.dispose();
      three.renderer.forceContextLoss(); // browsers keep only a few WebGL contexts per page
    }
  };
}

export default { render };
