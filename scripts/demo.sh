#!/usr/bin/env bash
# The demo: installs what is missing, starts the local services on loopback, runs the bot over sample county emails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
bash scripts/services/up.sh >&2
# Errors only: on loopback imapflow warns about every cleartext connection, which says nothing about the demo.
LOG_LEVEL="${LOG_LEVEL:-error}" npx tsx scripts/demo/run-demo.ts
