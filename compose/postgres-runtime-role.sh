#!/bin/bash
# One-shot of compose.yaml, after migrate: the workers' DML-only login role, made or given its password again, then
# ops/sql/runtime-role.sql as the schema's owner (PGUSER). The password is the Docker secret
# /run/secrets/postgres-ordersync_runtime; rerunning it is harmless.
set -euo pipefail

runtime_role=ordersync_runtime
password=$(tr -d '\n' <"/run/secrets/postgres-$runtime_role")

psql -v ON_ERROR_STOP=1 -v role="$runtime_role" -v password="$password" <<'SQL'
select format('create role %I login', :'role') where not exists (select from pg_roles where rolname = :'role') \gexec
select format('alter role %I login password %L', :'role', :'password') \gexec
SQL
psql -v runtime_role="$runtime_role" -f /ops/sql/runtime-role.sql
