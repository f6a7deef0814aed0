# Ukraine's headline counts, from secpact.partner_counts (status today).
. "$(dirname "$0")/../../lib/query.sh"
secpact_query <<'SQL'
SELECT json_build_object(
	'partners', c.partners, 'agreements', c.agreements,
	'in_force', c.in_force, 'in_force_unknown', c.in_force_unknown)
FROM secpact.partner_counts c
WHERE c.party = 'UA' AND c.kind = 'security';
SQL
