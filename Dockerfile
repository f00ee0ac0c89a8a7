# The bot's image: Node 20 on Debian, production dependencies only, run as an unprivileged user.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY src ./src
COPY workers ./workers
COPY rules ./rules
COPY templates ./templates
COPY tsconfig.json ./
RUN mkdir -p /data && chown node:node /data
USER node
ENV DATA_DIR=/data
CMD ["npx", "tsx", "src/service/main.ts"]
