# Ukraine's partners for the map, keyed by ISO numeric code (the id of the
# world atlas's countries), from secpact.signing_timeline.
. "$(dirname "$0")/../../lib/query.sh"
secpact_query <<'SQL'
SELECT coalesce(json_agg(json_build_object(
	'counterpart', t.counterpart, 'name', t.counterpart_name,
	'numeric', t.counterpart_numeric, 'alpha3', t.counterpart_alpha3,
	'position', t."position", 'ordinal', t.ordinal, 'signed_on', t.signed_on)
	ORDER BY t."position", t.counterpart), '[]')
FROM secpact.signing_timeline t
WHERE t.hub = 'UA' AND t.kind = 'security'
  AND (nullif(:'as_of', '') IS NULL OR t.signed_on <= nullif(:'as_of', '')::date);
SQL
