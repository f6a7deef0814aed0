# secpact: PostgreSQL extension for parties, dyads and the signing order of
# bilateral agreements.  A PGXS build: make, make install, make installcheck
# work as for any extension; make demo and make test also set a machine up.

EXTENSION = secpact
MODULE_big = secpact
CORE_SRCS = extension/party_core.c extension/party_table.c extension/dyad_core.c \
	extension/signing_core.c extension/party_set_core.c extension/chart_core.c \
	extension/party_history_core.c
OBJS = extension/secpact.o extension/party.o extension/dyad.o extension/dyad_gin.o \
	extension/dyad_support.o extension/registry.o extension/dyad_selfuncs.o \
	extension/signing.o extension/party_set.o extension/chart.o extension/party_history.o \
	$(CORE_SRCS:.c=.o)
DATA = $(wildcard extension/secpact--*.sql)
REGRESS = party dyad signing registry analytics migration security scaling transactions historical
REGRESS_OPTS = --inputdir=. --outputdir=results/regress
ISOLATION = same_day_signings supersede
ISOLATION_OPTS = --inputdir=tests/isolation --outputdir=results/isolation
PG_CPPFLAGS = -I$(srcdir)/extension
# -Wextra on top of PostgreSQL's warnings, less what its own headers trip.
PG_CFLAGS = -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers $(if $(WERROR),-Werror)
EXTRA_CLEAN = results tests/unit/*.bin tests/fuzz/*.fuzzer tests/integration/*.it

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

.DEFAULT_GOAL := all
.PHONY: deps demo test test-memcheck soak bench party-table unit-tests integration-tests fuzz fuzz-targets docs-chart

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
	@tools/install-deps chromium fonts-dejavu-core || echo "make test: Chromium could not be installed; the chart suite will skip its browser checks" >&2
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

# Fuzzes every text parser of the pure core for FUZZ_SECONDS each.
fuzz: deps
	@$(MAKE) -s --no-print-directory fuzz-targets
	@tools/run-fuzz $(FUZZ_SECONDS)

ifeq ($(PGXS),)
all install installcheck:
	@echo "pg_config was not found: install PostgreSQL's development files first," >&2
	@echo "with 'make deps' as root, or: sudo apt-get install postgresql-server-dev-15" >&2
	@exit 1
else
include $(PGXS)
endif

# Unit tests link the pure core directly, under AddressSanitizer and UBSan.
UNIT_CFLAGS = -std=c11 -g -O1 -Wall -Wextra -Werror -Iextension \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
UNIT_TESTS = tests/unit/party_core.bin tests/unit/dyad_core.bin tests/unit/signing_core.bin \
	tests/unit/party_set_core.bin tests/unit/chart_core.bin tests/unit/party_history_core.bin

unit-tests: $(UNIT_TESTS)

tests/unit/%.bin: tests/unit/test_%.c tests/unit/test_rng.h $(CORE_SRCS) extension/*.h
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_SRCS) -lcmocka

# libpq integration tests (cmocka), run against a throwaway cluster.
INTEGRATION_TESTS = tests/integration/binary_io.it tests/integration/faults.it \
	tests/integration/concurrency.it
IT_CFLAGS = -std=gnu11 -g -O1 -Wall -Wextra -Werror -I$(shell $(PG_CONFIG) --includedir 2>/dev/null)

integration-tests: $(INTEGRATION_TESTS)

tests/integration/%.it: tests/integration/test_%.c tests/integration/it_common.h $(CORE_SRCS)
	$(CC) $(IT_CFLAGS) -Iextension -o $@ $< $(CORE_SRCS) -lpq -lcmocka -lpthread

# libFuzzer targets (clang) over the pure core, with ASan and UBSan.
FUZZ_TARGETS = tests/fuzz/party.fuzzer tests/fuzz/dyad.fuzzer tests/fuzz/signing.fuzzer
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -g -O1 -Iextension -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer

fuzz-targets: $(FUZZ_TARGETS)

tests/fuzz/%.fuzzer: tests/fuzz/fuzz_%.c $(CORE_SRCS) extension/*.h
	clang $(FUZZ_CFLAGS) -o $@ $< $(CORE_SRCS)

# Regenerates the table of parties from Debian's iso-codes.
party-table:
	tools/gen-party-table > extension/party_table.c.new
	mv extension/party_table.c.new extension/party_table.c
