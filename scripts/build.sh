#!/usr/bin/env bash
# Configures (once) and builds the default preset: Ninja + ccache, so a second run with nothing
# changed takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/default/build.ninja ]; then
  cmake --preset default
fi
cmake --build --preset default
