/*
 * Unit tests of the translated party names: language codes and their
 * fallbacks, the generated tables' order (every search is a binary search),
 * matching without regard to case or accents, and near misses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "party_core.h"
#include "party_names_core.h"

static int
lang(const char *code)
{
	return party_names_language(code, strlen(code));
}

static const char *
language_name(int index)
{
	return index >= 0 ? party_names_languages[index] : "(English)";
}

static void
assert_language(const char *code, const char *expected)
{
	int			index = lang(code);

	if (expected == NULL)
		assert_int_equal(index, PARTY_NAMES_ENGLISH);
	else
	{
		assert_true(index >= 0);
		assert_string_equal(language_name(index), expected);
	}
}

static void
test_language_codes(void **state)
{
	(void) state;
	assert_language("uk", "uk");
	assert_language("fr", "fr");
	assert_language("FR", "fr");
	assert_language("pt_BR", "pt_BR");
	assert_language("pt_br", "pt_BR");
	assert_language("pt-BR", "pt_BR");
	assert_language("pt_BR.UTF-8", "pt_BR");
	assert_language("pt_PT", "pt");		/* territory without a table: the language */
	assert_language("sr@latin", "sr@latin");
	assert_language("sr_RS@latin", "sr@latin");
	assert_language("sr_RS", "sr");
	assert_language("zh_TW", "zh_TW");
	assert_language("es_419", "es");
	/* English, and what has no table, fall back to English */
	assert_language("en", NULL);
	assert_language("en_GB", NULL);
	assert_language("C", NULL);
	assert_language("POSIX", NULL);
	assert_language("zh", NULL);
	assert_language("xx", NULL);
	/* malformed */
	assert_int_equal(lang(""), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("f"), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fren"), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fr_"), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fr_B"), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fr_BRAZ"), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fr."), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fr@"), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang(" fr"), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fr "), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("12"), PARTY_NAMES_MALFORMED);
	assert_int_equal(party_names_language("fr\0x", 4), PARTY_NAMES_MALFORMED);
	assert_int_equal(lang("fr@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), PARTY_NAMES_MALFORMED);
}

static int
compare_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	return c != 0 ? c : (alen > blen) - (alen < blen);
}

/* Every search is a binary search: the generator must have sorted each table. */
static void
test_tables_sorted(void **state)
{
	(void) state;
	assert_true(party_names_nlanguages > 100);
	for (int i = 1; i < party_names_nlanguages; i++)
		assert_true(strcmp(party_names_languages[i - 1], party_names_languages[i]) < 0);
	for (int i = 1; i < party_names_nkeys; i++)
	{
		size_t		a = strlen(party_names_keys[i - 1]),
					b = strlen(party_names_keys[i]);

		assert_true(a < b || (a == b && strcmp(party_names_keys[i - 1], party_names_keys[i]) < 0));
	}
	for (int i = 0; i < party_names_nkeys; i++)
		assert_int_equal(party_names_key(party_names_keys[i], strlen(party_names_keys[i])), i);
	assert_int_equal(party_names_key("XX", 2), -1);
	for (int i = 1; i < party_names_index_len; i++)
	{
		const PartyNameEntry *a = &party_names_index[i - 1],
				   *b = &party_names_index[i];

		assert_true(compare_bytes(party_names_text + a->text, a->len,
								  party_names_text + b->text, b->len) <= 0);
	}
	for (int i = 1; i < party_names_folds_len; i++)
		assert_true(party_names_folds[i - 1].cp < party_names_folds[i].cp);
}

static const char *
short_name(const char *code, const char *language)
{
	return party_names_short_name(lang(language), party_names_key(code, strlen(code)));
}

static void
test_short_names(void **state)
{
	(void) state;
	assert_string_equal(short_name("BE", "uk"), "Бельгія");
	assert_string_equal(short_name("DE", "fr"), "Allemagne");
	assert_string_equal(short_name("BR", "pt_BR"), "Brasil");
	assert_string_equal(short_name("DE", "ja"), "ドイツ");
	assert_null(short_name("BE", "en"));
	assert_null(party_names_short_name(-5, 0));
	assert_null(party_names_short_name(0, party_names_nkeys));
}

static PartyCode
code_of(const char *s)
{
	PartyCode	code = 0;

	assert_int_equal(party_parse(s, strlen(s), PARTY_ACCEPT_ALL, &code), PARTY_PARSE_OK);
	return code;
}

static void
test_parse_translated(void **state)
{
	(void) state;
	assert_int_equal(code_of("Бельгія"), PARTY_CODE('B', 'E'));
	assert_int_equal(code_of("БЕЛЬГІЯ"), PARTY_CODE('B', 'E'));
	assert_int_equal(code_of("allemagne"), PARTY_CODE('D', 'E'));
	assert_int_equal(code_of("Royaume de Belgique"), PARTY_CODE('B', 'E'));
	assert_int_equal(code_of("osterreich"), PARTY_CODE('A', 'T'));
	assert_int_equal(code_of("OSTERREICH"), PARTY_CODE('A', 'T'));
	/* decomposed accents (NFD) match the precomposed names */
	assert_int_equal(code_of("O\xcc\x88sterreich"), PARTY_CODE('A', 'T'));
	assert_int_equal(code_of(" \t Німеччина  "), PARTY_CODE('D', 'E'));
	/* runs of white space inside are one space */
	assert_int_equal(code_of("Royaume   de  Belgique"), PARTY_CODE('B', 'E'));
	/* a code before a short translated name; then the name */
	assert_int_equal(code_of("Ao"), PARTY_CODE('A', 'O'));
	assert_int_equal(code_of("Fas"), PARTY_CODE('M', 'A'));
	/* English names are unchanged */
	assert_int_equal(code_of("Belgium"), PARTY_CODE('B', 'E'));
}

static void
test_parse_ambiguous_and_bad(void **state)
{
	PartyCode	code = 0,
				found[4];

	(void) state;
	assert_int_equal(party_parse("Dominik Cumhuriyeti", 19, PARTY_ACCEPT_ALL, &code),
					 PARTY_PARSE_AMBIGUOUS_NAME);
	assert_int_equal(party_translated_find("Dominik Cumhuriyeti", 19, found, 4), 2);
	assert_int_equal(found[0], PARTY_CODE('D', 'M'));
	assert_int_equal(found[1], PARTY_CODE('D', 'O'));
	/* codes only: no names of any language */
	assert_int_equal(party_parse("Бельгія", strlen("Бельгія"), PARTY_ACCEPT_CODES, &code),
					 PARTY_PARSE_UNKNOWN_NAME);
	/* not UTF-8: no match, never a read past the input */
	assert_int_equal(party_parse("\xd0", 1, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse("\xd0\x91\xd0", 3, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse("\xc0\x80", 2, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse("\xed\xa0\x80", 3, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse("\xf4\x90\x80\x80", 4, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_translated_find("", 0, found, 4), 0);
}

static void
test_long_input(void **state)
{
	char		buf[PARTY_NAMES_MAX_INPUT + 2];
	PartyCode	code = 0;

	(void) state;
	memset(buf, 'a', sizeof(buf));
	assert_int_equal(party_parse(buf, PARTY_NAMES_MAX_INPUT, PARTY_ACCEPT_ALL, &code),
					 PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse(buf, PARTY_NAMES_MAX_INPUT + 1, PARTY_ACCEPT_ALL, &code),
					 PARTY_PARSE_TOO_LONG);
	/* every code point that folds to several must not overflow the buffer */
	for (size_t i = 0; i + 2 <= PARTY_NAMES_MAX_INPUT; i += 2)
		memcpy(buf + i, "\xc3\x9f", 2);	/* ß, which folds to ss */
	assert_int_equal(party_parse(buf, PARTY_NAMES_MAX_INPUT - 1, PARTY_ACCEPT_ALL, &code),
					 PARTY_PARSE_UNKNOWN_NAME);
}

static void
test_every_translation_parses(void **state)
{
	int			checked = 0,
				ambiguous = 0;

	(void) state;
	/* every tier-1 spelling of today's parties finds its party among the matches */
	for (int i = 0; i < party_names_index_len; i++)
	{
		const PartyNameEntry *e = &party_names_index[i];
		const char *key = party_names_keys[e->key];
		const char *orig = party_names_text + e->orig;
		PartyCode	found[16];
		PartyCode	expected;
		int			n;
		bool		present = false;

		if (e->tier != 1 || strlen(key) != 2)
			continue;
		expected = PARTY_CODE(key[0], key[1]);
		if (party_lookup(expected) == NULL)
			continue;
		n = party_translated_find(orig, strlen(orig), found, 16);
		assert_true(n >= 1);
		for (int k = 0; k < n && k < 16; k++)
			present = present || found[k] == expected;
		assert_true(present);
		ambiguous += n > 1;
		checked++;
	}
	assert_true(checked > 39000);
	/* the regress test lists each of them with its error */
	assert_true(ambiguous > 0 && ambiguous < 200);
}

static void
test_suggest(void **state)
{
	const PartyNameEntry *near[3];
	PartyCode	codes[3];
	const char *names[3];
	int			n;

	(void) state;
	n = party_names_suggest("Allemange", 9, near, 3);
	assert_true(n >= 1);
	assert_string_equal(party_names_keys[near[0]->key], "DE");
	n = party_translated_suggest("Бельгиа", strlen("Бельгиа"), codes, names, 3);
	assert_true(n >= 1);
	assert_int_equal(codes[0], PARTY_CODE('B', 'E'));
	assert_true((unsigned char) names[0][0] >= 0x80);	/* in the input's script */
	assert_int_equal(party_names_suggest("zzzzzzzzzzzzzzzz", 16, near, 3), 0);
	assert_int_equal(party_names_suggest("\xff", 1, near, 3), 0);
	assert_int_equal(party_names_suggest("Allemange", 9, near, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_language_codes),
		cmocka_unit_test(test_tables_sorted),
		cmocka_unit_test(test_short_names),
		cmocka_unit_test(test_parse_translated),
		cmocka_unit_test(test_parse_ambiguous_and_bad),
		cmocka_unit_test(test_long_input),
		cmocka_unit_test(test_every_translation_parses),
		cmocka_unit_test(test_suggest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
