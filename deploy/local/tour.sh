#!/usr/bin/env bash
# The README tour in one go, against a running local platform (deploy/local/run.sh): a referral from a GP in Weert
# becomes a triaged allocation, the provider starts care and declares, and the dashboard shows it.
set -u
cd "$(dirname "$0")/../.."
source "${LOCAL_DIR:-.local}/tokens.env"
A=http://127.0.0.1:8081/api/v1; P=http://127.0.0.1:8083/api/v1; M=http://127.0.0.1:8084/api/v1
J='Content-Type: application/json'
id() { sed -E 's/^\{"id":"([^"]+)".*/\1/'; }
# a fresh test BSN (999940000-999979999, passing the elfproef) and idempotency key per run, so a second run
# registers a new child instead of colliding with the first (TOUR_BSN picks one)
bsn() {
  while :; do
    local n=$(( 999940000 + ((RANDOM << 15) | RANDOM) % 40000 )) sum=0 i
    for i in 0 1 2 3 4 5 6 7; do sum=$(( sum + (9 - i) * ${n:i:1} )); done
    if (( (sum - ${n:8:1}) % 11 == 0 )); then echo "$n"; return; fi
  done
}
BSN=${TOUR_BSN:-$(bsn)}; KEY="tour-oct-2026-$(date +%s)-$RANDOM"
# waits until an event has travelled to the other service (up to 15 s)
until_ok() { local i; for i in $(seq 1 30); do curl -sf "$@" >/dev/null && return; sleep 0.5; done; }
echo "### 1"
R=$(curl -s $A/clients -H "Authorization: Bearer $TOKEN_ACCESS_WEERT" -H "$J" \
  -d '{"bsn":"'"$BSN"'","name":"Daan Coenen","birthDate":"2015-03-14","municipalityCode":"0988"}' ); echo "$R"; CLIENT=$(echo "$R" | id)
echo; echo '### 1b'
curl -s $A/clients -H "Authorization: Bearer $TOKEN_ACCESS_WEERT" -H "$J" \
  -d '{"bsn":"123456789","name":"Typo","birthDate":"2015-03-14","municipalityCode":"0988"}'
echo; echo '### 2'
R=$(curl -s $A/referrals -H "Authorization: Bearer $TOKEN_ACCESS_WEERT" -H "$J" \
  -d "{\"clientId\":\"$CLIENT\",\"referrerType\":\"02\",\"referrerName\":\"Huisartsenpraktijk De Kempen\",
       \"referralDate\":\"2026-10-01\",\"question\":\"Angstklachten, loopt vast op school\",\"crisis\":false}" ); echo "$R"; REFERRAL=$(echo "$R" | id)
echo; echo '### 3'
curl -s -X PUT $A/referrals/$REFERRAL/triage -H "Authorization: Bearer $TOKEN_ACCESS_WEERT" -H "$J" \
  -d '{"segment":"AMBULANT","profile":"P3","intensity":3,"outcome":"SPECIALIST_CARE"}'
echo; echo '### 4'
curl -s "$A/referrals/$REFERRAL/eligible-providers?productCode=45A48&validFrom=2026-10-05&validTo=2026-12-31" \
  -H "Authorization: Bearer $TOKEN_ACCESS_WEERT"
echo; echo '### 5'
R=$(curl -s $A/allocations -H "Authorization: Bearer $TOKEN_ACCESS_WEERT" -H "$J" \
  -d "{\"referralId\":\"$REFERRAL\",\"providerAgb\":\"41000012\",\"productCode\":\"45A48\",\"volume\":2,\"unit\":\"04\",
       \"frequency\":\"2\",\"validFrom\":\"2026-10-05\",\"validTo\":\"2026-12-31\",\"chosenByFamily\":true}" ); echo "$R"; ALLOCATION=$(echo "$R" | id)
echo; echo '### 6'
curl -s $A/allocations/$ALLOCATION -H "Authorization: Bearer $TOKEN_ACCESS_NEDERWEERT"
echo; echo '### 7'
until_ok $P/allocations/$ALLOCATION -H "Authorization: Bearer $TOKEN_PROVIDER"   # it travels as an event
curl -s $P/allocations/$ALLOCATION -H "Authorization: Bearer $TOKEN_PROVIDER"
echo; echo '### 8'
curl -s $A/allocations/$ALLOCATION/client -H "Authorization: Bearer $TOKEN_PROVIDER"
echo; echo '### 9'
curl -s -X POST $P/allocations/$ALLOCATION/start -H "Authorization: Bearer $TOKEN_PROVIDER" -H "$J" -d '{"startDate":"2026-10-05"}'
echo; echo '### 10'
curl -s $P/declarations/bulk -H "Authorization: Bearer $TOKEN_PROVIDER" -H "$J" -H "Idempotency-Key: $KEY" \
  -d "{\"lines\":[{\"lineRef\":\"oct\",\"allocationId\":\"$ALLOCATION\",\"periodStart\":\"2026-10-05\",\"periodEnd\":\"2026-10-31\",
       \"productCode\":\"45A48\",\"volume\":8,\"unit\":\"04\",\"tariffCents\":10500,\"amountCents\":84000},
      {\"lineRef\":\"oct-again\",\"allocationId\":\"$ALLOCATION\",\"periodStart\":\"2026-10-20\",\"periodEnd\":\"2026-10-31\",
       \"productCode\":\"45A48\",\"volume\":2,\"unit\":\"04\",\"tariffCents\":10500,\"amountCents\":21000}]}"
echo; echo '### 11'
sleep 2   # and the declaration to monitoring-service
curl -s "$M/scorecards/41000012" -H "Authorization: Bearer $TOKEN_PROVIDER"
echo; echo '### 12'
curl -s "$M/budgets?municipality=0988&segment=AMBULANT" -H "Authorization: Bearer $TOKEN_ANALYST_WEERT"
echo
