# syntax=docker/dockerfile:1
#
# The control plane (REST, GraphQL, workflow engine). Build from the repository root:
#   docker build -f docker/control-plane.Dockerfile -t base-shift/control-plane:v1.0.0 .
# Tag convention: base-shift/control-plane:<version>.
#
# Same three stages as docker/job-executor.Dockerfile: build the workspace, install
# the production dependencies listed by the build's generated package.json + lock,
# copy the bundle and those node_modules into a clean image. The operator console's static build
# (dist/apps/console) goes next to the bundle: the control plane serves it at /ui from there.

ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p console control-plane --skip-nx-cache

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /workspace/dist/apps/control-plane/package.json /workspace/dist/apps/control-plane/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/control-plane ./dist/apps/control-plane
COPY --from=build /workspace/dist/apps/console ./dist/apps/console
# The image's `node` user, by number so that Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
# Exec form: node receives SIGTERM itself; no shell is involved.
CMD ["node", "dist/apps/control-plane/main.js"]
