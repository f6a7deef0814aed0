# secpact's own chart of Ukraine's signing order (signing_chart()).
. "$(dirname "$0")/../../lib/query.sh"
secpact_query <<'SQL'
SELECT :"extschema".signing_chart('UA', 'security', nullif(:'as_of', '')::date);
SQL
