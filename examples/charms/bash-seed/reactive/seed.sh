#!/bin/bash
# The seed example: render the config when the database is available and admin-pass is set;
# restart the service when the rendered file changed.
source charms.reactive.sh
set -euo pipefail

APP_CONFIG=${APP_CONFIG:-/etc/app/app.conf}

@when 'db.database.available' 'config.set.admin-pass'
function render_config() {
  local rid unit
  rid=$(relation-ids db | head -n 1)
  unit=$(relation-list -r "$rid" | head -n 1)
  export DB_HOST DB_PORT DB_USER ADMIN_PASS
  DB_HOST=$(relation-get -r "$rid" host "$unit")
  DB_PORT=$(relation-get -r "$rid" port "$unit")
  DB_USER=$(relation-get -r "$rid" user "$unit")
  ADMIN_PASS=$(config-get admin-pass)
  charms.reactive render_template app-config.j2 "$APP_CONFIG"
  status-set active "ready"
}

@when_not 'db.database.available'
function no_db() {
  status-set blocked "waiting for a database relation (db)"
}

@when 'db.database.available'
@when_not 'config.set.admin-pass'
function no_password() {
  status-set blocked "set the admin-pass option"
}

@when_file_changed "$APP_CONFIG"
function restart_service() {
  "${SERVICE_CTL:-systemctl}" restart app
}

reactive_handler_main
