# Installs what the local services need when it is missing: Debian packages and the unprivileged mail user.
# Sourced by up.sh after lib.sh.

SERVICES_PACKAGES=(redis-server dovecot-imapd dovecot-lmtpd)

package_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

ensure_packages() {
  local missing=() pkg
  for pkg in "${SERVICES_PACKAGES[@]}"; do package_installed "$pkg" || missing+=("$pkg"); done
  (( ${#missing[@]} == 0 )) && return 0
  say "installing ${missing[*]} (apt-get)"
  # The lock keeps parallel installs of other scripts from failing on dpkg's own lock.
  export DEBIAN_FRONTEND=noninteractive
  if ! flock /tmp/apt.lock apt-get install -y --no-install-recommends "${missing[@]}" 9>&-; then
    flock /tmp/apt.lock apt-get update 9>&-
    flock /tmp/apt.lock apt-get install -y --no-install-recommends "${missing[@]}" 9>&-
  fi
}

# Dovecot will not run mail processes as root, so mailboxes belong to a system user of their own.
ensure_mail_user() {
  getent passwd "$MAIL_USER" >/dev/null && return 0
  say "creating system user $MAIL_USER"
  useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin "$MAIL_USER"
}

# True when user $1 can reach (traverse and read) folder $2: a checkout under /root is closed to others.
user_can_reach() { runuser -u "$1" -- test -r "$2" -a -x "$2" 2>/dev/null; }

# Prints where the mail store and the passwd-file live: inside the data folder when Dovecot's users can reach it,
# else a folder of this instance under /var/lib, linked from the data folder so it still reads as project-local.
reachable_store() {
  if user_can_reach "$MAIL_USER" "$SERVICES_DIR" && user_can_reach dovecot "$SERVICES_DIR"; then
    printf '%s\n' "$SERVICES_DIR"
  else
    printf '%s\n' "/var/lib/intakebot-services/$INSTANCE_ID"
  fi
}

# Creates the mail store and auth folder in $1 and, when outside the data folder, the links to them.
prepare_store() {
  local store="$1"
  mkdir -p "$store/mail" "$store/auth"
  chown "$MAIL_USER:$MAIL_USER" "$store/mail"
  chmod 0750 "$store/mail"
  chown root:dovecot "$store/auth"
  chmod 0750 "$store/auth"
  [[ "$store" == "$SERVICES_DIR" ]] && return 0
  chmod 0755 "$store" "$(dirname "$store")"
  ln -sfn "$store/mail" "$SERVICES_DIR/mail"
  ln -sfn "$store/auth" "$SERVICES_DIR/auth"
  printf '%s\n' "$store" >"$SERVICES_DIR/store-location"
}
