# One row per signing day of Ukraine's security agreements, from
# secpact.signing_timeline: the partners so far and a label naming that
# day's counterparts with their ordinals, ties as ties ("EE EU LT 18th"),
# others in order ("BE 11th, PT 12th").
. "$(dirname "$0")/../../lib/query.sh"
secpact_query <<'SQL'
SELECT coalesce(json_agg(d ORDER BY d.signed_on), '[]')
FROM (
	SELECT g.signed_on, max(g.partners_so_far) AS partners_so_far,
		   string_agg(g.label, ', ' ORDER BY g."position") AS label
	FROM (
		SELECT t.signed_on, t."position", max(t.partners_so_far) AS partners_so_far,
			   string_agg(t.counterpart, ' ' ORDER BY t.counterpart) || ' ' || t.ordinal AS label
		FROM secpact.signing_timeline t
		WHERE t.hub = 'UA' AND t.kind = 'security'
		  AND (nullif(:'as_of', '') IS NULL OR t.signed_on <= nullif(:'as_of', '')::date)
		GROUP BY t.signed_on, t."position", t.ordinal
	) g
	GROUP BY g.signed_on
) d;
SQL
