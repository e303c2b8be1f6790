#!/usr/bin/env bash
# The studio's responsiveness bars: the longest GUI-thread stall while it diffs and analyses the
# 1M-triple generated pair (bar: 50 ms), and the time from start to the first painted window
# (bar: 1 s). Runs under Xvfb, as a user's X server would.
# With CHANGE_SCALE (e.g. 75: about 125,000 changes) it also shows how the change tree of a large
# comparison regroups and refilters: off the GUI thread, the stalls stay small.
#   bench/studio_responsiveness.sh [TRIPLES] [CHANGE_SCALE]   (default 1000000, the generator's rates)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/timing.sh
generated_pair "${1:-1000000}" "${2:-}"
cmake --build build/default --target bench_studio_responsiveness evograph-studio >/dev/null
x() { xvfb-run -a -s "-screen 0 1280x800x24" "$@"; }
echo "pair: $v1 ($(wc -l <"$v1") lines) -> $v2"
x build/default/bench/bench_studio_responsiveness "$v1" "$v2" 2>/dev/null
for _ in 1 2 3; do
  x timeout 20 build/default/app/evograph-studio --startup-time --screenshot "$out/startup.png" --screenshot-delay 0 2>&1 \
    | grep "first paint"
done
