#!/usr/bin/env bash
# The access officer's screens' server answers (issue 14): builds the four services and the bench (package, never
# install: other checkouts resolve the SNAPSHOT jars in ~/.m2), starts the platform, loads the demo region through the
# APIs, measures every screen (GET with a session cookie, as a browser asks; the allocation form's preview as its POST)
# at demo size and at a larger size, prints p50/p95/p99 per screen and writes deploy/bench/results/<date>-screens.json.
# Options as key=value (deploy/bench/README.md): screens.repeats=30 screens.large-clients=100000 demo.clients=2750.
# OFFLINE=1 adds -o to Maven; SKIP_BUILD=1 uses the jars as they are.
set -euo pipefail
cd "$(dirname "$0")/../.."
offline=(); [ "${OFFLINE:-}" = 1 ] && offline=(-o)
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q "${offline[@]}" -DskipTests package -am \
    -pl access-service,contracting-service,provider-service,monitoring-service,deploy/local,deploy/bench
fi
exec java -Xmx1g -XX:+UseSerialGC -cp deploy/bench/target/bench.jar nl.regioinkoop.bench.ScreensBench "$@"
