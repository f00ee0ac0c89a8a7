#!/usr/bin/env bash
# Stops the local services of $SERVICES_DIR (default .services/) by their pid files; their data stays.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lock_services
stop_services
say "stopped (data kept in $SERVICES_DIR)"
