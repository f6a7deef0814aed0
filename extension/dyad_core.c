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

/*
 * Checks the characters of s[start, end) and counts its separators, the
 * first of which is *sep.
 */
static DyadParseStatus
scan_separators(const char *s, size_t start, size_t end, size_t *separators, size_t *sep)
{
	*separators = 0;
	*sep = 0;
	for (size_t i = start; i < end; i++)
	{
		unsigned char c = (unsigned char) s[i];

		/* Whitespace may separate; any other control character is junk. */
		if ((c < 0x20 && !party_is_space(c)) || c == 0x7F)
			return DYAD_PARSE_BAD_CHAR;
		if (is_separator(c) && (*separators)++ == 0)
			*sep = i;
	}
	return DYAD_PARSE_OK;
}

/*
 * Input with no separator, separated by whitespace: the first run of it
 * divides the sides into s[start, *left_end) and s[*right_start, end).  One
 * word alone is single_word's to explain.
 */
static DyadParseStatus
split_at_whitespace(const char *s, size_t start, size_t end,
					size_t *left_end, size_t *right_start, DyadParseError *err)
{
	size_t		i = start;

	while (i < end && !party_is_space((unsigned char) s[i]))
		i++;
	if (i == end)
		return single_word(s + start, end - start, err);
	*left_end = i;
	while (i < end && party_is_space((unsigned char) s[i]))
		i++;
	*right_start = i;
	for (i = *right_start; i < end; i++)
		if (party_is_space((unsigned char) s[i]))
			return DYAD_PARSE_TOO_MANY_PARTS;
	return DYAD_PARSE_OK;
}

/* One side, s[start, end) trimmed, as a party code; side is 1 or 2. */
static DyadParseStatus
parse_side(const char *s, size_t start, size_t end, int side,
		   PartyCode *party, DyadParseError *err)
{
	PartyParseStatus status;

	trim_range(s, &start, &end);
	status = party_parse(s + start, end - start, PARTY_ACCEPT_CODES, party);
	if (status != PARTY_PARSE_OK)
		return bad_side(err, side, status, start, end);
	return DYAD_PARSE_OK;
}

DyadParseStatus
dyad_parse(const char *s, size_t len, DyadCode *out, DyadParseError *err)
{
	DyadParseError local;
	size_t		start = 0;
	size_t		end = len;
	size_t		separators;
	size_t		left_end,
				right_start;
	PartyCode	a;
	PartyCode	b;
	DyadParseStatus status;

	if (err == NULL)
		err = &local;
	memset(err, 0, sizeof(*err));
	party_core_init();

	trim_range(s, &start, &end);
	if (start == end)
		return DYAD_PARSE_EMPTY;
	if (end - start > DYAD_MAX_INPUT)
		return DYAD_PARSE_TOO_LONG;

	if ((status = scan_separators(s, start, end, &separators, &left_end)) != DYAD_PARSE_OK)
		return status;
	if (separators > 1)
		return DYAD_PARSE_TOO_MANY_PARTS;
	if (separators == 1)
		right_start = left_end + 1;
	else if ((status = split_at_whitespace(s, start, end, &left_end, &right_start,
										   err)) != DYAD_PARSE_OK)
		return status;

	if ((status = parse_side(s, start, left_end, 1, &a, err)) != DYAD_PARSE_OK ||
		(status = parse_side(s, right_start, end, 2, &b, err)) != DYAD_PARSE_OK)
		return status;

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

bool
dyad_lower_run(PartyCode party, DyadCode *first, DyadCode *last)
{
	int			row = party_table_row(party);

	/* the table is in party order: the parties above it are the rows after */
	if (row < 0 || row + 1 >= party_table_len)
		return false;
	*first = DYAD_CODE(party, party_row_code(row + 1));
	*last = DYAD_CODE(party, party_row_code(party_table_len - 1));
	return true;
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
