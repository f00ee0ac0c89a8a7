#!/usr/bin/env bash
# Stops the local services and wipes their data (mailboxes, Redis, copies of sent mail), for tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ "$SERVICES_DIR" != / && "$SERVICES_DIR" != "$PROJECT_ROOT" ]] || fail "refusing to wipe $SERVICES_DIR"
lock_services
stop_services
# A mail store kept outside the data folder (checkout not reachable by the mail user) goes too.
OUTSIDE_STORE="$(cat "$SERVICES_DIR/store-location" 2>/dev/null || true)"
[[ "$OUTSIDE_STORE" == /var/lib/intakebot-services/* ]] && rm -rf -- "$OUTSIDE_STORE"
rm -rf -- "$SERVICES_DIR" "$DOVECOT_RUNTIME"
say "wiped $SERVICES_DIR"
