# syntax=docker/dockerfile:1
# pacebot: compiled JavaScript on Node 20, non-root, node as PID 1. See docs/deploy.md.
# Build: docker build -t pacebot .      Run: docker compose up (MongoDB replica set + pacebot)

# ---- build: compilers and Cairo/Pango headers for canvas (charts), then tsc ----
FROM node:20-bookworm-slim AS build
# Debian's packages follow the base image's point release; pinning each version would only break rebuilds.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential python3 pkg-config \
      libcairo2-dev libpango1.0-dev libjpeg62-turbo-dev libgif-dev librsvg2-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# canvas is compiled against the Debian libraries the runtime stage installs, not a downloaded prebuild.
RUN npm ci --build-from-source=canvas --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY jobs ./jobs
COPY cards ./cards
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime: only the shared libraries canvas links against, and fonts for chart text ----
FROM node:20-bookworm-slim AS runtime
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libjpeg62-turbo libgif7 librsvg2-2 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded store's directory, for trying the image without MongoDB; production sets MONGODB_URI.
RUN mkdir -p /data && chown node:node /data
# The node image's unprivileged user (uid 1000).
USER node
EXPOSE 3978
# Liveness only (the process answers); readiness is GET /readyz, for the orchestrator or proxy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form, no shell and no npm: node is PID 1 and gets SIGTERM itself (graceful stop within
# SHUTDOWN_GRACE_MS). The CLI tools run the same way: docker run … pacebot dist/src/cli/import.js …
ENTRYPOINT ["node", "--no-deprecation"]
CMD ["dist/src/main.js"]
