# secpact's own chart of NATO's accession order (accession_chart()).
. "$(dirname "$0")/../../lib/query.sh"
. "$(dirname "$0")/../../lib/nato.sh"
id=$(nato_id)
secpact_query <<SQL
SELECT :"extschema".accession_chart($id::bigint, 'joined', nullif(:'as_of', '')::date);
SQL
