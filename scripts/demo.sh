#!/usr/bin/env bash
# The demo: installs what is missing, starts the local services on loopback, runs the bot over sample county emails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
bash scripts/services/up.sh >&2
LOG_LEVEL="${LOG_LEVEL:-warn}" npx tsx scripts/demo/run-demo.ts
