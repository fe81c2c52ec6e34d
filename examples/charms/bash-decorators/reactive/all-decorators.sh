#!/bin/bash
# Every decorator and helper of charms.reactive.sh, each function appending its name to $OUT.
source charms.reactive.sh

@hook 'install'
function on_install() {
  echo on_install >> "$OUT"
  set_flag demo.installed
}

@when 'demo.installed'
@when_not 'demo.configured'
function configure() {
  echo configure >> "$OUT"
  set_flag demo.configured
}

@when_all 'demo.installed' 'demo.configured'
@when_not 'demo.started'
function start_app() {
  echo start_app >> "$OUT"
  set_state demo.started
}

@when_any 'demo.started' 'demo.forced'
@when_none 'demo.ready'
function ready() {
  echo ready >> "$OUT"
  set_flag demo.ready
  all_flags_set demo.installed demo.started && echo all_flags_set >> "$OUT"
  any_flags_set demo.nothing demo.ready && echo any_flags_set >> "$OUT"
  all_states demo.ready && any_states demo.ready && echo deprecated_tests >> "$OUT"
  return 0
}

@when 'demo.ready'
@when_not_all 'demo.ready' 'demo.extra'
function extra() {
  echo extra >> "$OUT"
  set_flag demo.extra
  remove_state demo.forced
}

@when 'demo.extra'
@when_not 'demo.cleared'
function clear_started() {
  echo clear_started >> "$OUT"
  clear_flag demo.started
  set_flag demo.cleared
}

@when_file_changed "$WATCHED"
function file_changed() {
  echo file_changed >> "$OUT"
}

@only_once
function once() {
  echo once >> "$OUT"
}

@hook '{requires:pgsql}-relation-joined'
function named_relation_get() {
  echo "host=$(name_relation_get db "$JUJU_REMOTE_UNIT" host)" >> "$OUT"
}

@when 'demo.call-relation'
function call_relation() {
  echo "interface=$(relation_call --relation_name db interfaceName)" >> "$OUT"
  echo "joined=$(relation_call --relation_name db isJoined)" >> "$OUT"
  echo "by-flag=$(state_relation_call endpoint.db.joined endpointName)" >> "$OUT"
  relation_call --relation_name nothing-like-this interfaceName 2>> "$OUT" || echo "failed=$?" >> "$OUT"
}

reactive_handler_main
