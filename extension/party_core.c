/*
 * party_core.c: parsing, formatting and lookup of parties, in pure C.
 *
 * Every lookup is O(1): direct indexes by alpha-2 letters, alpha-3 letters
 * and numeric code, and a hash of normalised names, all built once per
 * process from the generated table.  Only the error path (suggestions) scans.
 */
#include "party_core.h"
#include "party_names_core.h"

#include <string.h>

#define LETTERS 26
#define NUMERIC_LIMIT 1000
#define NAME_SLOTS 4096			/* power of two, > 4 x the number of names */
#define NAMES_PER_PARTY 3		/* name, common_name, official_name */
#define NAME_BUFFER_SIZE (400 * NAMES_PER_PARTY * (PARTY_MAX_INPUT + 1))

typedef struct NameSlot
{
	const char *key;			/* normalised name, or NULL for an empty slot */
	uint8_t		len;
	int16_t		row;
} NameSlot;

static bool initialized = false;
/* the generated slot index covers every slot party_code_slot gives */
_Static_assert(sizeof(party_alpha2_rows) == sizeof(int16_t) * PARTY_CODE_SLOTS,
			   "party_alpha2_rows has a row for every slot");

/*
 * What codes read as, which is not always what they are stored as: CS is
 * stored for Czechoslovakia but reads as ambiguous.  A row, NO_PARTY or
 * AMBIGUOUS.
 */
#define NO_PARTY	(-1)
#define AMBIGUOUS	(-2)
static int16_t alpha2_index[LETTERS * LETTERS];
static int16_t alpha3_index[LETTERS * LETTERS * LETTERS];
static int16_t numeric_index[NUMERIC_LIMIT];

/* Four-character spellings (SUHH, BUMM, #BAV): few, scanned. */
#define LONG_CODES_MAX 128
typedef struct LongCode
{
	char		spelling[4];	/* upper case */
	int16_t		row;
} LongCode;
static LongCode long_codes[LONG_CODES_MAX];
static int	long_codes_len = 0;
static NameSlot name_slots[NAME_SLOTS];
static char name_buffer[NAME_BUFFER_SIZE];

/*
 * Latin-1 letters (U+00C0..U+00FF, UTF-8 0xC3 0x80..0xBF) folded to their
 * ASCII base letter, so "Türkiye", "TÜRKIYE" and "Turkiye" match alike.
 * A zero keeps the character as it is.
 */
static const char latin1_fold[64 + 1] =	/* + 1: the literal's NUL, which gcc 15 wants room for */
"aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";

static inline bool
is_space(unsigned char c)
{
	return party_is_space(c);
}

static inline bool
is_letter(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline int
letter_value(unsigned char c)
{
	return (c | 0x20) - 'a';
}

/* The index slots of two and three letters, in either case. */
static inline int
alpha2_slot(const char *s)
{
	return letter_value((unsigned char) s[0]) * LETTERS + letter_value((unsigned char) s[1]);
}

static inline int
alpha3_slot(const char *s)
{
	return alpha2_slot(s) * LETTERS + letter_value((unsigned char) s[2]);
}

static inline char
to_upper(unsigned char c)
{
	return (char) ((c >= 'a' && c <= 'z') ? c - 32 : c);
}

/* Whether len bytes at s are code, without regard to case. */
static bool
code_equals(const char *s, size_t len, const char *code)
{
	if (code == NULL || strlen(code) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (to_upper((unsigned char) s[i]) != code[i])
			return false;
	return true;
}

/* Drops surrounding ASCII whitespace. */
static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space((unsigned char) (*s)[0]))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((unsigned char) (*s)[*len - 1]))
		(*len)--;
}

/*
 * Normalises a name for matching: lower case, Latin-1 accents folded, runs
 * of whitespace made one space.  out must hold len bytes; returns the length
 * written, which is never more than len.
 */
static size_t
normalize_name(const char *s, size_t len, char *out)
{
	size_t		n = 0;
	bool		in_space = false;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (is_space(c))
		{
			in_space = true;
			continue;
		}
		if (in_space && n > 0)
			out[n++] = ' ';
		in_space = false;

		if (c == 0xC3 && i + 1 < len &&
			(unsigned char) s[i + 1] >= 0x80 && (unsigned char) s[i + 1] <= 0xBF &&
			latin1_fold[(unsigned char) s[i + 1] - 0x80] != '\0')
		{
			out[n++] = latin1_fold[(unsigned char) s[i + 1] - 0x80];
			i++;
		}
		else if (c >= 'A' && c <= 'Z')
			out[n++] = (char) (c + 32);
		else
			out[n++] = (char) c;
	}
	return n;
}

static uint32_t
hash_name(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 16777619u;
	}
	return h;
}

static int
find_name(const char *norm, size_t len)
{
	uint32_t	slot = hash_name(norm, len) & (NAME_SLOTS - 1);

	while (name_slots[slot].key != NULL)
	{
		if (name_slots[slot].len == len &&
			memcmp(name_slots[slot].key, norm, len) == 0)
			return name_slots[slot].row;
		slot = (slot + 1) & (NAME_SLOTS - 1);
	}
	return -1;
}

static void
add_name(const char *name, int row, size_t *used)
{
	size_t		len;
	char	   *norm;
	uint32_t	slot;

	if (name == NULL)
		return;
	len = strlen(name);
	if (len > PARTY_MAX_INPUT || *used + len > NAME_BUFFER_SIZE)
		return;					/* unit tests check that this never happens */
	norm = name_buffer + *used;
	len = normalize_name(name, len, norm);
	if (find_name(norm, len) >= 0)
		return;					/* alias of a name already present: first wins */
	*used += len;

	slot = hash_name(norm, len) & (NAME_SLOTS - 1);
	while (name_slots[slot].key != NULL)
		slot = (slot + 1) & (NAME_SLOTS - 1);
	name_slots[slot].key = norm;
	name_slots[slot].len = (uint8_t) len;
	name_slots[slot].row = (int16_t) row;
}

/*
 * Records that spelling reads as row: the first party of today to claim it
 * keeps it; a former party claiming what another former party has makes it
 * ambiguous.
 */
static void
claim(int16_t *slot, int row)
{
	if (*slot == NO_PARTY)
		*slot = (int16_t) row;
	else if (*slot >= 0 && *slot != row && party_table[*slot].former)
		*slot = AMBIGUOUS;
}

static void
claim_code(const char *spelling, int row)
{
	size_t		len = strlen(spelling);

	if (len == 2)
		claim(&alpha2_index[alpha2_slot(spelling)], row);
	else if (len == 3 && is_letter((unsigned char) spelling[0]))
		claim(&alpha3_index[alpha3_slot(spelling)], row);
	else if (len == 3)
		claim(&numeric_index[(spelling[0] - '0') * 100 + (spelling[1] - '0') * 10 + (spelling[2] - '0')], row);
	else if (len == 4 && long_codes_len < LONG_CODES_MAX)
	{
		for (int i = 0; i < 4; i++)
			long_codes[long_codes_len].spelling[i] = to_upper((unsigned char) spelling[i]);
		long_codes[long_codes_len++].row = (int16_t) row;
	}
}

static int
find_long_code(const char *s)
{
	for (int i = 0; i < long_codes_len; i++)
	{
		int			k = 0;

		while (k < 4 && to_upper((unsigned char) s[k]) == long_codes[i].spelling[k])
			k++;
		if (k == 4)
			return long_codes[i].row;
	}
	return NO_PARTY;
}

static void
index_codes(const PartyInfo *p, int row)
{
	char		numeric[4];

	if (p->alpha2 != NULL)
		claim_code(p->alpha2, row);
	if (p->alpha3 != NULL)
		claim_code(p->alpha3, row);
	if (p->numeric >= 0 && p->numeric < NUMERIC_LIMIT)
	{
		numeric[0] = (char) ('0' + p->numeric / 100);
		numeric[1] = (char) ('0' + p->numeric / 10 % 10);
		numeric[2] = (char) ('0' + p->numeric % 10);
		numeric[3] = '\0';
		claim_code(numeric, row);
	}
	if (strlen(p->text) == 4)
		claim_code(p->text, row);
}

void
party_core_init(void)
{
	size_t		used = 0;

	if (initialized)
		return;

	memset(alpha2_index, 0xFF, sizeof(alpha2_index));
	memset(alpha3_index, 0xFF, sizeof(alpha3_index));
	memset(numeric_index, 0xFF, sizeof(numeric_index));
	memset(name_slots, 0, sizeof(name_slots));
	long_codes_len = 0;

	/* Codes of today's parties first: a former code never takes one over. */
	for (int row = 0; row < party_table_len; row++)
		if (!party_table[row].former)
			index_codes(&party_table[row], row);
	for (int row = 0; row < party_table_len; row++)
		if (party_table[row].former)
			index_codes(&party_table[row], row);
	for (int i = 0; i < party_code_alias_len; i++)
		claim_code(party_code_alias[i].spelling, party_table_row(party_code_alias[i].code));

	/* Names first, then common and official names, so a name always wins. */
	for (int row = 0; row < party_table_len; row++)
		add_name(party_table[row].name, row, &used);
	for (int row = 0; row < party_table_len; row++)
		add_name(party_table[row].common_name, row, &used);
	for (int row = 0; row < party_table_len; row++)
		add_name(party_table[row].official_name, row, &used);
	for (int i = 0; i < party_name_alias_len; i++)
		add_name(party_name_alias[i].name, party_table_row(party_name_alias[i].code), &used);

	initialized = true;
}

const PartyInfo *
party_lookup(PartyCode code)
{
	int			row = party_table_row(code);

	return row < 0 ? NULL : &party_table[row];
}

/*
 * One function, longer than a screen, on purpose: the order of its tests is
 * what a spelling means (alpha-2 and alpha-3 codes, alpha-4 and #ABC,
 * numeric codes, English names, translations), and it reads top to bottom
 * in that order, each form returning as soon as it decides.
 */
PartyParseStatus
party_parse(const char *s, size_t len, int accept, PartyCode *out)
{
	size_t		letters = 0;
	size_t		digits = 0;
	size_t		sign = 0;
	int			row;

	party_core_init();
	trim(&s, &len);
	if (len == 0)
		return PARTY_PARSE_EMPTY;
	if (len > PARTY_NAMES_MAX_INPUT)
		return PARTY_PARSE_TOO_LONG;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x20 || c == 0x7F)
			return PARTY_PARSE_BAD_CHAR;
		if (is_letter(c))
			letters++;
		else if (is_digit(c))
			digits++;
	}
	if (len >= 2 && (s[0] == '-' || s[0] == '+'))
		sign = 1;

	if (letters == len && (len == 2 || len == 3) && (accept & PARTY_ACCEPT_CODES))
	{
		if (len == 2)
			row = alpha2_index[alpha2_slot(s)];
		else
			row = alpha3_index[alpha3_slot(s)];
		if (row == AMBIGUOUS)
			return PARTY_PARSE_AMBIGUOUS;
		if (row != NO_PARTY)
		{
			*out = party_row_code(row);
			return PARTY_PARSE_OK;
		}
		/* a code first; failing that, a short translated name ("Fas", "Man") */
		if (accept & PARTY_ACCEPT_NAMES)
		{
			PartyCode	found[2];

			if (party_translated_find(s, len, found, 2) == 1)
			{
				*out = found[0];
				return PARTY_PARSE_OK;
			}
		}
		return len == 2 ? PARTY_PARSE_UNKNOWN_ALPHA2 : PARTY_PARSE_UNKNOWN_ALPHA3;
	}

	/* ISO 3166-3 alpha-4 (SUHH), or # and a list's abbreviation (#BAV) */
	if (len == 4 && (letters == 4 || (s[0] == '#' && letters == 3)) &&
		(accept & PARTY_ACCEPT_CODES))
	{
		row = find_long_code(s);
		if (row >= 0)
		{
			*out = party_row_code(row);
			return PARTY_PARSE_OK;
		}
		if (s[0] == '#')
			return PARTY_PARSE_UNKNOWN_NAME;
		/* four letters may still be a name: Chad, Cuba, Iran */
	}

	if (digits > 0 && digits + sign == len && (accept & PARTY_ACCEPT_CODES))
	{
		int			value = 0;

		if (sign || digits > 3)
			return PARTY_PARSE_BAD_NUMERIC;
		for (size_t i = 0; i < len; i++)
			value = value * 10 + (s[i] - '0');
		row = numeric_index[value];
		if (row == NO_PARTY)
			return PARTY_PARSE_UNKNOWN_NUMERIC;
		if (row == AMBIGUOUS)
			return PARTY_PARSE_AMBIGUOUS;
		*out = party_row_code(row);
		return PARTY_PARSE_OK;
	}

	if ((accept & PARTY_ACCEPT_NAMES) && len <= PARTY_MAX_INPUT)
	{
		char		norm[PARTY_MAX_INPUT];
		size_t		nlen = normalize_name(s, len, norm);

		row = find_name(norm, nlen);
		if (row >= 0)
		{
			*out = party_row_code(row);
			return PARTY_PARSE_OK;
		}
	}
	/* English names first, so a translation never changes what they mean */
	if (accept & PARTY_ACCEPT_NAMES)
	{
		PartyCode	found[2];
		int			n = party_translated_find(s, len, found, 2);

		if (n == 1)
		{
			*out = found[0];
			return PARTY_PARSE_OK;
		}
		if (n > 1)
			return PARTY_PARSE_AMBIGUOUS_NAME;
	}
	return PARTY_PARSE_UNKNOWN_NAME;
}

/*
 * The party of a translation's key: an ISO 3166-1 alpha-2 code, or an ISO
 * 3166-3 alpha-4 (a former state, or a former code of a party of today);
 * 0 where it names no party.
 */
PartyCode
party_translation_key_party(const char *key)
{
	PartyCode	code;

	return party_parse(key, strlen(key), PARTY_ACCEPT_CODES, &code) == PARTY_PARSE_OK ? code : 0;
}

int
party_translated_find(const char *s, size_t len, PartyCode *out, int max)
{
	int			keys[16];
	int			nkeys,
				n = 0;

	party_core_init();
	trim(&s, &len);
	nkeys = party_names_find(s, len, keys, 16);
	if (nkeys > 16)
		nkeys = 16;
	for (int k = 0; k < nkeys; k++)
	{
		PartyCode	code = party_translation_key_party(party_names_keys[keys[k]]);
		bool		dup = code == 0;

		for (int j = 0; j < n && j < max && !dup; j++)
			dup = out[j] == code;
		if (dup)
			continue;			/* not a party today, or already named */
		if (n < max)
			out[n] = code;
		n++;
	}
	return n;
}

int
party_translated_suggest(const char *s, size_t len, PartyCode *codes,
						 const char **names, int max)
{
	const PartyNameEntry *entries[8];
	int			n,
				kept = 0;

	party_core_init();
	trim(&s, &len);
	n = party_names_suggest(s, len, entries, max < 8 ? max : 8);
	for (int i = 0; i < n; i++)
	{
		PartyCode	code = party_translation_key_party(party_names_keys[entries[i]->key]);

		if (code == 0)
			continue;
		codes[kept] = code;
		names[kept] = party_names_text + entries[i]->orig;
		kept++;
	}
	return kept;
}

size_t
party_format(PartyCode code, char *out)
{
	const PartyInfo *p = party_lookup(code);
	size_t		len;

	if (p == NULL)
	{
		/* never stored; printed as its two bytes would have been before 1.2 */
		out[0] = PARTY_FIRST(code);
		out[1] = PARTY_SECOND(code);
		out[2] = '\0';
		return 2;
	}
	len = strlen(p->text);
	memcpy(out, p->text, len + 1);
	return len;
}

int
party_ambiguous_find(const char *s, size_t len, PartyCode *out, int max)
{
	PartyCode	code;
	int			found = 0;

	party_core_init();
	trim(&s, &len);
	if (party_parse(s, len, PARTY_ACCEPT_CODES, &code) != PARTY_PARSE_AMBIGUOUS)
		return 0;
	for (int row = 0; row < party_table_len && found < max; row++)
	{
		const PartyInfo *p = &party_table[row];
		char		numeric[4];

		if (!p->former)
			continue;
		if (code_equals(s, len, p->alpha2) || code_equals(s, len, p->alpha3) ||
			(party_format_numeric(p->code, numeric) && code_equals(s, len, numeric)))
			out[found++] = p->code;
	}
	return found;
}

bool
party_format_numeric(PartyCode code, char *out)
{
	const PartyInfo *p = party_lookup(code);

	if (p == NULL || p->numeric < 0 || p->numeric >= NUMERIC_LIMIT)
		return false;
	out[0] = (char) ('0' + p->numeric / 100);
	out[1] = (char) ('0' + p->numeric / 10 % 10);
	out[2] = (char) ('0' + p->numeric % 10);
	out[3] = '\0';
	return true;
}

PartyCode
party_common_misuse(const char *s, size_t len)
{
	trim(&s, &len);
	if (len != 2)
		return 0;
	if (to_upper(s[0]) == 'U' && to_upper(s[1]) == 'K')
		return PARTY_CODE('G', 'B');	/* reserved for the United Kingdom */
	if (to_upper(s[0]) == 'E' && to_upper(s[1]) == 'L')
		return PARTY_CODE('G', 'R');	/* the EU's code for Greece */
	return 0;
}


/* Whether norm equals the normalised name, or its part before ", ". */
static bool
former_name_matches(const char *norm, size_t nlen, const char *name)
{
	char		cand[PARTY_MAX_INPUT];
	size_t		clen;
	const char *comma;

	if (name == NULL || strlen(name) > PARTY_MAX_INPUT)
		return false;
	clen = normalize_name(name, strlen(name), cand);
	if (clen == nlen && memcmp(cand, norm, nlen) == 0)
		return true;
	comma = memchr(cand, ',', clen);
	return comma != NULL && (size_t) (comma - cand) == nlen && memcmp(cand, norm, nlen) == 0;
}

int
party_withdrawn_find(const char *s, size_t len, const PartyWithdrawn **out, int max)
{
	int			found = 0;
	PartyCode	current = 0;
	char		norm[PARTY_MAX_INPUT];
	size_t		nlen;
	bool		is_code = true;

	party_core_init();
	trim(&s, &len);
	if (len == 0 || len > PARTY_MAX_INPUT || max <= 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!is_letter((unsigned char) s[i]))
			is_code = false;
	/* a code assigned today means that party, not the withdrawn one */
	if (is_code && len >= 2 && len <= 4 &&
		party_parse(s, len, PARTY_ACCEPT_CODES, &current) == PARTY_PARSE_OK)
		return 0;
	nlen = normalize_name(s, len, norm);

	for (int i = 0; i < party_withdrawn_len && found < max; i++)
	{
		const PartyWithdrawn *w = &party_withdrawn[i];
		bool		match;

		match = former_name_matches(norm, nlen, w->name);
		if (is_code && len == 2)
			match = match || code_equals(s, len, w->alpha2);
		else if (is_code && len == 3)
			match = match || code_equals(s, len, w->alpha3);
		else if (is_code && len == 4)
			match = match || code_equals(s, len, w->alpha4);
		if (match)
			out[found++] = w;
	}
	return found;
}

/*
 * Optimal string alignment distance of two strings of code points (a swap
 * of two neighbours as one edit), giving up once every cell exceeds limit: limit + 1
 * then.  The English names' hints compare bytes with it, the translations'
 * (party_names_core.c) code points.
 */
int
party_edit_distance(const int32_t *a, int alen, const int32_t *b, int blen, int limit)
{
	int			rows[3][PARTY_EDIT_DISTANCE_MAX + 1];
	int		   *prev2 = rows[0],
			   *prev = rows[1],
			   *cur = rows[2];

	if (alen > PARTY_EDIT_DISTANCE_MAX || blen > PARTY_EDIT_DISTANCE_MAX)
		return limit + 1;
	if ((alen > blen ? alen - blen : blen - alen) > limit)
		return limit + 1;

	for (int j = 0; j <= blen; j++)
		prev[j] = j;
	for (int i = 1; i <= alen; i++)
	{
		int			best = i;
		int		   *t;

		cur[0] = i;
		for (int j = 1; j <= blen; j++)
		{
			int			cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int			d = prev[j] + 1;

			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (prev[j - 1] + cost < d)
				d = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
				prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		if (best > limit)
			return limit + 1;
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[blen];
}

/* The same over bytes: the folded English names and their input. */
static int
edit_distance(const char *a, size_t alen, const char *b, size_t blen, int limit)
{
	int32_t		ca[PARTY_MAX_INPUT],
				cb[PARTY_MAX_INPUT];

	if (alen > PARTY_MAX_INPUT || blen > PARTY_MAX_INPUT)
		return limit + 1;
	for (size_t i = 0; i < alen; i++)
		ca[i] = (unsigned char) a[i];
	for (size_t j = 0; j < blen; j++)
		cb[j] = (unsigned char) b[j];
	return party_edit_distance(ca, (int) alen, cb, (int) blen, limit);
}

int
party_suggest(const char *s, size_t len, PartyCode *out, int max)
{
	char		norm[PARTY_MAX_INPUT];
	size_t		nlen;
	int			limit;
	int			found = 0;
	int			distance[8];

	party_core_init();
	trim(&s, &len);
	/* Codes are too short for edit distance to mean anything. */
	if (len < 4 || len > PARTY_MAX_INPUT || max <= 0)
		return 0;
	if (max > 8)
		max = 8;
	nlen = normalize_name(s, len, norm);
	limit = nlen >= 12 ? 3 : nlen >= 5 ? 2 : 1;

	for (int row = 0; row < party_table_len; row++)
	{
		const PartyInfo *p = &party_table[row];
		const char *names[NAMES_PER_PARTY] = {p->name, p->common_name, p->official_name};
		int			best = limit + 1;

		for (int k = 0; k < NAMES_PER_PARTY; k++)
		{
			char		cand[PARTY_MAX_INPUT];
			size_t		clen;
			int			d;

			if (names[k] == NULL || strlen(names[k]) > PARTY_MAX_INPUT)
				continue;
			clen = normalize_name(names[k], strlen(names[k]), cand);
			d = edit_distance(norm, nlen, cand, clen, limit);
			if (d < best)
				best = d;
		}
		if (best > limit)
			continue;

		/* Insert by distance, keeping table (alpha-2) order among equals. */
		{
			int			pos = found < max ? found : max;

			while (pos > 0 && distance[pos - 1] > best)
				pos--;
			if (pos >= max)
				continue;
			for (int k = (found < max ? found : max - 1); k > pos; k--)
			{
				out[k] = out[k - 1];
				distance[k] = distance[k - 1];
			}
			out[pos] = party_row_code(row);
			distance[pos] = best;
			if (found < max)
				found++;
		}
	}
	return found;
}
