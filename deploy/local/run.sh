#!/usr/bin/env bash
# Runs the whole platform on this machine: builds it, starts a real PostgreSQL and Kafka (no Docker needed),
# the four services and the demo region, and prints the dashboard URL and a token per role. Ctrl-C stops it.
# Set PG_URL (an admin database URL) and KAFKA_BOOTSTRAP_SERVERS to use servers you already run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "building (./mvnw -DskipTests install) ..."
  ./mvnw -B -q -DskipTests install
fi
exec java -Xmx512m -cp "deploy/local/target/local-platform.jar:deploy/local/target/lib/*" nl.regioinkoop.local.LocalPlatform
