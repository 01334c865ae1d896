#!/usr/bin/env bash
# Builds the .deb and checks it as Debian and a user would: lintian, AppStream, the desktop
# file, then installs it with apt-get (dependencies resolve), runs the installed app, and
# removes it again, checking nothing of it is left. Needs root (apt-get install/remove).
#   packaging/check-package.sh            what .ci/run calls after the tests
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(scripts/dev package | tail -n 1)
echo "check-package: $deb ($(du -h "$deb" | cut -f1))"

# lintian refuses to judge as root without a word; errors and warnings fail the check.
lintian --fail-on error,warning --pedantic "$deb"
appstreamcli validate --no-net assets/org.unknot.Unknot.metainfo.xml
desktop-file-validate assets/unknot.desktop

files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}')
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq unknot >/dev/null 2>&1 || true' EXIT

home=$(mktemp -d)
export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data
(cd "$home" && /usr/bin/unknot --version)
(cd "$home" && /usr/bin/unknot list) | grep -q "post-run-complete" ||
  { echo "check-package: the installed unknot does not list its built-in routines" >&2; exit 1; }
man -w unknot
# The installed app in a window for a few seconds: still running when it is stopped.
rc=0
(cd "$home" && SDL_AUDIODRIVER=dummy timeout 6 xvfb-run -a /usr/bin/unknot run post-run-complete) >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 124 ] || { echo "check-package: the installed app ended with exit $rc within 6 s" >&2; exit 1; }
rm -rf "$home"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq unknot >/dev/null
trap - EXIT
left=$(for f in $files; do [ -e "$f" ] && echo "$f"; done || true)
[ -z "$left" ] || { echo "check-package: left after apt-get remove:" $left >&2; exit 1; }
echo "check-package: lintian, appstreamcli and desktop-file-validate pass; installed, ran and removed cleanly"
