#!/usr/bin/env bash
# The benchmark in one command: builds what is missing (BUILD=1 rebuilds), starts PostgreSQL and Kafka (embedded, or
# TEST_PG_URL / TEST_KAFKA_BOOTSTRAP), the four services, loads the demo region through the APIs, measures P1-P5,
# prints the table and writes deploy/bench/target/bench-result.json. Options: key=value arguments (see README), e.g.
#   deploy/bench/run.sh p2.journeys=5000 large.clients=100000
set -euo pipefail
cd "$(dirname "$0")/../.."
jars=(access-service/target/access-service-0.1.0-SNAPSHOT.jar contracting-service/target/contracting-service-0.1.0-SNAPSHOT.jar
      provider-service/target/provider-service-0.1.0-SNAPSHOT.jar monitoring-service/target/monitoring-service-0.1.0-SNAPSHOT.jar
      deploy/bench/target/bench.jar)
missing=0
for jar in "${jars[@]}"; do [ -f "$jar" ] || missing=1; done
if [ "${BUILD:-}" = 1 ] || [ "$missing" = 1 ]; then
  echo "building the services and the benchmark (./mvnw -DskipTests install) ..."
  ./mvnw -B -q -DskipTests install -am \
    -pl access-service,contracting-service,provider-service,monitoring-service,deploy/local,deploy/bench
fi
exec java -Xmx1g -XX:+UseSerialGC -jar deploy/bench/target/bench.jar "$@"
