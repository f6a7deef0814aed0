/*
 * dyad_core.c: parsing, formatting and tests of dyads, in pure C.
 *
 * The parser never copies its input: it finds the two sides by offsets and
 * hands each to party_parse, which reads only the bytes it is given.
 */
#include "dyad_core.h"

#include <string.h>

/*
 * A single word no longer than this is tried as two codes written together
 * ("BEUA", "BELUKR", "056804"), to suggest the dyad meant.
 */
#define RUN_TOGETHER_MAX 6

static inline bool
is_separator(unsigned char c)
{
	return c == '-' || c == ':' || c == '/';
}

/* Drops surrounding ASCII whitespace from s[*start, *end). */
static void
trim_range(const char *s, size_t *start, size_t *end)
{
	while (*start < *end && party_is_space((unsigned char) s[*start]))
		(*start)++;
	while (*end > *start && party_is_space((unsigned char) s[*end - 1]))
		(*end)--;
}

static DyadParseStatus
bad_side(DyadParseError *err, int side, PartyParseStatus status,
		 size_t start, size_t end)
{
	err->side = side;
	err->party_status = status;
	err->offset = start;
	err->len = end - start;
	return DYAD_PARSE_BAD_PARTY;
}

/*
 * The input is one word with no separator.  Says whether it names one party
 * (in any spelling party input takes, names included, since "Belgium" alone
 * is as clearly one party as "BE"), and otherwise whether exactly one way of
 * cutting it makes two codes.
 */
static DyadParseStatus
single_word(const char *w, size_t n, DyadParseError *err)
{
	PartyCode	party;
	int			found = 0;

	if (party_parse(w, n, PARTY_ACCEPT_ALL, &party) == PARTY_PARSE_OK)
	{
		err->party = party;
		return DYAD_PARSE_ONE_PARTY;
	}
	if (n <= RUN_TOGETHER_MAX)
	{
		for (size_t i = 1; i < n; i++)
		{
			PartyCode	a;
			PartyCode	b;
			DyadCode	dyad;

			if (party_parse(w, i, PARTY_ACCEPT_CODES, &a) == PARTY_PARSE_OK &&
				party_parse(w + i, n - i, PARTY_ACCEPT_CODES, &b) == PARTY_PARSE_OK &&
				dyad_make(a, b, &dyad))
			{
				found++;
				err->suggestion = dyad;
			}
		}
	}
	/* An ambiguous cut suggests nothing rather than a guess. */
	if (found != 1)
		err->suggestion = 0;
	return DYAD_PARSE_NO_SEPARATOR;
}

DyadParseStatus
dyad_parse(const char *s, size_t len, DyadCode *out, DyadParseError *err)
{
	DyadParseError local;
	size_t		start = 0;
	size_t		end = len;
	size_t		separators = 0;
	size_t		sep = 0;
	size_t		left_start,
				left_end,
				right_start,
				right_end;
	PartyCode	a;
	PartyCode	b;
	PartyParseStatus status;

	if (err == NULL)
		err = &local;
	memset(err, 0, sizeof(*err));
	party_core_init();

	trim_range(s, &start, &end);
	if (start == end)
		return DYAD_PARSE_EMPTY;
	if (end - start > DYAD_MAX_INPUT)
		return DYAD_PARSE_TOO_LONG;

	for (size_t i = start; i < end; i++)
	{
		unsigned char c = (unsigned char) s[i];

		/* Whitespace may separate; any other control character is junk. */
		if ((c < 0x20 && !party_is_space(c)) || c == 0x7F)
			return DYAD_PARSE_BAD_CHAR;
		if (is_separator(c) && separators++ == 0)
			sep = i;
	}

	if (separators > 1)
		return DYAD_PARSE_TOO_MANY_PARTS;
	if (separators == 1)
	{
		left_start = start;
		left_end = sep;
		right_start = sep + 1;
		right_end = end;
	}
	else
	{
		/* Separated by whitespace: the first run of it divides the sides. */
		size_t		i = start;

		while (i < end && !party_is_space((unsigned char) s[i]))
			i++;
		if (i == end)
			return single_word(s + start, end - start, err);
		left_start = start;
		left_end = i;
		while (i < end && party_is_space((unsigned char) s[i]))
			i++;
		right_start = i;
		right_end = end;
		for (i = right_start; i < right_end; i++)
			if (party_is_space((unsigned char) s[i]))
				return DYAD_PARSE_TOO_MANY_PARTS;
	}
	trim_range(s, &left_start, &left_end);
	trim_range(s, &right_start, &right_end);

	status = party_parse(s + left_start, left_end - left_start,
						 PARTY_ACCEPT_CODES, &a);
	if (status != PARTY_PARSE_OK)
		return bad_side(err, 1, status, left_start, left_end);
	status = party_parse(s + right_start, right_end - right_start,
						 PARTY_ACCEPT_CODES, &b);
	if (status != PARTY_PARSE_OK)
		return bad_side(err, 2, status, right_start, right_end);

	if (!dyad_make(a, b, out))
	{
		err->party = a;
		return DYAD_PARSE_SAME_PARTY;
	}
	return DYAD_PARSE_OK;
}

bool
dyad_make(PartyCode a, PartyCode b, DyadCode *out)
{
	if (a == b)
		return false;
	*out = a < b ? DYAD_CODE(a, b) : DYAD_CODE(b, a);
	return true;
}

size_t
dyad_format(DyadCode dyad, char *out)
{
	size_t		n = party_format(DYAD_FIRST(dyad), out);

	out[n++] = '-';
	return n + party_format(DYAD_SECOND(dyad), out + n);
}

bool
dyad_is_valid(uint32_t value)
{
	PartyCode	lower = DYAD_FIRST(value);
	PartyCode	higher = DYAD_SECOND(value);

	return lower < higher && party_is_known(lower) && party_is_known(higher);
}

int
dyad_involving(PartyCode party, DyadCode *out)
{
	int			n = 0;

	if (!party_is_known(party))
		return 0;

	/*
	 * The table is in party order, so the dyads come out in dyad order: those
	 * where the party is the higher one, (x << 16) | party for x below it,
	 * then those where it is the lower one, (party << 16) | x.
	 */
	for (int row = 0; row < party_table_len; row++)
	{
		PartyCode	other = party_row_code(row);

		if (other < party)
			out[n++] = DYAD_CODE(other, party);
		else if (other > party)
			out[n++] = DYAD_CODE(party, other);
	}
	return n;
}

int
dyad_overlapping(DyadCode dyad, DyadCode *out)
{
	DyadCode	first[DYAD_INVOLVING_MAX];
	DyadCode	second[DYAD_INVOLVING_MAX];
	int			nfirst,
				nsecond,
				i = 0,
				j = 0,
				n = 0;

	if (!dyad_is_valid(dyad))
		return 0;
	nfirst = dyad_involving(DYAD_FIRST(dyad), first);
	nsecond = dyad_involving(DYAD_SECOND(dyad), second);

	/* Merge the two sorted lists; the dyad itself is in both. */
	while (i < nfirst || j < nsecond)
	{
		if (j == nsecond || (i < nfirst && first[i] < second[j]))
			out[n++] = first[i++];
		else if (i == nfirst || second[j] < first[i])
			out[n++] = second[j++];
		else
		{
			out[n++] = first[i++];
			j++;
		}
	}
	return n;
}
