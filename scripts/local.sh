#!/usr/bin/env bash
# `npm run local`: the bot on the local services (loopback), in the foreground until stopped, to send it your own
# emails. Its data is under .data/local/; mail that reached the city mailbox before its first start is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
bash scripts/services/up.sh >&2
set -a
# shellcheck disable=SC1091
. "${SERVICES_DIR:-.services}/accounts.env"
DATA_DIR="$PWD/.data/local"
set +a
mkdir -p "$DATA_DIR"
# Handled from the first start on, so a restart (after a crash, say) still takes mail that came in meanwhile.
[ -s "$DATA_DIR/first-start" ] || date -u +%Y-%m-%dT%H:%M:%SZ >"$DATA_DIR/first-start"
export IMAP_IGNORE_BEFORE="$(cat "$DATA_DIR/first-start")"
deadline="$(npx tsx scripts/local/write-local-campaign.ts "$DATA_DIR/campaign.yaml")"
export CAMPAIGN="$DATA_DIR/campaign.yaml"
echo $$ >"$DATA_DIR/bot.pid"
cat >&2 <<INFO
[local] the bot reads $IMAP_USER (IMAP 127.0.0.1:$IMAP_PORT), pid $$ (also in $DATA_DIR/bot.pid); Ctrl-C stops it
[local] deadline moved to $deadline for this try-out (LOCAL_DEADLINE=YYYY-MM-DD to choose another day)
[local] send an email:  curl -s smtp://127.0.0.1:$SMTP_PORT --mail-from pjx@county.test --mail-rcpt $IMAP_USER -T my.eml
[local] every message the SMTP endpoint delivered, replies included: ${SERVICES_DIR}/smtp-sent/
[local] the ledger spreadsheet: $DATA_DIR/ledger/   archived emails: $DATA_DIR/archive/
INFO
exec bash scripts/start.sh
