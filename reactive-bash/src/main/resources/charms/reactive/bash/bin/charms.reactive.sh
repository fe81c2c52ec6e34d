#!/usr/bin/env bash
# charms.reactive.sh: write reactive handlers in bash, with the decorators of the Python
# framework's charms.reactive.sh. Source it, decorate functions, end with reactive_handler_main:
#
#   source charms.reactive.sh
#
#   @when 'db.database.available' 'admin-pass'
#   function render_config() {
#     ...
#   }
#
#   reactive_handler_main
#
# The framework runs the file with --test (print the names of the functions whose decorators
# hold, comma-separated; exit 1 if none) and then with --invoke <names> (run them in that order).
# Differences from the original, each a fix: functions are tested and run in source order; a
# function that fails fails the hook; only @only_once functions are marked as run (and the
# framework marks them, after the hook's handlers succeeded); name_relation_get works; a
# decorator without arguments (other than @only_once and @stable) is refused; --test changes no
# state. Beyond the original: @stable, @inputs and @when_changed (see below).

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
  exit 0
fi

# xtrace: a handler file that runs with set -x keeps it for its own functions, never for this
# library's internals; CHARMS_REACTIVE_TRACE=true traces the internals too (set -x throughout).
_reactive_xtrace=0
[[ $- == *x* ]] && _reactive_xtrace=1
_reactive_trace=0
if [[ "${CHARMS_REACTIVE_TRACE:-}" == "true" ]]; then
  _reactive_trace=1
  set -x
else
  set +x
fi

REACTIVE_ACTION="${1:---test}"
REACTIVE_ARGS="${2-}"
declare -A REACTIVE_TESTS=()
declare -A REACTIVE_HANDLERS=()
declare -a REACTIVE_ORDER=()
export PATH="$PATH:${CHARM_DIR:-.}/bin"

# Field separators of a test spec (no flag or file name may hold control characters).
_REACTIVE_US=$'\x1f'
_REACTIVE_RS=$'\x1e'

# The lines of each decorated file, read once (no process is started while decorating).
declare -A _REACTIVE_SOURCE_READ=()
declare -a _REACTIVE_LINES=()

# Finds the function defined after the decorator at line $2 of file $1 (decorator lines, blank
# lines and comments in between are skipped) and prints its name.
_reactive_decorated_function() {
  local file=$1 line=$2 text i
  if [[ -z ${_REACTIVE_SOURCE_READ[$file]+set} ]]; then
    mapfile -t _REACTIVE_LINES <"$file"
    _REACTIVE_SOURCE_READ[$file]=1
  fi
  for ((i = line; i < ${#_REACTIVE_LINES[@]}; i++)); do
    text=${_REACTIVE_LINES[i]}
    [[ $text =~ ^[[:space:]]*(@|#|$) ]] && continue
    if [[ $text =~ ^[[:space:]]*(function[[:space:]]+)?([A-Za-z_][A-Za-z0-9_.:-]*)[[:space:]]*(\(\))? ]]; then
      if [[ -n ${BASH_REMATCH[1]} || -n ${BASH_REMATCH[3]} ]]; then
        _REACTIVE_FUNCTION=${BASH_REMATCH[2]}
        return 0
      fi
    fi
    break
  done
  echo "charms.reactive.sh: no function definition follows the decorator at $file:$line" >&2
  return 1
}

# @decorator <test> <args...>: adds a test to the function defined after the calling decorator.
_reactive_decorate() {
  local test=$1
  shift
  local file=${BASH_SOURCE[2]} line=${BASH_LINENO[1]} func id arg
  _reactive_decorated_function "$file" "$line" || exit 1
  func=$_REACTIVE_FUNCTION
  if [[ -z ${REACTIVE_HANDLERS[$func]+set} ]]; then
    id="${file#"${CHARM_DIR:-}/"}:$func"
    REACTIVE_HANDLERS[$func]=$id
    REACTIVE_ORDER+=("$func")
    REACTIVE_TESTS[$func]="$func$_REACTIVE_US$id"
  fi
  REACTIVE_TESTS[$func]+="$_REACTIVE_US$test"
  for arg in "$@"; do
    REACTIVE_TESTS[$func]+="$_REACTIVE_RS$arg"
  done
}

@hook() { _reactive_decorate hook "$@"; }
@when() { _reactive_decorate when "$@"; }
@when_all() { _reactive_decorate when_all "$@"; }
@when_any() { _reactive_decorate when_any "$@"; }
@when_not() { _reactive_decorate when_not "$@"; }
@when_none() { _reactive_decorate when_none "$@"; }
@when_not_all() { _reactive_decorate when_not_all "$@"; }
@when_file_changed() { _reactive_decorate when_file_changed "$@"; }
@only_once() { _reactive_decorate only_once "$@"; }
# Stable functions run only when their inputs changed since their last successful run: the flags
# their decorators read (with values) plus @inputs kind:key ... (config:port, leader:password,
# relation:db:host, file:/etc/app.conf, flag:name, data:key); @inputs implies @stable.
@stable() { _reactive_decorate stable "$@"; }
@inputs() { _reactive_decorate inputs "$@"; }
# Hook-scoped facts: true only in the hook where the change was seen (config.port,
# endpoint.db.host, endpoint.db.departed, charm.upgraded, file:/path), once per hook.
@when_changed() { _reactive_decorate when_changed "$@"; }

# Calls the framework inside this bash process: the request goes over the hook's private channel
# with bash's own /dev/tcp, so a call starts no process at all (the charms.reactive executable
# speaks the same protocol, for callers that are not bash functions). Outside a hook it runs the
# charms.reactive executable, which works on the committed state.
_reactive_call() {
  if [[ -z ${CHARMS_REACTIVE_CHANNEL:-} ]]; then
    command charms.reactive "$@"
    return
  fi
  local fd code out err
  # (the braces keep bash's "connection refused" quiet without redirecting this shell's stderr)
  if ! { exec {fd}<>"/dev/tcp/${CHARMS_REACTIVE_CHANNEL%:*}/${CHARMS_REACTIVE_CHANNEL##*:}"; } 2>/dev/null; then
    echo "charms.reactive: cannot reach the hook's channel at ${CHARMS_REACTIVE_CHANNEL}: the run of the handler that started this process is over (a background job cannot change the hook's state)" >&2
    return 1
  fi
  printf '%s\0%s\0' "${CHARMS_REACTIVE_TOKEN:-}" "$#" >&"$fd"
  (($# == 0)) || printf '%s\0' "$@" >&"$fd"
  [[ " $* " != *" render_template "* ]] || env -0 >&"$fd"
  printf '\0' >&"$fd"
  if ! IFS= read -r -d '' code <&"$fd"; then
    exec {fd}>&-
    echo "charms.reactive: the dispatcher closed the channel" >&2
    return 1
  fi
  IFS= read -r -d '' out <&"$fd" || true
  IFS= read -r -d '' err <&"$fd" || true
  exec {fd}>&-
  [[ -z $out ]] || printf '%s' "$out"
  [[ -z $err ]] || printf '%s' "$err" >&2
  return "$code"
}

# Inside handler files, "charms.reactive ..." is this function: no process per call.
charms.reactive() { _reactive_call "$@"; }

set_flag() { _reactive_call set_flag "$@"; }
clear_flag() { _reactive_call clear_flag "$@"; }
relation_call() { _reactive_call relation_call "$@"; }
all_flags_set() { _reactive_call all_flags_set "$@"; }
any_flags_set() { _reactive_call any_flags_set "$@"; }

# Deprecated aliases, kept working.
set_state() { _reactive_call set_flag "$@"; }
remove_state() { _reactive_call clear_flag "$@"; }
all_states() { _reactive_call all_flags_set "$@"; }
any_states() { _reactive_call any_flags_set "$@"; }

# state_relation_call FLAG METHOD ARGS... (deprecated): relation_call through a flag.
state_relation_call() {
  local flag=$1
  shift
  _reactive_call relation_call --flag "$flag" "$@"
}

# name_relation_get RELNAME UNIT [KEY] [--format=..]: relation-get on the relation of RELNAME
# that UNIT belongs to.
name_relation_get() {
  local relname=$1 unit=$2
  shift 2
  local rid
  rid=$(_reactive_call relation_id "$relname" "$unit") || return
  relation-get -r "$rid" "${@:-"-"}" "$unit"
}

reactive_handler_main() {
  local specs=() func code=0
  case "$REACTIVE_ACTION" in
    --test)
      echo "Running reactive_handler_main for ${0##*/} (test)" >&2
      for func in "${REACTIVE_ORDER[@]}"; do
        specs+=("${REACTIVE_TESTS[$func]}")
      done
      local out=""
      if ((${#specs[@]} > 0)); then
        out=$(_reactive_call test "${specs[@]}") || exit 2
      fi
      if [[ -n $out ]]; then
        echo "$out"
        echo "Will invoke: $out" >&2
        echo "End reactive_handler_main (test)" >&2
        exit 0
      fi
      echo "Nothing to invoke" >&2
      echo "End reactive_handler_main (test)" >&2
      exit 1
      ;;
    --invoke)
      echo "Running reactive_handler_main for ${0##*/} (invoke)" >&2
      local names=() still
      IFS=, read -r -a names <<<"$REACTIVE_ARGS"
      for func in "${names[@]}"; do
        if [[ -z ${REACTIVE_HANDLERS[$func]+set} ]]; then
          echo "charms.reactive.sh: --invoke names '$func', which is not a decorated function" >&2
          exit 2
        fi
        # A function starts only while its decorators hold: other handlers or an earlier function
        # may have changed flags since --test.
        still=$(_reactive_call test "${REACTIVE_TESTS[$func]}") || exit 2
        if [[ -z $still ]]; then
          echo "Skipping bash reactive handler $func: its decorators no longer hold" >&2
          continue
        fi
        echo "Invoking bash reactive handler: $func" >&2
        # the function runs with the file's own xtrace setting, the library with CHARMS_REACTIVE_TRACE's
        if ((_reactive_xtrace)); then set -x; else set +x; fi
        "$func"
        code=$?
        if ((_reactive_trace)); then set -x; else set +x; fi
        if ((code != 0)); then
          echo "bash reactive handler $func failed with exit code $code" >&2
          exit "$code"
        fi
      done
      echo "End reactive_handler_main (invoke)" >&2
      exit 0
      ;;
    *)
      echo "usage: $0 --test | --invoke <handler,...>" >&2
      exit 2
      ;;
  esac
}
