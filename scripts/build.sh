#!/usr/bin/env bash
# Configures (once) and builds the default preset: Ninja + ccache, so a second run with nothing
# changed takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
# Lets ccache cache the files built with a precompiled header (the CLI's) too.
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
if [ ! -f build/default/build.ninja ]; then
  cmake --preset default
fi
cmake --build --preset default
