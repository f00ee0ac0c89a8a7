#!/usr/bin/env bash
# The full test suite, from a fresh clone: npm packages, type check, local services on loopback, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
echo "== type check, and the build the bot processes run (dist/)" >&2
npx tsc --noEmit
npm run --silent build
echo "== local services (Redis, Dovecot IMAP, SMTP) on loopback" >&2
bash scripts/services/up.sh >&2
echo "== tests" >&2
npx vitest run "$@"
