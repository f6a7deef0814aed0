# report.sh: how a shell suite reports its cases, in the one convention
# tests/lib/SecpactSuite.pm reads (TAP's own result lines, unnumbered):
#
#   ok - <suite>: <case>                a passed case
#   not ok - <suite>: <case>: <why>     a failed case
#   ok - <message> # SKIP               a skipped check, shown as <message>
#   # <text>                            a note, shown with the suite's results
#
# Any other line is the command's own output: it stays in
# results/logs/<suite>.out and is shown only when the suite failed.
# Source this file after setting REPORT_SUITE; report_failed counts the
# failed cases, for the suite's exit status.
#   REPORT_SUITE=meta; . tests/lib/report.sh
#   pass "META.json is JSON"; fail "make dist" "no zip"; report_status

report_failed=0

pass() {	# case
	echo "ok - ${REPORT_SUITE:?}: $1"
}

fail() {	# case [why]
	echo "not ok - ${REPORT_SUITE:?}: $1${2:+: $2}"
	report_failed=$((report_failed + 1))
}

skip() {	# message (the whole line, suite name included)
	echo "ok - $1 # SKIP"
}

note() {	# text
	echo "# $1"
}

# Exit status 0 when no case failed.
report_status() {
	[ "$report_failed" -eq 0 ]
}
