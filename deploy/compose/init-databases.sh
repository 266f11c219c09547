#!/bin/sh
# Least privilege (README, "Running for real"): one database per service, owned by a login role of that service
# alone (no superuser, no CREATEDB, no CREATEROLE), with CONNECT revoked from PUBLIC, so no service's role can even
# connect to another's database. Each service connects as its role and runs its migrations (Flyway) as it.
# Runs once, on an empty data volume (the postgres image's /docker-entrypoint-initdb.d); the passwords come from
# ACCESS_DB_PASSWORD, CONTRACTING_DB_PASSWORD, PROVIDER_DB_PASSWORD and MONITORING_DB_PASSWORD.
set -eu
for service in access contracting provider monitoring; do
  variable=$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD
  password=$(printenv "$variable" || true)
  if [ -z "$password" ]; then
    echo "init-databases.sh: set $variable" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$service" -v password="$password" <<'SQL'
create role :"role" login password :'password' nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
create database :"role" owner :"role";
revoke connect, temporary on database :"role" from public;
SQL
done
