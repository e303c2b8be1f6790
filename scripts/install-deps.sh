#!/usr/bin/env bash
# Installs what evograph needs to build and test on Debian 12 (bookworm). Idempotent:
# it only calls apt when a package is missing. Decisions (see docs/platform.md):
#  - Serd 0.32.4 from Debian 13 (trixie), pinned low so nothing else is taken from trixie:
#    bookworm's 0.30.16 mis-reads some long strings ("""x."\n\ny""").
#  - Catch2 v3 from bookworm-backports (v2's single header is much slower to compile).
# Usage: scripts/install-deps.sh [build|test|gui|package]   (test adds python3, Virtuoso and tools the
#        tests use, gui adds Xvfb for screenshots, package what CPack's shlibdeps runs)
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-build}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libserd-dev libserd-0-0 libraptor2-dev
  libsqlite3-dev libzstd-dev libssl-dev libcurl4-gnutls-dev
  libcli11-dev libyaml-cpp-dev nlohmann-json3-dev libhwy-dev libtomlplusplus-dev qtkeychain-qt6-dev
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
  catch2
)
case "$profile" in
  build) ;;
  test) packages+=(python3 serdi raptor2-utils sqlite3 clang-format bc time dbus-daemon gnome-keyring curl openssh-client
                 virtuoso-opensource bash-completion zsh man-db)
        command -v npm >/dev/null || packages+=(nodejs npm) ;;
  gui) packages+=(xvfb xauth x11-apps imagemagick) ;;
  package) packages+=(dpkg-dev file) ;;
  *) echo "usage: $0 [build|test|gui|package]" >&2; exit 2 ;;
esac

sources=/etc/apt/sources.list.d/evograph.sources
pins=/etc/apt/preferences.d/evograph
need_update=0
if [ ! -f "$sources" ]; then
  # The machine's own Debian mirror (its apt sources name it), never a host of ours.
  mirror=$(scripts/apt-mirror.sh archive bookworm)
  $SUDO tee "$sources" >/dev/null <<SRC
# Added by evograph's scripts/install-deps.sh: Catch2 v3 (backports) and Serd 0.32 (trixie),
# from the mirror this machine's apt sources already use.
Types: deb
URIs: $mirror
Suites: bookworm-backports trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ ! -f "$pins" ]; then
  $SUDO tee "$pins" >/dev/null <<'PIN'
# Only the packages named here come from trixie / backports; everything else stays on bookworm.
Package: *
Pin: release n=trixie
Pin-Priority: 50

Package: libserd-dev libserd-0-0 serdi
Pin: release n=trixie
Pin-Priority: 600

Package: catch2
Pin: release n=bookworm-backports
Pin-Priority: 600
PIN
  need_update=1
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [ "${status:0:2}" = "ii" ] || missing+=("$p")
done
# An installed but older Serd or Catch2 (from bookworm) is upgraded to the pinned one.
if dpkg --compare-versions "$(dpkg-query -W -f='${Version}' libserd-dev 2>/dev/null || echo 0)" lt 0.32; then
  missing+=(libserd-dev libserd-0-0)
fi
if dpkg --compare-versions "$(dpkg-query -W -f='${Version}' catch2 2>/dev/null || echo 0)" lt 3; then
  missing+=(catch2)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "evograph: installing ${missing[*]}"
  if [ "$need_update" = 1 ] || [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ] \
     || ! apt-cache policy libserd-dev | grep -q trixie; then
    $SUDO apt-get update -qq
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Oxigraph, the SPARQL engine the migration tests compare with and the benchmark measures against:
# from the npm registry, at the version tests/oxigraph/package-lock.json pins.
if [ "$profile" = test ] && [ ! -d tests/oxigraph/node_modules/oxigraph ]; then
  echo "evograph: installing oxigraph (npm)"
  (cd tests/oxigraph && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
