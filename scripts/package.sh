#!/usr/bin/env bash
# Builds the Debian package of evograph (CPack, dependencies computed by dpkg-shlibdeps) from the
# default build: the CLI, the studio, the desktop file, AppStream metainfo, icons, the MIME type of
# workspaces, man pages, bash and zsh completion, and a private Serd 0.32 (docs/platform.md).
#   scripts/package.sh            the last line of output is the .deb's path
# tests/package/install_test.sh installs it in a clean Debian 12 chroot.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/install-deps.sh build
scripts/install-deps.sh package
scripts/build.sh >/dev/null
build=build/default
rm -f "$build"/evograph_*.deb
(cd "$build" && cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log" >&2; exit 1; }
deb=$(ls "$build"/evograph_*.deb)
dpkg-deb --field "$deb" Package Version Depends | sed 's/^/  /'
echo "$root/$deb"
