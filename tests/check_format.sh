#!/usr/bin/env bash
# Fails when a C++ source is not formatted with the repository's .clang-format.
set -euo pipefail
clang_format="$1"; root="$2"
cd "$root"
mapfile -t files < <(find app core ui tests bench -name '*.cpp' -o -name '*.h' | sort)
"$clang_format" --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files formatted"
