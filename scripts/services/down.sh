#!/usr/bin/env bash
# Stops the local services of $SERVICES_DIR (default .services/) by their pid files; their data stays.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_pid_file "$FRONT_DOOR_PID" "SMTP front door"
if [[ -f "$DOVECOT_CONF" ]] && pid_alive "$DOVECOT_RUNTIME/master.pid"; then
  stop_pid_file "$DOVECOT_RUNTIME/master.pid" Dovecot
fi
stop_pid_file "$REDIS_PID" Redis
say "stopped (data kept in $SERVICES_DIR)"
