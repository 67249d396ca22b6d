-- ops/sql/runtime-role.sql: the data rights the worker needs at run time, and nothing more.
--
-- The worker's run-time role reads and writes rows (select, insert, update, delete) and uses the tables' sequences. It
-- cannot create, alter or drop anything: migrations run as the schema's owner, in a step of their own
-- (`dotnet OrderSync.Worker.dll migrate`), and the worker runs with Database__MigrateOnStart=false (ops/RUNBOOK.md).
--
-- 1. Whoever may create roles creates the login role once:
--      create role ordersync_runtime login password '...';
-- 2. The schema's owner, after the first `migrate`, on the worker's database (rerunning it is harmless):
--      psql "host=... dbname=integration user=app" -v runtime_role=ordersync_runtime -f ops/sql/runtime-role.sql
-- Tables that later migrations add get the same rights by the default privileges below: there is no need to rerun it.
-- psql stops with a syntax error at ':' when -v runtime_role=... is not given.
\set ON_ERROR_STOP on

-- Only the owner creates objects in the schema (PostgreSQL 15 and later already withhold it from PUBLIC).
revoke create on schema public from public;
grant usage on schema public to :"runtime_role";

grant select, insert, update, delete on all tables in schema public to :"runtime_role";
grant usage, select, update on all sequences in schema public to :"runtime_role";

-- The migration journal: read to check that the schema is current, never written.
revoke insert, update, delete on public.schema_version from :"runtime_role";

-- What the owner's future migrations create.
alter default privileges in schema public grant select, insert, update, delete on tables to :"runtime_role";
alter default privileges in schema public grant usage, select, update on sequences to :"runtime_role";
