# Sourced by NATO's loaders after query.sh: nato_id prints the id of the one
# multilateral agreement titled "North Atlantic Treaty" (data/load-nato.sql),
# found in secpact.agreement, which the role may read, rather than through
# the short names of secpact.agreement_name, which it then need not.  None,
# or more than one, fails the loader and so the build.
nato_id() {
	local ids
	ids=$(secpact_query <<'SQL'
SELECT a.id FROM secpact.agreement a
WHERE a.multilateral AND a.title = 'North Atlantic Treaty' ORDER BY a.id;
SQL
)
	case "$ids" in
		'' | *[!0-9]*)
			echo "no single multilateral agreement is titled \"North Atlantic Treaty\" (ids: ${ids:-none}); load data/load-nato.sql" >&2
			return 1 ;;
	esac
	echo "$ids"
}
