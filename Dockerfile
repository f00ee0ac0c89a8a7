# The bot's image: Node 20 on Debian, built from TypeScript once, run as plain JavaScript by an unprivileged user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workers ./workers
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
# glibc's malloc as `npm start` sets it: few arenas, as the pipeline threads' native canvas memory otherwise spreads
# over many of them; and every block of 128 KB or more mapped on its own, so the pixels of a render or a decoded scan
# go back to the system when freed (left to itself, glibc raises that bar after the first frees and keeps them).
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY rules ./rules
COPY templates ./templates
RUN mkdir -p /data && chown node:node /data
USER node
ENV DATA_DIR=/data
# Node's flags as `npm start` sets them: V8's own work (GC, compiling) on each isolate's thread, since the pipeline
# threads already keep every core busy and V8's helper threads doubled the CPU per email; and a small young
# generation for the main thread, which holds little (BENCHMARKS.md, deadline day).
CMD ["node", "--single-threaded", "--max-semi-space-size=4", "dist/src/service/main.js"]
