#!/usr/bin/env bash
# `npm start`: compiles the TypeScript to dist/ and runs the service with plain node, as its own process (exec), so
# its pid is the bot's. Flags and malloc settings: README, "Running a province".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
npm run --silent build
export MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
exec node --single-threaded --max-semi-space-size=4 dist/src/service/main.js
