#!/bin/bash
# A minimal pgsql interface, requires side, in bash: sets {relation}.database.available while a
# database unit has published its host, port and user; asks for a database when joined.
source charms.reactive.sh
set -euo pipefail

@hook '{requires:pgsql}-relation-{joined,changed}'
function database_changed() {
  local host
  host=$(relation-get host "$JUJU_REMOTE_UNIT")
  if [[ -n $host && -n $(relation-get port "$JUJU_REMOTE_UNIT") ]]; then
    set_flag "$JUJU_RELATION.database.available"
  else
    clear_flag "$JUJU_RELATION.database.available"
  fi
}

# Asks for a database named after this application.
@hook '{requires:pgsql}-relation-joined'
function request_database() {
  relation-set "database=${JUJU_UNIT_NAME%%/*}"
}

@hook '{requires:pgsql}-relation-{departed,broken}'
function database_gone() {
  clear_flag "$JUJU_RELATION.database.available"
}

reactive_handler_main
