# secpact: PostgreSQL extension for parties, dyads and the signing order of
# bilateral agreements.  A PGXS build: make, make install, make installcheck
# work as for any extension; make demo and make test also set a machine up.

EXTENSION = secpact
MODULE_big = secpact
CORE_SRCS = extension/party_core.c extension/party_table.c extension/dyad_core.c
OBJS = extension/secpact.o extension/party.o extension/dyad.o extension/dyad_gin.o \
	extension/dyad_selfuncs.o $(CORE_SRCS:.c=.o)
DATA = extension/secpact--1.0.sql
REGRESS = party dyad
REGRESS_OPTS = --inputdir=. --outputdir=results/regress
PG_CPPFLAGS = -I$(srcdir)/extension
# -Wextra on top of PostgreSQL's warnings, less what its own headers trip.
PG_CFLAGS = -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers $(if $(WERROR),-Werror)
EXTRA_CLEAN = results tests/unit/*.bin

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

.DEFAULT_GOAL := all
.PHONY: deps demo test party-table unit-tests

# The dependency step runs before anything needs pg_config or a compiler:
# these entry points install what is missing, then run again in a new make
# that can include PGXS.
deps:
	@tools/install-deps

demo: deps
	@$(MAKE) -s --no-print-directory all install >/dev/null
	@tools/demo $(if $(KEEP),--keep)

test: deps
	@$(MAKE) -s --no-print-directory WERROR=1 all install unit-tests >/dev/null
	@tools/run-tests

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
UNIT_TESTS = tests/unit/party_core.bin tests/unit/dyad_core.bin

unit-tests: $(UNIT_TESTS)

tests/unit/%.bin: tests/unit/test_%.c $(CORE_SRCS) extension/*.h
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_SRCS) -lcmocka

# Regenerates the table of parties from Debian's iso-codes.
party-table:
	tools/gen-party-table > extension/party_table.c.new
	mv extension/party_table.c.new extension/party_table.c
