#!/usr/bin/env bash
# Installs the .deb on a fresh, minimal Debian 12 the way a user would, and checks it runs:
#   tests/package/install_test.sh [DEB]        (default: builds it with scripts/package.sh)
# Needs root and debootstrap (apt install debootstrap). The chroot has Debian 12's own sources
# only (bookworm, bookworm-updates, bookworm-security: no backports, no trixie), so every
# dependency the package declares must resolve there. Nothing outside $work is touched; the base
# system is cached in ~/.cache/evograph/ so a second run takes about a minute.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
deb=${1:-$("$root/scripts/package.sh" | tail -1)}
[ -f "$deb" ] || { echo "install_test: no package '$deb'" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "install_test: needs root (chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "install_test: needs debootstrap" >&2; exit 2; }

# The mirror and security archive this machine's apt sources name (a local or corporate one, often).
mirror=$("$root/scripts/apt-mirror.sh" archive bookworm)
security=$("$root/scripts/apt-mirror.sh" security bookworm 2>/dev/null || true)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/evograph; mkdir -p "$cache"
base="$cache/debootstrap-bookworm-minbase.tgz"
work=$(mktemp -d /tmp/evograph-install-test.XXXXXX)
chroot_dir="$work/root"
cleanup() { umount "$chroot_dir/proc" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [ ! -f "$base" ]; then
    echo "install_test: making a minimal Debian 12 (debootstrap, once)"
    debootstrap --variant=minbase --make-tarball="$base" bookworm "$work/tarball" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; exit 2; }
fi
debootstrap --variant=minbase --unpack-tarball="$base" bookworm "$chroot_dir" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 2; }
cat >"$chroot_dir/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
${security:+deb $security bookworm-security main}
SOURCES
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$chroot_dir/proc"
cp "$deb" "$chroot_dir/tmp/"
cp "$root"/resources/demo/user-v1.ttl "$root"/resources/demo/user-v2.ttl "$chroot_dir/tmp/"
in_root() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

failures=0
check() { # NAME COMMAND...: runs it in the chroot, reports
    local name=$1; shift
    if out=$(in_root "$@" 2>&1); then echo "ok   $name"; else echo "FAIL $name"; echo "$out" | tail -15 | sed 's/^/     /'; failures=$((failures + 1)); fi
}

in_root apt-get update -qq >/dev/null
# What a user types; the validators and xdg-utils are what a desktop has, not package dependencies.
check "apt install ./$(basename "$deb")" apt-get install -y -qq "/tmp/$(basename "$deb")"
check "tools for the checks" apt-get install -y -qq desktop-file-utils appstream xdg-utils shared-mime-info
check "no package from outside Debian 12" sh -c '! apt list --installed 2>/dev/null | grep -E "trixie|backports"'
check "evograph --version" sh -c 'evograph --version | grep -qx "evograph 0.1.0"'
check "evograph-studio --version (no display)" sh -c 'evograph-studio --version | grep -q "evograph-studio 0.1.0"'
check "private Serd 0.32 through RUNPATH" sh -c 'ldd /usr/bin/evograph | grep -q "libserd-0.so.0 => /usr/bin/../lib/evograph/libserd-0.so.0"'
check "evograph diff runs" sh -c 'cd /tmp && evograph diff user-v1.ttl user-v2.ttl >/dev/null; test $? = 1'
check "evograph man page" sh -c 'test -s /usr/share/man/man1/evograph.1.gz && test -s /usr/share/man/man1/evograph-studio.1.gz'
check "bash and zsh completion" sh -c 'test -s /usr/share/bash-completion/completions/evograph && test -s /usr/share/zsh/vendor-completions/_evograph'
check "desktop-file-validate" desktop-file-validate /usr/share/applications/evograph-studio.desktop
check "appstreamcli validate" appstreamcli validate --no-net /usr/share/metainfo/org.evograph.Studio.metainfo.xml
check "workspace MIME type" sh -c 'cd /tmp && evograph ws init demo.evograph >/dev/null && evograph ws import demo.evograph user-v1.ttl --graph user >/dev/null && test "$(xdg-mime query filetype demo.evograph)" = application/x-evograph-workspace'
check "studio opens workspaces" sh -c 'test "$(xdg-mime query default application/x-evograph-workspace)" = evograph-studio.desktop'
# What a double-click runs (Exec=evograph-studio %F), on the offscreen platform: the workspace opens.
check "double-click opens the workspace" sh -c 'cd /tmp && QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp evograph-studio demo.evograph --screenshot shot.png && test -s shot.png'
check "apt remove" apt-get remove -y -qq evograph
[ "$failures" = 0 ] && echo "install_test: the package installs and runs on Debian 12" || { echo "install_test: $failures checks failed" >&2; exit 1; }
