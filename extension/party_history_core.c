/*
 * party_history_core.c: parties through time, in pure C.
 *
 * The spells are a few hundred rows sorted by scheme, code and date: a
 * code's are found by binary search (party_from_code runs per row of a
 * dyad-year table), a party's codes by year through an index by party,
 * sorted once (dyad_years asks per run of years); the rarer lookups scan
 * them all.
 */
#include "party_history_core.h"

#include <stdlib.h>
#include <string.h>

const PartySpell *
party_spell_of(PartyScheme scheme, PartyCode party, int32_t ymd)
{
	const PartySpell *latest = NULL;

	for (int i = 0; i < party_spell_len; i++)
	{
		const PartySpell *s = &party_spell[i];

		if (s->scheme != scheme || s->party != party)
			continue;
		if (ymd == PARTY_DATE_LATEST)
		{
			if (latest == NULL || s->from > latest->from)
				latest = s;
		}
		else if (party_spell_covers(s, ymd))
			return s;
	}
	return latest;
}

/* The spells from..to-1 of scheme that match key: the party on ymd. */
static PartyFromCodeStatus
from_spells_in(int from, int to, PartyScheme scheme,
			   bool (*match) (const PartySpell *, const void *),
			   const void *key, int32_t ymd, PartyCode *out)
{
	const PartySpell *latest = NULL;
	bool		known = false;

	for (int i = from; i < to; i++)
	{
		const PartySpell *s = &party_spell[i];

		if (s->scheme != scheme || !match(s, key))
			continue;
		known = true;
		if (ymd == PARTY_DATE_LATEST)
		{
			if (latest == NULL || s->from > latest->from)
				latest = s;
		}
		else if (party_spell_covers(s, ymd))
		{
			*out = s->party;
			return PARTY_FROM_CODE_OK;
		}
	}
	if (latest != NULL)
	{
		*out = latest->party;
		return PARTY_FROM_CODE_OK;
	}
	return known ? PARTY_FROM_CODE_NOT_THEN : PARTY_FROM_CODE_UNKNOWN;
}

static PartyFromCodeStatus
from_spells(PartyScheme scheme, bool (*match) (const PartySpell *, const void *),
			const void *key, int32_t ymd, PartyCode *out)
{
	return from_spells_in(0, party_spell_len, scheme, match, key, ymd, out);
}

static bool
match_code(const PartySpell *s, const void *key)
{
	return s->code == *(const int *) key;
}

typedef struct AbbrevKey
{
	const char *s;
	size_t		len;
} AbbrevKey;

static bool
match_abbrev(const PartySpell *s, const void *key)
{
	const AbbrevKey *k = key;

	if (strlen(s->abbrev) != k->len)
		return false;
	for (size_t i = 0; i < k->len; i++)
	{
		unsigned char c = (unsigned char) k->s[i];

		if ((c >= 'a' && c <= 'z' ? c - 32 : c) != (unsigned char) s->abbrev[i])
			return false;
	}
	return true;
}

/* Whether (scheme, code) of spell a comes before that of b. */
static bool
code_before(const PartySpell *a, PartyScheme scheme, int code)
{
	return a->scheme != scheme ? a->scheme < scheme : a->code < code;
}

/*
 * Whether the spells are in (scheme, code) order, as the generator writes
 * them; checked once, so that a table out of order is still read right
 * (by the scan of them all).
 */
static bool
spells_in_code_order(void)
{
	static int	sorted = -1;

	if (sorted < 0)
	{
		sorted = 1;
		for (int i = 1; i < party_spell_len; i++)
			if (code_before(&party_spell[i], party_spell[i - 1].scheme, party_spell[i - 1].code))
				sorted = 0;
	}
	return sorted == 1;
}

/*
 * A code's spells by binary search: this runs per row of a dyad-year table,
 * where a scan of every spell was most of the time.
 */
PartyFromCodeStatus
party_from_code(PartyScheme scheme, int code, int32_t ymd, PartyCode *out)
{
	int			lo = 0,
				hi = party_spell_len,
				end;

	if (!spells_in_code_order())
		return from_spells(scheme, match_code, &code, ymd, out);
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (code_before(&party_spell[mid], scheme, code))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < party_spell_len && party_spell[end].scheme == scheme &&
		 party_spell[end].code == code; end++)
		;
	return from_spells_in(lo, end, scheme, match_code, &code, ymd, out);
}

PartyFromCodeStatus
party_from_abbrev(PartyScheme scheme, const char *s, size_t len, int32_t ymd, PartyCode *out)
{
	AbbrevKey	key = {s, len};

	return from_spells(scheme, match_abbrev, &key, ymd, out);
}

bool
party_exists_on(const PartyInfo *p, int32_t ymd)
{
	bool		listed = false;

	for (int i = 0; i < party_spell_len; i++)
	{
		const PartySpell *s = &party_spell[i];

		if (s->party != p->code)
			continue;
		if (party_spell_covers(s, ymd))
			return true;
		listed = true;
	}
	if (listed)
		return false;
	return (p->valid_from == 0 || p->valid_from <= ymd) &&
		(p->valid_to == 0 || ymd <= p->valid_to);
}

/*
 * The spells in (scheme, party, table) order, sorted once: a party's spells
 * in one scheme are then one run, found by binary search.  dyad_years asks
 * for a party's codes four times a run of years (5,555 runs over a registry
 * of ATOP's size), and each ask scanned every spell.  A table longer than
 * the index (the unit tests check that it is not) takes the scan.
 */
static const PartySpell *spells_by_party[PARTY_SPELLS_INDEXED];

static int
spell_party_cmp(const void *a, const void *b)
{
	const PartySpell *x = *(const PartySpell *const *) a;
	const PartySpell *y = *(const PartySpell *const *) b;

	if (x->scheme != y->scheme)
		return x->scheme < y->scheme ? -1 : 1;
	if (x->party != y->party)
		return x->party < y->party ? -1 : 1;
	/* table order within a party's spells: both ways find the same spell */
	return (x > y) - (x < y);
}

/* Whether (scheme, party) of spell s comes before the key. */
static bool
party_before(const PartySpell *s, PartyScheme scheme, PartyCode party)
{
	return s->scheme != scheme ? s->scheme < scheme : s->party < party;
}

/*
 * The party's spells in one scheme, in table order: *n of them from the
 * result; NULL when the table does not fit the index.
 */
static const PartySpell *const *
party_spells(PartyScheme scheme, PartyCode party, int *n)
{
	static bool sorted = false;
	int			lo = 0,
				hi = party_spell_len,
				end;

	if (party_spell_len > PARTY_SPELLS_INDEXED)
		return NULL;
	if (!sorted)
	{
		for (int i = 0; i < party_spell_len; i++)
			spells_by_party[i] = &party_spell[i];
		qsort(spells_by_party, party_spell_len, sizeof(spells_by_party[0]), spell_party_cmp);
		sorted = true;
	}
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (party_before(spells_by_party[mid], scheme, party))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < party_spell_len && spells_by_party[end]->scheme == scheme &&
		 spells_by_party[end]->party == party; end++)
		;
	*n = end - lo;
	return &spells_by_party[lo];
}

/*
 * The spell on ymd among the party's, or by the scan when the index could
 * not hold them; the first in table order in both.
 */
static const PartySpell *
indexed_spell_on(const PartySpell *const *spells, int n, PartyScheme scheme, PartyCode party,
				 int32_t ymd)
{
	if (spells == NULL)
		return party_spell_of(scheme, party, ymd);
	for (int i = 0; i < n; i++)
		if (party_spell_covers(spells[i], ymd))
			return spells[i];
	return NULL;
}

void
party_codes_by_year(PartyScheme scheme, PartyCode party, int first, int last,
					int32_t *codes, bool *known)
{
	int			n = 0;
	const PartySpell *const *spells = party_spells(scheme, party, &n);

	for (int y = first; y <= last; y++)
	{
		int32_t		year_end = y * 10000 + 1231;
		int32_t		on = year_end < PARTY_LISTS_BEGIN ? PARTY_LISTS_BEGIN : year_end;
		const PartySpell *s;

		s = indexed_spell_on(spells, n, scheme, party, on);
		if (s == NULL)
			s = indexed_spell_on(spells, n, scheme, party, y * 10000 + 101);
		known[y - first] = s != NULL;
		codes[y - first] = s != NULL ? s->code : 0;
	}
}
