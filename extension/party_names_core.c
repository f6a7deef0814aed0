/*
 * party_names_core.c: languages, translated names and their matching.
 *
 * Everything searched here is sorted by the generator, so lookups are
 * binary searches over constant data.  The one index built at run time is
 * fold_direct: the fold entries of the code points of the common scripts,
 * which fold() would otherwise search for at every character of every name.
 */
#include "party_names_core.h"
#include "party_core.h"
#include "utf8_core.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Folded input: every code point folds to at most a few, and never more. */
#define FOLDED_MAX (4 * PARTY_NAMES_MAX_INPUT + 4)
/* Distinct parties one spelling can name before it is just "ambiguous". */
#define KEYS_SEEN_MAX 16

static int
compare_language(const void *key, const void *elem)
{
	return strcmp((const char *) key, *(const char *const *) elem);
}

static int
language_index(const char *code)
{
	const char *const *found = bsearch(code, party_names_languages,
									   (size_t) party_names_nlanguages,
									   sizeof(party_names_languages[0]),
									   compare_language);

	return found ? (int) (found - party_names_languages) : PARTY_NAMES_ENGLISH;
}

static bool
ascii_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
ascii_alnum(char c)
{
	return ascii_alpha(c) || (c >= '0' && c <= '9');
}

static char
ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
}

static char
ascii_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char) (c - 32) : c;
}

/* Length of the run of characters at s[i..len) that pass ok(), at most max. */
static size_t
run_length(const char *s, size_t i, size_t len, bool (*ok) (char), size_t max)
{
	size_t		n = 0;

	while (i + n < len && ok(s[i + n]) && n <= max)
		n++;
	return n;
}

/*
 * Reads a POSIX locale name, language[_TERRITORY][.codeset][@modifier] (or
 * '-' before the territory), into its lower-case language, upper-case
 * territory and lower-case modifier; false when it is not of that form.
 */
static bool
parse_locale(const char *s, size_t len, char lang[4], char territory[4], char modifier[33])
{
	size_t		i = 0,
				n;

	n = run_length(s, i, len, ascii_alpha, 3);
	if (n < 2 || n > 3)
		return false;
	for (size_t k = 0; k < n; k++)
		lang[k] = ascii_lower(s[k]);
	i = n;
	if (i < len && (s[i] == '_' || s[i] == '-'))
	{
		i++;
		n = run_length(s, i, len, ascii_alnum, 3);
		if (n != 2 && n != 3)
			return false;
		for (size_t k = 0; k < n; k++)
			territory[k] = ascii_upper(s[i + k]);
		i += n;
	}
	if (i < len && s[i] == '.')
	{
		i++;
		n = 0;
		while (i + n < len && (ascii_alnum(s[i + n]) || s[i + n] == '-') && n <= 32)
			n++;
		if (n == 0 || n > 32)
			return false;
		i += n;					/* the codeset says nothing about the language */
	}
	if (i < len && s[i] == '@')
	{
		i++;
		n = run_length(s, i, len, ascii_alnum, 32);
		if (n == 0 || n > 32)
			return false;
		for (size_t k = 0; k < n; k++)
			modifier[k] = ascii_lower(s[i + k]);
		i += n;
	}
	return i == len;
}

int
party_names_language(const char *s, size_t len)
{
	char		lang[4] = {0},
				territory[4] = {0},
				modifier[33] = {0},
				candidate[48];
	int			found;

	if ((len == 1 && s[0] == 'C') || (len == 5 && memcmp(s, "POSIX", 5) == 0))
		return PARTY_NAMES_ENGLISH;
	if (!parse_locale(s, len, lang, territory, modifier))
		return PARTY_NAMES_MALFORMED;
	if (strcmp(lang, "en") == 0)
		return PARTY_NAMES_ENGLISH;

	/* most specific first: language_TERRITORY@modifier ... language */
	for (int step = 0; step < 4; step++)
	{
		bool		with_territory = (step == 0 || step == 1);
		bool		with_modifier = (step == 0 || step == 2);

		if ((with_territory && territory[0] == '\0') || (with_modifier && modifier[0] == '\0'))
			continue;
		strcpy(candidate, lang);
		if (with_territory)
		{
			strcat(candidate, "_");
			strcat(candidate, territory);
		}
		if (with_modifier)
		{
			strcat(candidate, "@");
			strcat(candidate, modifier);
		}
		if ((found = language_index(candidate)) >= 0)
			return found;
	}
	return PARTY_NAMES_ENGLISH;
}

static int
compare_key(const char *a, size_t alen, const char *b)
{
	size_t		blen = strlen(b);

	/* keys are sorted by length, then bytes */
	if (alen != blen)
		return alen < blen ? -1 : 1;
	return memcmp(a, b, alen);
}

int
party_names_key(const char *key, size_t len)
{
	int			lo = 0,
				hi = party_names_nkeys - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = compare_key(key, len, party_names_keys[mid]);

		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

const char *
party_names_short_name(int lang, int key)
{
	uint32_t	offset;

	if (lang < 0 || lang >= party_names_nlanguages || key < 0 || key >= party_names_nkeys)
		return NULL;
	offset = party_names_short[(size_t) lang * (size_t) party_names_nkeys + (size_t) key];
	return offset ? party_names_text + offset : NULL;
}

/*
 * Decodes one UTF-8 character at s[*i..len), advancing *i; -1 for anything
 * that is not well-formed UTF-8 (overlong, surrogate, beyond U+10FFFF).
 */
static int32_t
next_code_point(const unsigned char *s, size_t len, size_t *i)
{
	size_t		used;
	int32_t		cp = utf8_decode(s + *i, len - *i, &used);

	if (cp >= 0)
		*i += used;
	return cp;
}

static int
compare_fold(const void *key, const void *elem)
{
	uint32_t	cp = *(const uint32_t *) key;
	uint32_t	other = ((const PartyNameFold *) elem)->cp;

	return cp < other ? -1 : cp > other;
}

static size_t
put_utf8(int32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/*
 * The fold entries of the code points below FOLD_DIRECT (Latin to Tibetan,
 * Georgian, Hangul Jamo, Ethiopic...): the entry's index + 1, 0 for none.
 * Filled once from party_names_folds, so that it answers as the binary
 * search of that table does; unused if the table outgrew uint16_t.
 */
#define FOLD_DIRECT 0x3000
static uint16_t fold_direct[FOLD_DIRECT];
static bool fold_direct_filled = false;

static const PartyNameFold *
fold_entry(uint32_t cp)
{
	bool		direct = party_names_folds_len < UINT16_MAX;

	if (direct && !fold_direct_filled)
	{
		for (int k = 0; k < party_names_folds_len; k++)
			if (party_names_folds[k].cp < FOLD_DIRECT)
				fold_direct[party_names_folds[k].cp] = (uint16_t) (k + 1);
		fold_direct_filled = true;
	}
	if (direct && cp < FOLD_DIRECT)
		return fold_direct[cp] ? &party_names_folds[fold_direct[cp] - 1] : NULL;
	return bsearch(&cp, party_names_folds, (size_t) party_names_folds_len,
				   sizeof(party_names_folds[0]), compare_fold);
}

/*
 * Folds s as the generator folded the names (tier 1: case; tier 2: case and
 * accents), with runs of white space made one space and none at either end.
 * Returns the length written to out (FOLDED_MAX bytes), or -1 where the
 * input is not UTF-8 or folds to more than any name is long.
 */
static int
fold(const char *s, size_t len, int tier, char *out)
{
	size_t		i = 0,
				n = 0;
	bool		pending_space = false;

	while (i < len)
	{
		char		buf[4];
		const char *piece = buf;
		size_t		plen;
		uint32_t	cp;
		int32_t		decoded = next_code_point((const unsigned char *) s, len, &i);
		const PartyNameFold *f;

		if (decoded < 0)
			return -1;
		cp = (uint32_t) decoded;
		f = fold_entry(cp);
		if (f == NULL)
			plen = put_utf8(decoded, buf);
		else
		{
			uint32_t	offset = tier == 1 ? f->fold1 : f->fold2;

			plen = tier == 1 ? f->len1 : f->len2;
			piece = party_names_text + offset;
		}
		for (size_t k = 0; k < plen; k++)
		{
			char		c = piece[k];

			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
			{
				pending_space = n > 0;
				continue;
			}
			if (n + 2 > FOLDED_MAX)
				return -1;
			if (pending_space)
				out[n++] = ' ';
			pending_space = false;
			out[n++] = c;
		}
	}
	return n > PARTY_NAMES_MAX_INPUT ? -1 : (int) n;
}

static int
compare_entry(const char *folded, size_t len, const PartyNameEntry *e)
{
	size_t		common = len < e->len ? len : e->len;
	int			c = memcmp(folded, party_names_text + e->text, common);

	if (c != 0)
		return c;
	return len < e->len ? -1 : len > e->len;
}

/* The first entry whose text is not below folded. */
static int
lower_bound(const char *folded, size_t len)
{
	int			lo = 0,
				hi = party_names_index_len;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (compare_entry(folded, len, &party_names_index[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Distinct keys of the entries spelled exactly folded (of tier 1 only, or all). */
static int
collect(const char *folded, size_t len, bool tier1_only, int *keys, int max)
{
	int			seen[KEYS_SEEN_MAX];
	int			nseen = 0,
				total = 0;

	for (int i = lower_bound(folded, len);
		 i < party_names_index_len && compare_entry(folded, len, &party_names_index[i]) == 0;
		 i++)
	{
		const PartyNameEntry *e = &party_names_index[i];
		bool		dup = false;

		if (tier1_only && e->tier != 1)
			continue;
		for (int k = 0; k < nseen; k++)
			dup = dup || seen[k] == e->key;
		if (dup)
			continue;
		if (nseen < KEYS_SEEN_MAX)
			seen[nseen++] = e->key;
		total++;
	}
	/* in key order, so that a hint names them alike whatever the index order */
	for (int a = 1; a < nseen; a++)
		for (int b = a; b > 0 && seen[b - 1] > seen[b]; b--)
		{
			int			t = seen[b];

			seen[b] = seen[b - 1];
			seen[b - 1] = t;
		}
	for (int k = 0; k < nseen && k < max; k++)
		keys[k] = seen[k];
	return total;
}

int
party_names_find(const char *s, size_t len, int *keys, int max)
{
	char		folded[FOLDED_MAX];
	int			n;

	if (len > PARTY_NAMES_MAX_INPUT)
		return 0;
	if ((n = fold(s, len, 1, folded)) > 0)
	{
		int			found = collect(folded, (size_t) n, true, keys, max);

		if (found > 0)
			return found;
	}
	if ((n = fold(s, len, 2, folded)) > 0)
		return collect(folded, (size_t) n, false, keys, max);
	return 0;
}

/* Code points of UTF-8 text known to be well-formed; at most max. */
static int
code_points(const char *s, size_t len, int32_t *out, int max)
{
	size_t		i = 0;
	int			n = 0;

	while (i < len && n < max)
	{
		int32_t		cp = next_code_point((const unsigned char *) s, len, &i);

		if (cp < 0)
			return -1;
		out[n++] = cp;
	}
	return i < len ? -1 : n;
}

/*
 * A near miss keeps its first or its second character: that test reads two
 * characters, and leaves the edit distance to a few dozen of the 58,000
 * spellings (error hints and soft errors pay for it).
 */
static bool
shares_a_first_character(const PartyNameEntry *e, const int32_t *input, int nin)
{
	size_t		at = 0;
	int32_t		c1 = next_code_point((const unsigned char *) party_names_text + e->text, e->len, &at);
	int32_t		c2 = at < e->len ?
		next_code_point((const unsigned char *) party_names_text + e->text, e->len, &at) : -1;

	return c1 == input[0] || (nin >= 2 && c2 == input[1]);
}

/*
 * Keeps e at distance d among the *found nearest (at most max, nearest
 * first), one spelling per party: the nearer of two spellings of a party.
 */
static void
keep_nearest(const PartyNameEntry **out, int *best_distance, int *found, int max,
			 const PartyNameEntry *e, int d)
{
	int			pos,
				same = -1;

	for (int k = 0; k < *found; k++)
		if (out[k]->key == e->key)
			same = k;
	if (same >= 0)
	{
		if (best_distance[same] <= d)
			return;
		/* a nearer spelling of a party already kept: drop the old one */
		memmove(&out[same], &out[same + 1], sizeof(out[0]) * (size_t) (*found - same - 1));
		memmove(&best_distance[same], &best_distance[same + 1],
				sizeof(int) * (size_t) (*found - same - 1));
		(*found)--;
	}
	for (pos = *found; pos > 0 && best_distance[pos - 1] > d; pos--)
		;
	if (pos >= max)
		return;
	if (*found == max)
		(*found)--;
	memmove(&out[pos + 1], &out[pos], sizeof(out[0]) * (size_t) (*found - pos));
	memmove(&best_distance[pos + 1], &best_distance[pos], sizeof(int) * (size_t) (*found - pos));
	out[pos] = e;
	best_distance[pos] = d;
	(*found)++;
}

int
party_names_suggest(const char *s, size_t len, const PartyNameEntry **out, int max)
{
	char		folded[FOLDED_MAX];
	int32_t		input[PARTY_NAMES_MAX_INPUT + 1],
				cand[PARTY_NAMES_MAX_INPUT + 1];
	int			best_distance[8];
	int			n,
				nin,
				limit,
				found = 0;

	if (max <= 0 || len > PARTY_NAMES_MAX_INPUT || (n = fold(s, len, 2, folded)) <= 0)
		return 0;
	if ((nin = code_points(folded, (size_t) n, input, PARTY_NAMES_MAX_INPUT)) <= 0)
		return 0;
	/* under four characters, too many names are an edit away to say which */
	if (nin < 4)
		return 0;
	if (max > 8)
		max = 8;
	/* a near miss: one edit in a short name, up to three in a long one */
	limit = nin <= 5 ? 1 : nin <= 10 ? 2 : 3;

	for (int i = 0; i < party_names_index_len; i++)
	{
		const PartyNameEntry *e = &party_names_index[i];
		int			ncand,
					d;

		if (abs((int) e->len - n) > 4 * limit || !shares_a_first_character(e, input, nin))
			continue;
		ncand = code_points(party_names_text + e->text, e->len, cand, PARTY_NAMES_MAX_INPUT);
		if (ncand <= 0 || (d = party_edit_distance(input, nin, cand, ncand, limit)) > limit)
			continue;
		keep_nearest(out, best_distance, &found, max, e, d);
	}
	return found;
}
