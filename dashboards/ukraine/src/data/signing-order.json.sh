# Ukraine's signing order, as signing_order() gives it.
. "$(dirname "$0")/../../lib/query.sh"
secpact_query <<'SQL'
SELECT coalesce(json_agg(json_build_object(
	'position', s."position", 'ordinal', s.ordinal, 'counterpart', :"extschema".alpha2(s.counterpart),
	'name', s.counterpart_name, 'signed_on', s.signed_on, 'place', s.place, 'shared', s.shared)
	ORDER BY s."position", s.counterpart), '[]')
FROM :"extschema".signing_order('UA', 'security', nullif(:'as_of', '')::date) s;
SQL
