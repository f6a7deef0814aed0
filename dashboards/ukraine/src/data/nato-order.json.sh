# NATO's members in the order of accession, as accession_order() gives it
# (by 'joined': the date each became bound), ties as ties.
. "$(dirname "$0")/../../lib/query.sh"
. "$(dirname "$0")/../../lib/nato.sh"
id=$(nato_id)
secpact_query <<SQL
SELECT coalesce(json_agg(json_build_object(
	'position', o."position", 'ordinal', o.ordinal, 'party', :"extschema".alpha2(o.party),
	'name', o.party_name, 'joined_on', o.on_date, 'shared', o.shared)
	ORDER BY o."position", o.party), '[]')
FROM :"extschema".accession_order($id::bigint, 'joined') o
WHERE nullif(:'as_of', '') IS NULL OR o.on_date <= nullif(:'as_of', '')::date;
SQL
