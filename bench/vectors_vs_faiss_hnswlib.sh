#!/usr/bin/env bash
# The vector engine against FAISS (OpenBLAS) and hnswlib, each comparison in one process on the
# same data (bench/vector_benchmark.cpp): a Gaussian mixture and uniform unit vectors, d = 384,
# 100k and 1M vectors, 1000 queries. Writes bench/out/vectors-N.csv and .md per size and the
# recall/QPS plot docs/vector-recall-qps.png (of every size measured).
#   bench/vectors_vs_faiss_hnswlib.sh [SIZES]     (default: "100000 1000000")
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-100000 1000000}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need=()
for p in libfaiss-dev libopenblas0-pthread libhnswlib-dev python3-matplotlib python3-numpy; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -f build/default/build.ninja ] || cmake --preset default >/dev/null
cmake build/default >/dev/null # finds FAISS and hnswlib now that they are there
cmake --build build/default --target bench_vectors >/dev/null
mkdir -p bench/out
for n in $sizes; do
    csv="bench/out/vectors-$n.csv"; md="bench/out/vectors-$n.md"
    rm -f "$csv"; : > "$md"
    for data in mixture uniform; do
        extra=()
        # FAISS's HNSW takes most of an hour to build 1M vectors here, and the f16 and int8
        # storages are measured at 100k: at 1M, only evograph's f32 HNSW against hnswlib.
        [ "$n" -ge 1000000 ] && extra+=(--skip-faiss-hnsw --skip-storages)
        # FAISS runs as its own users run it: without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which
        # this machine sets for old OpenBLAS bugs and which hold OpenBLAS to an older kernel and small
        # blocks (unset in this command alone: tests and CI keep them).
        env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
            build/default/bench/bench_vectors --n "$n" --data "$data" --csv "$csv" "${extra[@]}" | tee -a "$md"
    done
done
# The plot covers every size measured so far (one CSV per size).
/usr/bin/python3 - docs/vector-recall-qps.png bench/out/vectors-*.csv <<'PY'
import csv, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = [r for path in sys.argv[2:] for r in csv.DictReader(open(path))]
sets = sorted({(r["data"], int(r["n"])) for r in rows}, key=lambda s: (s[1], s[0]))
fig, axes = plt.subplots(1, len(sets), figsize=(5.2 * len(sets), 4.4), squeeze=False)
styles = {"evograph": ("tab:blue", "o"), "hnswlib": ("tab:orange", "s"), "faiss": ("tab:green", "^")}
for ax, (data, n) in zip(axes[0], sets):
    mine = [r for r in rows if r["data"] == data and int(r["n"]) == n]
    for library, (colour, marker) in styles.items():
        curve = [r for r in mine if r["what"] == "hnsw search" and r["library"] == library]
        if curve:
            ax.plot([float(r["recall"]) for r in curve], [float(r["qps"]) for r in curve], marker=marker,
                    color=colour, label=f"HNSW {library}")
    for r in mine:
        if r["what"] == "flat batch" and r["setting"] == "1 thread":
            ax.scatter([float(r["recall"])], [float(r["qps"])], marker="*", s=120,
                       color=styles["evograph" if r["library"] == "evograph" else "faiss"][0],
                       label=f"flat {r['library']} (1 thread)")
        if r["what"].startswith("pq") and ("re-rank 100" in r["setting"]):
            ax.scatter([float(r["recall"])], [float(r["qps"])], marker="D", s=50,
                       color=styles["evograph" if r["library"].startswith("evograph") else "faiss"][0],
                       alpha=0.6, label=f"{r['library']} {r['setting']}")
    ax.set_yscale("log")
    ax.set_xlabel("recall@10"); ax.set_ylabel("queries per second (1 thread)")
    ax.set_title(f"{data}, n = {n:,}, d = 384")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110)
print("plot:", sys.argv[1])
PY
