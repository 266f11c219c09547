#!/usr/bin/env bash
# The forecast backtest in one command, without the local platform: writes the demo region's year (completed: every
# month declared) as CSV, then runs monitoring's ForecastBacktestIT against its own embedded PostgreSQL: both
# forecast methods at every month-end of the demo year and of a synthetic year (seasonality, inflow +40 % from July,
# seed 2035), printed as a table; the JSON goes to deploy/bench/results/<date>-backtest.json.
# OFFLINE=1 adds -o to Maven (dependencies already in ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../.."
offline=(); [ "${OFFLINE:-}" = 1 ] && offline=(-o)
out="deploy/bench/results/$(date -u +%Y-%m-%d-%H%M)-backtest.json"
./mvnw -B -q "${offline[@]}" -pl deploy/local -am compile
java -cp deploy/local/target/classes nl.regioinkoop.local.demo.DemoYear deploy/local/target/demo-year.csv
./mvnw -B "${offline[@]}" -pl monitoring-service -am verify -Dtest=ForecastBacktestIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmonitoring.backtest=true \
  -Dbacktest.demo="$PWD/deploy/local/target/demo-year.csv" -Dbacktest.out="$PWD/$out" \
  | sed -n '/FORECAST BACKTEST/,/BACKTEST written/p'
[ -s "$out" ] || { echo "the backtest wrote no result (see the Maven output above)" >&2; exit 1; }
