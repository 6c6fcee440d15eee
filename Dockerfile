# Community AI Studio: one image for every role (ROLE=api | worker | all), run with tsx (no compile step).
# Build:  docker build -t community-ai-studio .      Run: see docker-compose.yml and docs/operations.md.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles its native addon when no prebuilt binary fits; sharp ships its own libvips.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json rollup.config.mjs ./
COPY scripts ./scripts
COPY api ./api
COPY sdk ./sdk
COPY widgets ./widgets
COPY docs ./docs
# The SDK and widget bundles (served under /sdk and /widgets when SERVE_EXAMPLES=true), then drop dev dependencies.
RUN npm run build:front && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/api/src ./api/src
# The poster fonts (Noto Sans + Noto Sans Devanagari, OFL): posters never use the system fonts.
COPY --from=build /app/api/assets ./api/assets
COPY --from=build /app/api/tsoa.json ./api/tsoa.json
COPY --from=build /app/docs/openapi.json ./docs/openapi.json
COPY --from=build /app/sdk/dist ./sdk/dist
COPY --from=build /app/widgets/dist ./widgets/dist
# DATA_DIR holds the generated images; mount one volume shared by the API and the workers.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# node itself is PID 1 (no npm/npx wrapper), so SIGTERM reaches main.ts and it drains and stops cleanly.
CMD ["node", "--import", "tsx", "api/src/main.ts"]
