#!/usr/bin/env bash
# startup-bench.sh: times hooks as whole processes, the way Juju runs them (see README.md).
#
#   reactive-bench/startup-bench.sh [options]
#     --runs N          runs of each hook per configuration (default 20)
#     --original DIR    also run the Python original: DIR holds a source tree of charms.reactive
#                       and one of charm-helpers (each found one level down, by its package)
#     --python FILE     the Python interpreter of the original (default /usr/bin/python3, as on
#                       a unit; a version manager's shim on PATH would add its own start-up)
#     --jdks "A B"      JAVA_HOMEs (default: /usr/lib/jvm/java-17-openjdk-amd64 and
#                       /usr/lib/jvm/temurin-25-jdk-amd64, those present)
#     --only LIST       comma-separated configurations: java-30, java-3000, bash-30, python-30,
#                       floor, launcher (default: all that apply)
#     --compare DIR     also run DIR/bench-30.charm (packed from another commit, say) as the
#                       configurations java-30-...-other and launcher-only-other
#     --opts NAME=OPTS  also run bench-30 with the cache on, on each JDK, with CHARMS_REACTIVE_JAVA_OPTS
#                       set to OPTS, as the configuration java-30-...-NAME (repeatable: to compare
#                       JVM options against the defaults in one alternating run)
#     --classes         instead of timing, count the classes an idle update-status of bench-30
#                       loads on each JDK (-Xlog:class+load), without and with the cache
#     --phases          instead of timing whole hooks, print when (JVM uptime, median of --runs
#                       idle update-status hooks of bench-30) the main class, Reactor's Flux, the
#                       state codec, the dispatcher and the last class were loaded
#
# Charms: reactive-bench/target/bench-30.charm, bench-3000.charm and
# examples/target/bench-bash-30.charm (build them with mvn package). Each configuration gets its
# own unit directory (the .charm unzipped). In each round, every configuration runs, one after the
# other (so a change in the machine's load touches all alike): `install` from an empty state (the
# state file removed; the start-up cache, when on, kept), then an idle `update-status` (the state
# is settled: only the ready handlers run and nothing is committed). With the cache on, the unit
# first runs two hooks that write and check the cache. Printed: the median wall time, CPU time
# (user + sys) and peak RSS of each.
#
# Hook tools are shell fakes first on PATH (is-leader says true, config-get and leader-get {},
# relation-ids [], the others print nothing); JUJU_CONTEXT_ID is set, as in a real hook: the harness's executable tools talk to a server
# inside the harness's JVM, which only serves hooks the harness runs itself. Not a test: never run
# by the build.
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
top="${here%/*}"
runs=20 original="" python=/usr/bin/python3 jdks="" only="" classes=false phases=false compare="" optsets=()
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --original) original="$(readlink -f -- "$2")"; shift 2 ;;
    --jdks) jdks="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    --only) only=",$2,"; shift 2 ;;
    --classes) classes=true; shift ;;
    --phases) phases=true; shift ;;
    --compare) compare="$(readlink -f -- "$2")"; shift 2 ;;
    --opts)
      [[ "$2" =~ ^[A-Za-z0-9_.-]+= ]] || { echo "startup-bench.sh: --opts $2 is not NAME=OPTS" >&2; exit 2; }
      optsets+=("$2"); shift 2 ;;
    *) echo "startup-bench.sh: unknown argument $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "startup-bench.sh: --runs $runs is not a positive number" >&2; exit 2; }
if [[ -z "$jdks" ]]; then
  for j in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64; do
    [[ -x "$j/bin/java" ]] && jdks="$jdks $j"
  done
fi
wanted() { [[ -z "$only" || "$only" == *",$1,"* ]]; }
charm30="$top/reactive-bench/target/bench-30.charm"
charm3000="$top/reactive-bench/target/bench-3000.charm"
charmbash="$top/examples/target/bench-bash-30.charm"
for f in "$charm30" "$charm3000" "$charmbash"; do
  [[ "$f" != "$charm3000" ]] || $classes || $phases || wanted java-3000 || continue
  [[ "$f" != "$charmbash" ]] || $classes || $phases || wanted bash-30 || continue
  [[ -f "$f" ]] || { echo "startup-bench.sh: $f is missing: run mvn package first" >&2; exit 1; }
done

work="$(mktemp -d /tmp/startup-bench.XXXXXX)"
trap 'rm -rf -- "$work"' EXIT
mkdir "$work/tools"
cat >"$work/tools/fake-tool" <<'TOOL'
#!/bin/sh
case "${0##*/}" in
  config-get | leader-get) echo '{}' ;;
  is-leader) echo true ;;
  relation-ids) echo '[]' ;;
esac
[ -z "${BENCH_TOOL_LOG:-}" ] || echo "${0##*/} $*" >>"$BENCH_TOOL_LOG"
TOOL
chmod +x "$work/tools/fake-tool"
for tool in config-get leader-get leader-set is-leader relation-ids relation-list relation-get \
  relation-set status-set status-get juju-log application-version-set open-port close-port \
  opened-ports unit-get network-get action-get action-set action-log action-fail goal-state; do
  ln -s fake-tool "$work/tools/$tool"
done
# As on a unit: a hook context, so both frameworks log through juju-log.
export PATH="$work/tools:$PATH" JUJU_UNIT_NAME=bench/0 JUJU_MODEL_NAME=bench JUJU_CONTEXT_ID=bench/0-hook-1 \
  LANG=C.UTF-8

# unit <name> <charm file>: an unzipped unit directory.
unit() {
  mkdir -p "$work/$1"
  unzip -q "$2" -d "$work/$1"
}

# hook <unit dir> <hook> [env...]: runs one hook of the unit, output discarded; fails loudly.
hook() {
  local dir="$1" name="$2"
  shift 2
  if [[ -x "$dir/dispatch" ]]; then
    (cd "$dir" && env JUJU_CHARM_DIR="$dir" CHARM_DIR="$dir" JUJU_DISPATCH_PATH="hooks/$name" "$@" ./dispatch) >/dev/null 2>"$work/err" ||
      { echo "startup-bench.sh: $name failed in $dir:" >&2; cat "$work/err" >&2; exit 1; }
  else
    (cd "$dir" && env JUJU_CHARM_DIR="$dir" CHARM_DIR="$dir" JUJU_HOOK_NAME="$name" "$@" "hooks/$name") >/dev/null 2>"$work/err" ||
      { echo "startup-bench.sh: $name failed in $dir:" >&2; cat "$work/err" >&2; exit 1; }
  fi
}

# measure <label> <command...>: runs the command once under /usr/bin/time, appends
# "<label> <wall s> <cpu s> <peak RSS KiB>" to the results.
measure() {
  local label="$1" start end
  shift
  start=$EPOCHREALTIME
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" ||
    { echo "startup-bench.sh: $label failed:" >&2; cat "$work/err" >&2; exit 1; }
  end=$EPOCHREALTIME
  read -r user sys rss <"$work/time"
  echo "$label $(awk -v a="$start" -v b="$end" -v u="$user" -v s="$sys" 'BEGIN {printf "%.4f %.2f", b - a, u + s}') $rss" >>"$work/results"
}

# hookcmd <unit dir> <hook>: the command line of one hook (for measure).
hookcmd() {
  local dir="$1" name="$2"
  if [[ -x "$dir/dispatch" ]]; then
    echo env JUJU_CHARM_DIR="$dir" CHARM_DIR="$dir" JUJU_DISPATCH_PATH="hooks/$name" "$dir/dispatch"
  else
    echo env JUJU_CHARM_DIR="$dir" CHARM_DIR="$dir" JUJU_HOOK_NAME="$name" "$dir/hooks/$name"
  fi
}

jdkname() { "$1/bin/java" -version 2>&1 | awk -F'"' 'NR == 1 {split($2, v, "."); print "jdk" v[1]}'; }

# The Python original, same shape: 10 components of three handlers, generated here.
python_unit() {
  local dir="$work/python-30" cr ch i
  cr="$(find "$original" -maxdepth 4 -path '*/charms/reactive/__init__.py' | head -n 1)"
  cr="${cr%/charms/reactive/__init__.py}"
  ch="$(find "$original" -maxdepth 3 -path '*/charmhelpers/__init__.py' | head -n 1)"
  ch="${ch%/charmhelpers/__init__.py}"
  [[ -d "$cr/charms" && -d "$ch/charmhelpers" ]] ||
    { echo "startup-bench.sh: --original $original holds no charms.reactive and charm-helpers sources" >&2; exit 1; }
  python_real="$(readlink -f -- "$(command -v -- "$python")")" ||
    { echo "startup-bench.sh: no Python interpreter $python" >&2; exit 1; }
  mkdir -p "$dir/hooks" "$dir/reactive"
  printf 'name: python-30\nsummary: bench\ndescription: bench\n' >"$dir/metadata.yaml"
  {
    echo "from charms.reactive import when, when_not, set_flag"
    for i in $(seq 0 9); do
      printf '\n\n@when_not("installed.%d")\ndef install_%d():\n    set_flag("installed.%d")\n' "$i" "$i" "$i"
      printf '\n\n@when("installed.%d")\n@when_not("configured.%d")\ndef configure_%d():\n    set_flag("configured.%d")\n' "$i" "$i" "$i" "$i"
      printf '\n\n@when("configured.%d", "installed.%d")\ndef ready_%d():\n    pass\n' "$i" "$i" "$i"
    done
  } >"$dir/reactive/bench.py"
  for name in install update-status; do
    printf '#!%s\nimport sys\nsys.path[0:0] = ["%s", "%s"]\nfrom charms.reactive import main\nmain()\n' \
      "$python_real" "$cr" "$ch" >"$dir/hooks/$name"
    chmod +x "$dir/hooks/$name"
  done
}

# A Java runtime that only pretends: the launcher's own cost (it writes an archive when asked).
fake_jdk() {
  mkdir -p "$work/fakejdk/bin"
  echo 'JAVA_VERSION="17.0.99"' >"$work/fakejdk/release"
  cat >"$work/fakejdk/bin/java" <<'JAVA'
#!/bin/sh
for a; do case "$a" in -XX:ArchiveClassesAtExit=*) echo archive >"${a#*=}" ;; esac; done
JAVA
  chmod +x "$work/fakejdk/bin/java"
}

# JVM hello worlds: the floor under any Java hook.
hello() {
  mkdir -p "$work/hello"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/hello/Hello.java"
  /usr/lib/jvm/java-17-openjdk-amd64/bin/javac --release 17 -d "$work/hello" "$work/hello/Hello.java"
  (cd "$work/hello" && /usr/lib/jvm/java-17-openjdk-amd64/bin/jar cf hello.jar Hello.class)
}

defaults="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:-UsePerfData"

if $classes; then
  unit classes "$charm30"
  for jdk in $jdks; do
    for cache in off on; do
      rm -rf "$work/classes/.cache" "$work/classes/.unit-state.json"
      hook "$work/classes" install JAVA_HOME="$jdk" CHARMS_REACTIVE_JVM_CACHE="$cache"
      hook "$work/classes" update-status JAVA_HOME="$jdk" CHARMS_REACTIVE_JVM_CACHE="$cache"
      hook "$work/classes" update-status JAVA_HOME="$jdk" CHARMS_REACTIVE_JVM_CACHE="$cache" \
        CHARMS_REACTIVE_JAVA_OPTS="$defaults -Xlog:class+load=info:file=$work/classes.log"
      printf '%s cache %-3s idle update-status of bench-30 loads %d classes (%d of them from the cache)\n' \
        "$(jdkname "$jdk")" "$cache" "$(grep -c 'source:' "$work/classes.log")" \
        "$(grep -c 'source: shared objects file\|source: shared archive\|source: AOT' "$work/classes.log" || true)"
      rm -f "$work/classes.log"
    done
  done
  exit 0
fi

if $phases; then
  unit phases "$charm30"
  for jdk in $jdks; do
    for cache in off on; do
      rm -rf "$work/phases/.cache" "$work/phases/.unit-state.json"
      hook "$work/phases" install JAVA_HOME="$jdk" CHARMS_REACTIVE_JVM_CACHE="$cache"
      hook "$work/phases" update-status JAVA_HOME="$jdk" CHARMS_REACTIVE_JVM_CACHE="$cache"
      for ((r = 1; r <= runs; r++)); do
        hook "$work/phases" update-status JAVA_HOME="$jdk" CHARMS_REACTIVE_JVM_CACHE="$cache" \
          CHARMS_REACTIVE_JAVA_OPTS="$defaults -Xlog:class+load=info:file=$work/phases.log:uptime"
        awk -v run="$r" '
          / charms\.reactive\.bench\.Bench30 / {m = $1} / reactor\.core\.publisher\.Flux / {f = $1}
          / charms\.reactive\.state\.StateCodec / {s = $1} / charms\.reactive\.internal\.dispatch\.Dispatcher / {d = $1}
          {l = $1} END {gsub(/[^0-9.]/, "", m); gsub(/[^0-9.]/, "", f); gsub(/[^0-9.]/, "", s);
            gsub(/[^0-9.]/, "", d); gsub(/[^0-9.]/, "", l); print m, f, s, d, l}' "$work/phases.log" >>"$work/phases.txt"
        rm -f "$work/phases.log"
      done
      python3 - "$(jdkname "$jdk") cache $cache" "$work/phases.txt" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[2])]
m = [statistics.median(r[i] for r in rows) * 1000 for i in range(5)]
print("%s: main class %.0f ms, Flux %.0f ms, StateCodec %.0f ms, Dispatcher %.0f ms, last class %.0f ms (JVM uptime, median of %d)"
      % (sys.argv[1], m[0], m[1], m[2], m[3], m[4], len(rows)))
PY
      rm -f "$work/phases.txt"
    done
  done
  exit 0
fi

# Configurations: "<label>|<unit dir>|<env;env...>"
configs=()
for jdk in $jdks; do
  j="$(jdkname "$jdk")"
  for cache in off on; do
    for shape in 30 3000; do
      wanted "java-$shape" || continue
      name="java-$shape-$j-cache-$cache"
      if [[ "$shape" == 30 ]]; then unit "$name" "$charm30"; else unit "$name" "$charm3000"; fi
      configs+=("$name|$work/$name|JAVA_HOME=$jdk;CHARMS_REACTIVE_JVM_CACHE=$cache")
    done
    # the bash-only charm with the cache on only (as deployed; it keeps a run under 10 minutes)
    if wanted bash-30 && [[ "$cache" == on ]]; then
      name="bash-30-$j-cache-$cache"
      unit "$name" "$charmbash"
      configs+=("$name|$work/$name|JAVA_HOME=$jdk;CHARMS_REACTIVE_JVM_CACHE=$cache")
    fi
  done
done
if [[ -n "$compare" ]]; then
  [[ -f "$compare/bench-30.charm" ]] || { echo "startup-bench.sh: --compare $compare has no bench-30.charm" >&2; exit 1; }
  for jdk in $jdks; do
    j="$(jdkname "$jdk")"
    for cache in off on; do
      name="java-30-$j-cache-$cache-other"
      unit "$name" "$compare/bench-30.charm"
      configs+=("$name|$work/$name|JAVA_HOME=$jdk;CHARMS_REACTIVE_JVM_CACHE=$cache")
    done
  done
fi
for o in "${optsets[@]}"; do
  for jdk in $jdks; do
    name="java-30-$(jdkname "$jdk")-cache-on-${o%%=*}"
    unit "$name" "$charm30"
    # the environment entries are separated by ";" (the options hold spaces)
    configs+=("$name|$work/$name|JAVA_HOME=$jdk;CHARMS_REACTIVE_JVM_CACHE=on;CHARMS_REACTIVE_JAVA_OPTS=${o#*=}")
  done
done
if [[ -n "$original" ]] && wanted python-30; then
  python_unit
  configs+=("python-30-original|$work/python-30|")
fi
floors=()
if wanted floor; then
  hello
  for jdk in $jdks; do
    j="$(jdkname "$jdk")"
    floors+=("hello-$j-no-cds|$jdk/bin/java $defaults -Xshare:off -cp $work/hello/hello.jar Hello")
    floors+=("hello-$j-jdk-cds|$jdk/bin/java $defaults -Xshare:auto -cp $work/hello/hello.jar Hello")
  done
fi
if wanted launcher; then
  fake_jdk
  unit launcher "$charm30"
  configs+=("launcher-only-bench-30|$work/launcher|JAVA_HOME=$work/fakejdk;CHARMS_REACTIVE_JVM_CACHE=on")
  if [[ -n "$compare" ]]; then
    unit launcher-other "$compare/bench-30.charm"
    configs+=("launcher-only-other|$work/launcher-other|JAVA_HOME=$work/fakejdk;CHARMS_REACTIVE_JVM_CACHE=on")
  fi
fi

# Warm-up: with the cache on, the first hook writes it and the second uses it.
for c in "${configs[@]}"; do
  IFS='|' read -r label dir envs <<<"$c"
  IFS=";" read -r -a e <<<"$envs"
  hook "$dir" install "${e[@]}"
  hook "$dir" update-status "${e[@]}"
done

: >"$work/results"
for ((r = 1; r <= runs; r++)); do
  for c in "${configs[@]}"; do
    IFS='|' read -r label dir envs <<<"$c"
    IFS=";" read -r -a e <<<"$envs"
    rm -f "$dir/.unit-state.json" "$dir/.unit-state.db"
    read -r -a cmd <<<"$(hookcmd "$dir" install)"
    measure "$label:install" env "${e[@]}" "${cmd[@]}"
    read -r -a cmd <<<"$(hookcmd "$dir" update-status)"
    measure "$label:update-status" env "${e[@]}" "${cmd[@]}"
  done
  for f in "${floors[@]}"; do
    IFS='|' read -r label command <<<"$f"
    read -r -a cmd <<<"$command"
    measure "$label:run" "${cmd[@]}"
  done
done

python3 - "$work/results" "$runs" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, wall, cpu, rss = line.split()
    rows.setdefault(label, []).append((float(wall), float(cpu), int(rss)))
print("| configuration | hook | median wall | median CPU (user+sys) | median peak RSS |")
print("|---|---|---|---|---|")
for label, values in rows.items():
    config, hook = label.rsplit(":", 1)
    print("| %s | %s | %.3f s | %.2f s | %.0f MB |" % (config, hook,
        statistics.median(v[0] for v in values), statistics.median(v[1] for v in values),
        statistics.median(v[2] for v in values) / 1024))
print("(%s runs each, alternating)" % sys.argv[2])
PY
