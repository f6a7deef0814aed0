# Sourced by the data loaders: runs the SQL on standard input with psql (the
# connection comes from PGHOST, PGPORT, PGUSER, PGDATABASE, as for psql) and
# prints the one value it selects.  Names are never looked up where another
# role could plant one: the search path is pg_catalog alone, and secpact's
# functions are called as :"extschema".name, the schema secpact was
# installed in, read from pg_extension.  :as_of is SECPACT_DASHBOARD_AS_OF
# (a date; empty for today).
set -eu
secpact_query() {
	{
		cat <<'SQL'
SET search_path = pg_catalog;
SELECT n.nspname AS extschema
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'secpact' \gset
SQL
		cat
	} | psql -X -q -At -v ON_ERROR_STOP=1 -v as_of="${SECPACT_DASHBOARD_AS_OF:-}"
}
