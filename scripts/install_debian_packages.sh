#!/usr/bin/env bash
# Install the Debian packages the tests need, those missing (needs root and apt):
#   chromium  the browser Playwright drives (it never downloads one of its own)
#   haproxy   the load balancer of the scale-out test (several servers, sticky sessions) and
#             the reverse proxy of the root_path test
#   openssl   makes the self-signed certificate of the TLS test
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages; run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
