# Ukraine's dyads (and agreements) in force by year, from dyad_years().
. "$(dirname "$0")/../../lib/query.sh"
secpact_query <<'SQL'
SELECT coalesce(json_agg(y ORDER BY y.year), '[]')
FROM (
	SELECT d.year, count(*)::integer AS dyads, sum(d.agreements)::integer AS agreements
	FROM :"extschema".dyad_years(2024, 2035, 'security') d
	WHERE 'UA' IN (d.party_a, d.party_b)
	GROUP BY d.year
) y;
SQL
