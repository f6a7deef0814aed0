# Sourced by bench/run, bench/profile and bench/gin-variant: where the
# generated agreements of a size live, and the shared buffers of a full run.

# The server writes and reads the CSV files itself (the loads measure COPY
# inside the server), so they live outside the clone, which the postgres
# user may not be able to read (as in CI), in a temp dir it owns.
# The generator's and the export's checksum is in the name, so that data
# written by another version of bench/generate.sql or bench/export.sql
# (another clone, an older commit) is not reused.
bench_data_dir() {	# rows
	local gen here
	here=$(dirname "${BASH_SOURCE[0]}")
	gen=$(cat "$here/generate.sql" "$here/export.sql" | sha256sum | cut -c1-12)
	echo "${BENCH_DATA:-${TMPDIR:-/tmp}/secpact-bench}/data-$1-${BENCH_SEED:-0.5}-$gen"
}

# Every shape's tables and indexes (6.5 GB at 10M rows) fit in shared
# buffers: 8 GB, or a third of the memory where that is less.  Smaller
# buffers leave which shape's pages stay in them to chance: a table larger
# than a quarter of shared_buffers is read sequentially through a small ring
# of buffers, so the lookups that follow a full scan find their pages in the
# OS cache or not, and their times swing by half.
bench_buffers() {
	# BENCH_BUFFERS overrides, e.g. when two majors run at once
	[ -n "${BENCH_BUFFERS:-}" ] && { echo "$BENCH_BUFFERS"; return; }
	awk '/MemTotal/ { m = int(int($2 / 1024) / 3); print (m > 8192 ? 8192 : m) "MB" }' /proc/meminfo
}
