#!/usr/bin/env bash
# A fake Juju hook tool from reactive-testing. Every tool name is a symlink to this script, as
# every real tool is a symlink to jujuc. It forwards its name, arguments and working directory
# to the test harness's loopback server named by Juju's own variables, and its standard input
# only if the tool asks for it (relation-set/state-set --file -), then prints the answer and exits
# with the tool's exit code.
#
# Wire format, line based:
#   -> JUJUC1, then one base64 line of NUL-terminated fields: context id, tool, working dir,
#      the arguments (argv cannot hold a NUL, so the framing is unambiguous)
#   <- optionally STDIN (then -> the whole stdin as one base64 line)
#   <- RESULT <exit code>, stderr, then stdout until the server closes the connection
# Arguments are only ever passed to printf '%s' and base64; nothing is evaluated.
set -u
tool=${0##*/}

die() {
  printf 'ERROR %s\n' "$1" >&2
  exit 1
}

[ -n "${JUJU_CONTEXT_ID:-}" ] || die "JUJU_CONTEXT_ID not set"
[ -n "${JUJU_AGENT_SOCKET_ADDRESS:-}" ] || die "JUJU_AGENT_SOCKET_ADDRESS not set"
[ -n "${JUJU_AGENT_SOCKET_NETWORK:-}" ] || die "JUJU_AGENT_SOCKET_NETWORK not set"
[ "$JUJU_AGENT_SOCKET_NETWORK" = tcp ] \
  || die "JUJU_AGENT_SOCKET_NETWORK is \"$JUJU_AGENT_SOCKET_NETWORK\"; these fake tools speak tcp"

host=${JUJU_AGENT_SOCKET_ADDRESS%:*}
port=${JUJU_AGENT_SOCKET_ADDRESS##*:}
{ exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null \
  || die "cannot connect to the hook tool server at $JUJU_AGENT_SOCKET_ADDRESS"

{
  printf 'JUJUC1\n'
  printf '%s\0' "$JUJU_CONTEXT_ID" "$tool" "$PWD" "$@" | base64 -w0
  printf '\n'
} >&3

IFS= read -r reply <&3 || die "the hook tool server closed the connection"
if [ "$reply" = STDIN ]; then
  { base64 -w0; printf '\n'; } >&3
  IFS= read -r reply <&3 || die "the hook tool server closed the connection"
fi
case $reply in
  "RESULT "*) code=${reply#RESULT } ;;
  *) die "unexpected answer from the hook tool server" ;;
esac
IFS= read -r err <&3 || err=
printf '%s' "$err" | base64 -d >&2
base64 -d <&3
exit "$code"
