# secpact: PostgreSQL extension for parties, dyads and the signing order of
# bilateral agreements.  A PGXS build: make, make install, make installcheck
# work as for any extension; make demo and make test also set a machine up.

EXTENSION = secpact
MODULE_big = secpact
CORE_SRCS = extension/party_core.c extension/party_table.c extension/dyad_core.c \
	extension/signing_core.c extension/party_set_core.c extension/chart_core.c \
	extension/chart_buffer.c extension/chart_text.c extension/chart_dates.c extension/chart_labels.c \
	extension/party_names_core.c extension/party_names_table.c extension/party_history_core.c
OBJS = extension/secpact.o extension/members.o extension/encoding.o extension/party.o extension/dyad.o extension/dyad_gin.o \
	extension/dyad_support.o extension/signing_order.o extension/in_force.o extension/dyad_typanalyze.o extension/dyad_selfuncs.o \
	extension/signing.o extension/partial_date.o extension/party_set.o extension/chart.o extension/supersession.o extension/party_names.o extension/membership.o extension/party_history.o extension/citus_shards.o extension/party_set_bytes.o \
	$(CORE_SRCS:.c=.o)
# Paths relative to the source tree, which is not . in a VPATH build
# (make -f ../secpact/Makefile from a build folder).
DATA = $(patsubst $(srcdir)/%,%,$(wildcard $(srcdir)/extension/secpact--*.sql))
REGRESS = party dyad signing registry analytics map_keys migration security scaling transactions soft_errors copy_on_error hostile encodings reliability supersession registry_integrity names multilateral historical combined partial_dates atop access_paths in_force_parallel citus_registry accession_orders access_paths_cache date_fits_precision timeline_kinds spelling_cache
REGRESS_OPTS = --outputdir=results/regress
# pg_regress makes results/ inside --outputdir but not --outputdir itself.
REGRESS_PREP = build-dirs
ISOLATION = same_day_signings supersede superseded_cache supersession_cycle membership
ISOLATION_OPTS = --inputdir=$(srcdir)/tests/isolation --outputdir=results/isolation
PG_CPPFLAGS = -I$(srcdir)/extension
# -Wextra on top of PostgreSQL's warnings, less what its own headers trip.
PG_CFLAGS = -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers $(if $(WERROR),-Werror)
EXTRA_CLEAN = results tests/*.o tests/unit/*.bin tests/fuzz/*.fuzzer tests/integration/*.it

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

.DEFAULT_GOAL := all
.PHONY: deb dist deps demo test test-citus test-memcheck soak bench party-table party-names unit-tests integration-tests fuzz fuzz-targets docs-chart \
	dashboard docs-dashboard

# The dependency step runs before anything needs pg_config or a compiler:
# these entry points install what is missing, then run again in a new make
# that can include PGXS.
deps:
	@tools/install-deps

demo: deps
	@tools/check-install-rights demo
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@tools/demo $(if $(KEEP),--keep)

# The chart suite needs xmllint and python3; Chromium, when it cannot be
# installed, only makes its browser checks skip (and say so).
test: deps
	@tools/install-deps sqlsmith libxml2-utils python3 locales
	@tools/install-deps chromium fonts-dejavu-core fonts-wqy-microhei || echo "make test: Chromium could not be installed; the chart suite will skip its browser checks" >&2
	@command -v npm >/dev/null 2>&1 || tools/install-deps nodejs npm || echo "make test: Node.js and npm could not be installed; the dashboard suite will skip" >&2
	@tools/check-install-rights test
	@$(MAKE) -s --no-print-directory WERROR=1 all install unit-tests integration-tests fuzz-targets >/dev/null
	@tools/run-tests

# The regress suite against a server under Valgrind's memcheck.
test-memcheck: deps
	@tools/install-deps valgrind
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@tools/memcheck

# Redraws docs/ukraine-signing-chart.svg, the README's chart, from the
# bundled data; the chart suite fails when the committed one is not current.
docs-chart: deps
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@tools/with-cluster sh -c 'psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
		-c "CREATE EXTENSION secpact" -f data/load-ukraine.sql && tools/ukraine-chart' \
		>docs/ukraine-signing-chart.svg.new
	@mv docs/ukraine-signing-chart.svg.new docs/ukraine-signing-chart.svg
	@echo "docs/ukraine-signing-chart.svg redrawn"

# The Observable Framework dashboard (dashboards/ukraine) from the bundled
# data in a throwaway cluster: the static site in results/dashboard.  AS_OF
# (a date) fixes the signing order's date; else today.  The first run needs
# the npm registry (npm ci); later builds run offline.
dashboard: deps
	@command -v npm >/dev/null 2>&1 || tools/install-deps nodejs npm
	@tools/check-install-rights dashboard
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@tools/dashboard npm
	@tools/with-cluster sh -c 'tools/dashboard load && tools/dashboard build results/dashboard $(AS_OF)'
	@echo "Serve it with: python3 -m http.server -b 127.0.0.1 -d results/dashboard 8000  (then open http://127.0.0.1:8000/)"

# Redraws docs/dashboard-ukraine.png, the README's screenshot of the
# dashboard, as the dashboard suite renders it (Chromium); the suite fails
# when the committed one no longer matches.
docs-dashboard: deps
	@command -v npm >/dev/null 2>&1 || tools/install-deps nodejs npm
	@tools/install-deps chromium fonts-dejavu-core python3
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@tools/dashboard npm
	@rm -rf results/dashboard-docs && mkdir -p results/dashboard-docs
	@tools/with-cluster sh -c 'tools/dashboard load && tools/dashboard build results/dashboard-docs/site 2025-06-30 >/dev/null && \
		node tests/dashboard/check.mjs --site results/dashboard-docs/site --work results/dashboard-docs --shot docs/dashboard-ukraine.png'
	@echo "docs/dashboard-ukraine.png redrawn"

# The Citus suite alone: a coordinator and two workers on loopback against
# one node (tests/citus/run; it says it is skipped without Citus).
test-citus: deps
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@SUITES=citus tools/run-tests

# Random SQL (sqlsmith) for SOAK_QUERIES queries; no backend may crash.
SOAK_QUERIES ?= 20000
soak: deps
	@tools/install-deps sqlsmith
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@tools/soak $(SOAK_QUERIES)

# secpact against plain SQL on synthetic agreements, in throwaway clusters:
# writes bench/RESULTS.md (see bench/run; the data stays in results/bench).
BENCH_ROWS ?= 1000000 10000000
BENCH_REPS ?= 7
bench: deps
	@tools/install-deps locales
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@bench/run --rows "$(BENCH_ROWS)" --reps $(BENCH_REPS)

# The Debian packages (postgresql-<major>-secpact), with dpkg-buildpackage
# and pg_buildext: see debian/ and tools/build-deb.
deb:
	@tools/build-deb

# The release zip for PGXN, from git archive of HEAD (commit first):
# results/secpact-<version>.zip, the version being META.json's.
dist:
	@version=$$(jq -r .version META.json) && mkdir -p results && \
	git archive --format zip --prefix=secpact-$$version/ -o results/secpact-$$version.zip HEAD && \
	echo results/secpact-$$version.zip

# Fuzzes every text parser of the pure core for FUZZ_SECONDS each.
fuzz: deps
	@$(MAKE) -s --no-print-directory fuzz-targets
	@tools/run-fuzz $(FUZZ_SECONDS)

ifeq ($(PGXS),)
all install installcheck:
	@echo "pg_config was not found: install PostgreSQL's development files first," >&2
	@echo "with 'make deps' as root (it prints the apt-get command otherwise)," >&2
	@echo "or point PG_CONFIG at the pg_config of the PostgreSQL to build for" >&2
	@exit 1
else
include $(PGXS)
endif

# Objects, and the test programs below, are written beside the sources or,
# in a VPATH build, into the same folders under the build folder.
.PHONY: build-dirs
build-dirs:
	@mkdir -p extension results/regress results/isolation tests/unit tests/integration tests/fuzz

# PGXS tracks no header dependencies (Debian's PostgreSQL is configured
# without --enable-depend): every object depends on every header of ours.
SECPACT_HEADERS = $(wildcard $(srcdir)/extension/*.h)
$(OBJS): $(SECPACT_HEADERS) | build-dirs

# Unit tests link the pure core directly, under AddressSanitizer and UBSan.
UNIT_CFLAGS = -std=c11 -g -O1 -Wall -Wextra -Werror -I$(srcdir)/extension \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
UNIT_TESTS = tests/unit/party_core.bin tests/unit/dyad_core.bin tests/unit/signing_core.bin \
	tests/unit/party_set_core.bin tests/unit/chart_core.bin tests/unit/party_names_core.bin tests/unit/party_history_core.bin

# The tests link the generated names table as one plain object, built once:
# it is constant data, with nothing to instrument, and 7 MB of C to compile.
TEST_CORE_SRCS = $(filter-out extension/party_names_table.c,$(CORE_SRCS))
TEST_TABLE_OBJ = tests/party_names_table.o

$(TEST_TABLE_OBJ): extension/party_names_table.c extension/party_names_table.h | build-dirs
	$(CC) -c -O0 -I$(srcdir)/extension -o $@ $<

unit-tests: $(UNIT_TESTS)

# bench/names-parse's probe: the same core and table, optimised as the server's build is.
results/names-parse.bin: bench/names-parse.c $(CORE_SRCS) $(TEST_TABLE_OBJ) $(SECPACT_HEADERS) | build-dirs
	$(CC) -O2 -std=c11 -I$(srcdir)/extension -o $@ $< $(addprefix $(srcdir)/,$(TEST_CORE_SRCS)) $(TEST_TABLE_OBJ)

tests/unit/%.bin: tests/unit/test_%.c tests/unit/test_rng.h $(CORE_SRCS) $(TEST_TABLE_OBJ) $(SECPACT_HEADERS) | build-dirs
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(addprefix $(srcdir)/,$(TEST_CORE_SRCS)) $(TEST_TABLE_OBJ) -lcmocka

# libpq integration tests (cmocka), run against a throwaway cluster.
INTEGRATION_TESTS = tests/integration/binary_io.it tests/integration/faults.it \
	tests/integration/concurrency.it
IT_CFLAGS = -std=gnu11 -g -O1 -Wall -Wextra -Werror -I$(shell $(PG_CONFIG) --includedir 2>/dev/null)

integration-tests: $(INTEGRATION_TESTS)

tests/integration/%.it: tests/integration/test_%.c tests/integration/it_common.h $(CORE_SRCS) $(TEST_TABLE_OBJ) $(SECPACT_HEADERS) | build-dirs
	$(CC) $(IT_CFLAGS) -I$(srcdir)/extension -o $@ $< $(addprefix $(srcdir)/,$(TEST_CORE_SRCS)) $(TEST_TABLE_OBJ) -lpq -lcmocka -lpthread

# libFuzzer targets (clang) over the pure core, with ASan and UBSan.
FUZZ_TARGETS = tests/fuzz/party.fuzzer tests/fuzz/dyad.fuzzer tests/fuzz/signing.fuzzer
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -g -O1 -I$(srcdir)/extension -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer

fuzz-targets: $(FUZZ_TARGETS)

tests/fuzz/%.fuzzer: tests/fuzz/fuzz_%.c $(CORE_SRCS) $(TEST_TABLE_OBJ) $(SECPACT_HEADERS) | build-dirs
	clang $(FUZZ_CFLAGS) -o $@ $< $(addprefix $(srcdir)/,$(TEST_CORE_SRCS)) $(TEST_TABLE_OBJ)

# Regenerates the translated names: the snapshot of iso-codes' translations
# (data/party-names.tsv), then the C table made from it.
party-names:
	tools/gen-party-names extract > data/party-names.tsv.new
	mv data/party-names.tsv.new data/party-names.tsv
	tools/gen-party-names > extension/party_names_table.c.new
	mv extension/party_names_table.c.new extension/party_names_table.c

# Regenerates the table of parties from Debian's iso-codes.
party-table:
	tools/gen-party-table > extension/party_table.c.new
	mv extension/party_table.c.new extension/party_table.c
