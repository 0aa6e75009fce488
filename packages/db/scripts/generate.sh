#!/usr/bin/env bash
# Generates the next SQL migration from the Drizzle schema. Serialised with flock so that two
# developers (or helpers) working in one checkout never write the journal at the same time.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec flock /tmp/voltlane-db-generate.lock npx drizzle-kit generate --config packages/db/drizzle.config.ts "$@"
