#!/bin/bash
# 10 components of three handlers: the shape of reactive-bench's bench-30 charm, in bash.
source charms.reactive.sh
set -euo pipefail

@when_not 'installed.0'
function install_0() {
  set_flag 'installed.0'
}

@when 'installed.0'
@when_not 'configured.0'
function configure_0() {
  set_flag 'configured.0'
}

@when 'configured.0' 'installed.0'
function ready_0() {
  :
}

@when_not 'installed.1'
function install_1() {
  set_flag 'installed.1'
}

@when 'installed.1'
@when_not 'configured.1'
function configure_1() {
  set_flag 'configured.1'
}

@when 'configured.1' 'installed.1'
function ready_1() {
  :
}

@when_not 'installed.2'
function install_2() {
  set_flag 'installed.2'
}

@when 'installed.2'
@when_not 'configured.2'
function configure_2() {
  set_flag 'configured.2'
}

@when 'configured.2' 'installed.2'
function ready_2() {
  :
}

@when_not 'installed.3'
function install_3() {
  set_flag 'installed.3'
}

@when 'installed.3'
@when_not 'configured.3'
function configure_3() {
  set_flag 'configured.3'
}

@when 'configured.3' 'installed.3'
function ready_3() {
  :
}

@when_not 'installed.4'
function install_4() {
  set_flag 'installed.4'
}

@when 'installed.4'
@when_not 'configured.4'
function configure_4() {
  set_flag 'configured.4'
}

@when 'configured.4' 'installed.4'
function ready_4() {
  :
}

@when_not 'installed.5'
function install_5() {
  set_flag 'installed.5'
}

@when 'installed.5'
@when_not 'configured.5'
function configure_5() {
  set_flag 'configured.5'
}

@when 'configured.5' 'installed.5'
function ready_5() {
  :
}

@when_not 'installed.6'
function install_6() {
  set_flag 'installed.6'
}

@when 'installed.6'
@when_not 'configured.6'
function configure_6() {
  set_flag 'configured.6'
}

@when 'configured.6' 'installed.6'
function ready_6() {
  :
}

@when_not 'installed.7'
function install_7() {
  set_flag 'installed.7'
}

@when 'installed.7'
@when_not 'configured.7'
function configure_7() {
  set_flag 'configured.7'
}

@when 'configured.7' 'installed.7'
function ready_7() {
  :
}

@when_not 'installed.8'
function install_8() {
  set_flag 'installed.8'
}

@when 'installed.8'
@when_not 'configured.8'
function configure_8() {
  set_flag 'configured.8'
}

@when 'configured.8' 'installed.8'
function ready_8() {
  :
}

@when_not 'installed.9'
function install_9() {
  set_flag 'installed.9'
}

@when 'installed.9'
@when_not 'configured.9'
function configure_9() {
  set_flag 'configured.9'
}

@when 'configured.9' 'installed.9'
function ready_9() {
  :
}

reactive_handler_main
