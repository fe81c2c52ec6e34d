#!/usr/bin/env bash
# idle-hook.sh: a first, rough whole-process figure for a packed charm's idle update-status.
#
#   idle-hook.sh <charm file> <JAVA_HOME> on|off [runs, default 10]
#
# Unzips the .charm into a temporary unit directory, puts shell fake hook tools first on PATH
# (is-leader says true, config-get and leader-get say {}, the rest print nothing), runs install
# once, then update-status once to warm up (writing the start-up cache when it is on), then
# `runs` times under /usr/bin/time -v, and prints the median wall time and peak RSS.
# CHARMS_REACTIVE_JVM_CACHE is set to the third argument. With LAUNCHER=<file> in the
# environment, that file replaces the charm's bin/reactive-java (to time a launcher on a charm
# packed before it). Not part of any test suite.
set -euo pipefail
charm="$(readlink -f -- "$1")" java_home="$2" cache="$3" runs="${4:-10}"
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
mkdir "$work/unit" "$work/tools"
unzip -q "$charm" -d "$work/unit"
[[ -z "${LAUNCHER:-}" ]] || cp -- "$LAUNCHER" "$work/unit/bin/reactive-java"
cat >"$work/tools/fake-tool" <<'TOOL'
#!/usr/bin/env bash
case "${0##*/}" in
  config-get | leader-get) echo '{}' ;;
  is-leader) echo true ;;
  relation-ids) echo '[]' ;;
esac
TOOL
chmod +x "$work/tools/fake-tool"
for tool in config-get leader-get leader-set is-leader relation-ids relation-list relation-get relation-set \
  status-set status-get juju-log application-version-set open-port close-port opened-ports unit-get network-get; do
  ln -s fake-tool "$work/tools/$tool"
done
cd "$work/unit"
export PATH="$work/tools:$PATH" JUJU_UNIT_NAME=charm/0 JUJU_CHARM_DIR="$work/unit" JAVA_HOME="$java_home" \
  CHARMS_REACTIVE_JVM_CACHE="$cache"
JUJU_DISPATCH_PATH=hooks/install ./dispatch >/dev/null 2>&1
export JUJU_DISPATCH_PATH=hooks/update-status
./dispatch >/dev/null 2>&1
for _ in $(seq "$runs"); do
  /usr/bin/time -v ./dispatch 2>&1 >/dev/null |
    awk '/Elapsed \(wall/ {n = split($NF, t, ":"); w = t[n] + (n > 1 ? t[n-1] * 60 : 0)} /Maximum resident/ {r = $NF} END {printf "%.3f %d\n", w, r}'
done | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin]
print("update-status: median wall %.3f s, median peak RSS %.0f MB (%d runs)" % (
    statistics.median(float(r[0]) for r in rows), statistics.median(int(r[1]) for r in rows) / 1024, len(rows)))'
