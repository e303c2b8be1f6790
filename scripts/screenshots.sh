#!/usr/bin/env bash
# Runs the studio in a real X server (Xvfb) on real files and saves what it shows into
# docs/screenshots/. Needs a build (scripts/build.sh) and installs Xvfb when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh gui
scripts/build.sh
out=docs/screenshots
mkdir -p "$out"
corpus=../shared/corpus
shoot() { # shoot NAME FILE...
  local name="$1"; shift
  xvfb-run -a -s "-screen 0 1280x800x24" build/default/app/evograph-studio --screenshot "$out/$name.png" "$@"
  echo "saved $out/$name.png"
}
shoot studio-demo resources/demo/user-v1.ttl resources/demo/user-v2.ttl
if [ -d "$corpus/obo-ro" ]; then
  shoot studio-ro "$corpus/obo-ro/v2025-03-05/ro.owl" "$corpus/obo-ro/v2025-06-24/ro.owl"
fi
