# Production image: Next.js standalone server. Build with docker compose
# (docs/operations.md). The `tools` stage keeps the full node_modules for the
# one-shot migration service (npm run db:prepare).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma/schema.prisma prisma/schema.prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

FROM deps AS tools
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1

FROM tools AS build
RUN NEXT_OUTPUT=standalone npm run build

FROM node:20-bookworm-slim AS app
WORKDIR /app
# The same heap cap as `npm start` (scripts/lib/build.ts): resident memory stays under 500 MB under load.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 NODE_OPTIONS=--max-old-space-size=320
RUN groupadd --system app && useradd --system --gid app app
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/public ./public
USER app
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server.js"]
