#!/usr/bin/env bash
# Starts the local services on loopback (Redis, Dovecot IMAP+LMTP, the SMTP front door), installing what is missing.
# Safe to run again: running services are left as they are. Data stays under $SERVICES_DIR (default .services/).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$SERVICES_SCRIPTS/prerequisites.sh"
source "$SERVICES_SCRIPTS/dovecot-conf.sh"

start_redis() {
  mkdir -p "$SERVICES_DIR/redis"
  pid_alive "$REDIS_PID" && return 0
  port_open "$REDIS_PORT" && fail "port $REDIS_PORT is taken by another program (not this instance's Redis)"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$SERVICES_DIR/redis" --appendonly yes \
    --daemonize yes --pidfile "$REDIS_PID" --logfile "$SERVICES_DIR/redis/redis.log" </dev/null 9>&-
  say "started Redis"
}

start_dovecot() {
  local store="$1" conf_state
  write_passwd_file "$store"
  conf_state="$(write_dovecot_conf "$store")"
  if pid_alive "$DOVECOT_RUNTIME/master.pid"; then
    # A running Dovecot re-reads the passwd-file by itself; only a changed config needs a reload.
    [[ "$conf_state" == changed ]] && dovecot -c "$DOVECOT_CONF" reload && say "reloaded Dovecot config"
    return 0
  fi
  port_open "$IMAP_PORT" && fail "port $IMAP_PORT is taken by another program (not this instance's Dovecot)"
  dovecot -c "$DOVECOT_CONF" </dev/null >>"$SERVICES_DIR/dovecot/dovecot.log" 2>&1 9>&- \
    || fail "Dovecot did not start; see $SERVICES_DIR/dovecot/dovecot.log"
  say "started Dovecot"
}

start_front_door() {
  mkdir -p "$SERVICES_DIR/smtp-sent"
  pid_alive "$FRONT_DOOR_PID" && return 0
  port_open "$SMTP_PORT" && fail "port $SMTP_PORT is taken by another program (not this instance's front door)"
  # setsid + closed stdio and lock: the front door outlives this script and holds nothing of its caller.
  SERVICES_DIR="$SERVICES_DIR" SMTP_PORT="$SMTP_PORT" LMTP_PORT="$LMTP_PORT" CATCHALL_ADDRESS="$CATCHALL_ADDRESS" \
    PASSWD_FILE="$1/auth/users" PID_FILE="$FRONT_DOOR_PID" \
    bash -c 'cd "$1" && exec setsid node --import tsx "$2"' _ "$PROJECT_ROOT" "$SERVICES_SCRIPTS/smtp-front-door.ts" \
    </dev/null >>"$SERVICES_DIR/smtp-front-door.log" 2>&1 9>&- &
  say "started the SMTP front door"
}

# Written for tests and the demo: `set -a; . .services/accounts.env` gives the bot its variables.
write_accounts_env() {
  local file="$SERVICES_DIR/accounts.env" city city_pass accounts
  read -r city city_pass < <(list_mailboxes | head -n 1)
  accounts="$(list_mailboxes | awk '{ printf "%s%s:%s", sep, $1, $2; sep = "," }')"
  cat >"$file.tmp" <<ENV
# Written by scripts/services/up.sh: endpoints and dev accounts of the local services.
SERVICES_DIR='$SERVICES_DIR'
REDIS_URL='redis://127.0.0.1:$REDIS_PORT'
IMAP_HOST='127.0.0.1'
IMAP_PORT='$IMAP_PORT'
IMAP_SECURE='false'
IMAP_USER='$city'
IMAP_PASS='$city_pass'
SMTP_HOST='127.0.0.1'
SMTP_PORT='$SMTP_PORT'
SMTP_SECURE='false'
SMTP_USER='$city'
SMTP_PASS='$city_pass'
MAIL_FROM='$city'
STAFF_TO='staff@city.test'
LMTP_PORT='$LMTP_PORT'
CATCHALL_ADDRESS='$CATCHALL_ADDRESS'
ACCOUNTS='$accounts'
ENV
  mv -f "$file.tmp" "$file"
}

print_summary() {
  say "ready (data: $SERVICES_DIR)"
  say "  Redis  redis://127.0.0.1:$REDIS_PORT (append-only)"
  say "  IMAP   127.0.0.1:$IMAP_PORT plaintext, IDLE; LMTP 127.0.0.1:$LMTP_PORT"
  say "  SMTP   127.0.0.1:$SMTP_PORT any AUTH or none; unknown recipients -> $CATCHALL_ADDRESS"
  # Addresses only: the passwords (dev ones) stay in the users list and accounts.env, out of logs.
  say "  mailboxes (passwords in $USERS_LIST and $SERVICES_DIR/accounts.env):"
  list_mailboxes | while read -r address _password; do say "    $address"; done
}

lock_services
ensure_packages
# The SMTP front door runs on the project's own packages (tsx, smtp-server).
bash "$PROJECT_ROOT/scripts/ensure-node-modules.sh"
ensure_mail_user
STORE="$(reachable_store)"
prepare_store "$STORE"
start_redis
start_dovecot "$STORE"
start_front_door "$STORE"
wait_for_port "$REDIS_PORT" Redis
wait_for_port "$IMAP_PORT" "Dovecot IMAP"
wait_for_port "$LMTP_PORT" "Dovecot LMTP"
wait_for_port "$SMTP_PORT" "SMTP front door"
write_accounts_env
print_summary
