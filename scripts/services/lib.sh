# Shared settings and helpers of the local services scripts (sourced by up.sh, down.sh, reset.sh).
# Ports and the data folder can be overridden, so tests may run a second, fresh instance beside the usual one.
set -euo pipefail

SERVICES_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_ROOT="$(cd "$SERVICES_SCRIPTS/../.." && pwd)"
SERVICES_DIR="${SERVICES_DIR:-$PROJECT_ROOT/.services}"
mkdir -p "$SERVICES_DIR"
SERVICES_DIR="$(cd "$SERVICES_DIR" && pwd)"

REDIS_PORT="${SERVICES_REDIS_PORT:-6380}"
IMAP_PORT="${SERVICES_IMAP_PORT:-1143}"
LMTP_PORT="${SERVICES_LMTP_PORT:-2424}"
SMTP_PORT="${SERVICES_SMTP_PORT:-2525}"
USERS_LIST="${SERVICES_USERS_LIST:-$SERVICES_SCRIPTS/users.txt}"
CATCHALL_ADDRESS="catchall@local.test"
MAIL_USER="intakebot"

# One id per data folder keeps the runtime dirs of two instances apart; short, as unix socket paths are limited.
INSTANCE_ID="$(printf '%s' "$SERVICES_DIR" | sha1sum | cut -c1-10)"
DOVECOT_RUNTIME="/run/intakebot-$INSTANCE_ID"
DOVECOT_CONF="$SERVICES_DIR/dovecot/dovecot.conf"
FRONT_DOOR_PID="$SERVICES_DIR/smtp-front-door.pid"
REDIS_PID="$SERVICES_DIR/redis/redis.pid"

say() { printf '[services] %s\n' "$*"; }
fail() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# True when the process named in pid file $1 is alive.
pid_alive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits (bounded) until 127.0.0.1:$1 answers; $2 names the service for the error message.
wait_for_port() {
  local tries=0
  until port_open "$1"; do
    tries=$((tries + 1))
    (( tries > 150 )) || { sleep 0.2; continue; }
    fail "$2 did not open 127.0.0.1:$1 (see logs under $SERVICES_DIR)"
  done
}

# Sends SIGTERM to the process of pid file $1 and waits (bounded) for it to end.
stop_pid_file() {
  local pid_file="$1" name="$2" pid tries=0
  pid_alive "$pid_file" || { rm -f "$pid_file"; return 0; }
  pid="$(cat "$pid_file")"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null && (( tries < 100 )); do sleep 0.1; tries=$((tries + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$pid_file"
  say "stopped $name (pid $pid)"
}

# Serialises up/down/reset of one data folder: test files running in parallel may all call up.sh at once.
# Children started while it is held must close fd 9 (`9>&-`), or they would keep the lock for their lifetime.
lock_services() {
  exec 9>"$SERVICES_DIR/.services.lock"
  flock 9
}

# Stops every service of this instance by its pid file; the data stays.
stop_services() {
  stop_pid_file "$FRONT_DOOR_PID" "SMTP front door"
  stop_pid_file "$DOVECOT_RUNTIME/master.pid" Dovecot
  stop_pid_file "$REDIS_PID" Redis
}
