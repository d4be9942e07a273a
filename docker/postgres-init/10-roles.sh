#!/bin/bash
# Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as the
# server's superuser, which no TrendVault process uses. Creates the roles compose gives the processes:
#   DB_USER          owns DB_NAME and its schema (the migrator); no superuser, role or database rights
#   DB_SILO_USER     rows only, granted by the migrator after each migration
#   DB_GATEWAY_USER  read-only, granted by the migrator likewise
# Passwords come from the environment (.env) and reach psql as variables, never as command text.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname postgres \
  --set owner="$DB_USER" --set owner_password="$DB_PASSWORD" --set db="$DB_NAME" \
  --set silo="$DB_SILO_USER" --set silo_password="$DB_SILO_PASSWORD" \
  --set gateway="$DB_GATEWAY_USER" --set gateway_password="$DB_GATEWAY_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE :"silo" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'silo_password';
CREATE ROLE :"gateway" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'gateway_password';
CREATE DATABASE :"db" OWNER :"owner";
SQL
echo "10-roles.sh: created roles $DB_USER (owner of $DB_NAME), $DB_SILO_USER and $DB_GATEWAY_USER"
