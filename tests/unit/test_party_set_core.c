/*
 * Unit tests of the pure party-set core: the bit index of every code, adding,
 * counting, union, iteration in alpha-2 order and the serialized form,
 * checked against a plain array of flags.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "party_set_core.h"

#define BE PARTY_CODE('B', 'E')
#define UA PARTY_CODE('U', 'A')
#define EU PARTY_CODE('E', 'U')

/* The index is the code's own letters, as the header says. */
static void
test_index(void **state)
{
	(void) state;
	assert_int_equal(party_set_index(PARTY_CODE('A', 'A')), 0);
	assert_int_equal(party_set_index(PARTY_CODE('A', 'Z')), 25);
	assert_int_equal(party_set_index(PARTY_CODE('B', 'A')), 26);
	assert_int_equal(party_set_index(BE), 1 * 26 + 4);
	assert_int_equal(party_set_index(UA), 20 * 26 + 0);
	assert_int_equal(party_set_index(PARTY_CODE('Z', 'Z')), 675);
	/* then the 256 codes of parties with no alpha-2 of their own */
	assert_int_equal(party_set_index(PARTY_EXTRA_BASE), 676);
	assert_int_equal(party_set_index(PARTY_EXTRA_BASE + 1), 677);
	assert_int_equal(party_set_index(PARTY_EXTRA_BASE + 0xFF), PARTY_SET_CODES - 1);
	assert_int_equal(party_set_index(PARTY_EXTRA_BASE + 0x100), -1);
	assert_int_equal(party_set_index(PARTY_EXTRA_BASE - 1), -1);
	/* anything else has no bit */
	assert_int_equal(party_set_index(0), -1);
	assert_int_equal(party_set_index(PARTY_CODE('a', 'a')), -1);
	assert_int_equal(party_set_index(PARTY_CODE('A', '@')), -1);
	assert_int_equal(party_set_index(PARTY_CODE('[', 'A')), -1);
	assert_int_equal(party_set_index(PARTY_CODE('A', '[')), -1);
	assert_int_equal(party_set_index(PARTY_CODE('@', 'Z')), -1);
	assert_int_equal(party_set_index(0xFFFF), -1);
	assert_int_equal(PARTY_SET_BYTES, 117);

	/* index and code are inverse, and ascending index is ascending code */
	for (int i = 0; i < PARTY_SET_CODES; i++)
	{
		assert_int_equal(party_set_index(party_set_code(i)), i);
		if (i > 0)
			assert_true(party_set_code(i - 1) < party_set_code(i));
	}
}

/* Every code of the generated table has a bit of its own. */
static void
test_every_party_fits(void **state)
{
	PartySet	set;

	(void) state;
	memset(&set, 0, sizeof(set));
	for (int r = 0; r < party_table_len; r++)
	{
		PartyCode	code = party_table[r].code;

		assert_false(party_set_contains(&set, code));
		assert_true(party_set_add(&set, code));
		assert_true(party_set_contains(&set, code));
		assert_int_equal(party_set_count(&set), r + 1);
	}
}

static void
test_add_count_contains(void **state)
{
	PartySet	set;

	(void) state;
	memset(&set, 0, sizeof(set));
	assert_int_equal(party_set_count(&set), 0);
	assert_int_equal(party_set_next(&set, 0), -1);
	assert_true(party_set_add(&set, UA));
	assert_true(party_set_add(&set, BE));
	assert_true(party_set_add(&set, UA));	/* again: still one */
	assert_true(party_set_add(&set, EU));
	assert_int_equal(party_set_count(&set), 3);
	assert_true(party_set_contains(&set, BE));
	assert_false(party_set_contains(&set, PARTY_CODE('B', 'F')));
	assert_false(party_set_contains(&set, 0));
	/* a code of no two letters is refused and changes nothing */
	assert_false(party_set_add(&set, PARTY_CODE('1', '2')));
	assert_int_equal(party_set_count(&set), 3);

	/* the first and last bits */
	assert_true(party_set_add(&set, PARTY_CODE('A', 'A')));
	assert_true(party_set_add(&set, PARTY_EXTRA_BASE + 0xFF));
	assert_int_equal(party_set_count(&set), 5);
	assert_int_equal(party_set_next(&set, 0), 0);
	assert_int_equal(party_set_next(&set, 1), party_set_index(BE));
	assert_int_equal(party_set_next(&set, PARTY_SET_CODES - 1), PARTY_SET_CODES - 1);
	assert_int_equal(party_set_next(&set, PARTY_SET_CODES), -1);
	assert_int_equal(party_set_next(&set, -5), 0);
}

/* Iteration visits the parties in alpha-2 order: BE, EU, UA. */
static void
test_iteration_order(void **state)
{
	PartySet	set;
	PartyCode	seen[4];
	int			n = 0;

	(void) state;
	memset(&set, 0, sizeof(set));
	party_set_add(&set, UA);
	party_set_add(&set, EU);
	party_set_add(&set, BE);
	for (int i = party_set_next(&set, 0); i >= 0; i = party_set_next(&set, i + 1))
	{
		assert_true(n < 4);
		seen[n++] = party_set_code(i);
	}
	assert_int_equal(n, 3);
	assert_int_equal(seen[0], BE);
	assert_int_equal(seen[1], EU);
	assert_int_equal(seen[2], UA);
}

static void
test_serialized_form(void **state)
{
	PartySet	set;
	PartySet	back;
	uint8_t		bytes[PARTY_SET_BYTES + 1];

	(void) state;
	memset(&set, 0, sizeof(set));
	party_set_add(&set, BE);
	party_set_add(&set, PARTY_EXTRA_BASE + 0xFF);
	memcpy(bytes, set.bits, PARTY_SET_BYTES);
	memset(&back, 0xAB, sizeof(back));
	assert_true(party_set_from_bytes(bytes, PARTY_SET_BYTES, &back));
	assert_memory_equal(back.bits, set.bits, PARTY_SET_BYTES);
	/* 0x60FF, index 931, is bit 3 of the last byte, the last code */
	assert_int_equal(bytes[PARTY_SET_BYTES - 1], 1u << 3);

	/* wrong length or a bit past the last code: refused, *out untouched */
	memset(&back, 0xAB, sizeof(back));
	assert_false(party_set_from_bytes(bytes, PARTY_SET_BYTES - 1, &back));
	assert_false(party_set_from_bytes(bytes, PARTY_SET_BYTES + 1, &back));
	assert_false(party_set_from_bytes(bytes, 0, &back));
	for (int bit = 4; bit < 8; bit++)
	{
		bytes[PARTY_SET_BYTES - 1] = (uint8_t) (1u << bit);
		assert_false(party_set_from_bytes(bytes, PARTY_SET_BYTES, &back));
	}
	for (int i = 0; i < PARTY_SET_BYTES; i++)
		assert_int_equal(back.bits[i], 0xAB);
	/* all codes at once */
	memset(bytes, 0xFF, PARTY_SET_BYTES);
	bytes[PARTY_SET_BYTES - 1] = 0x0F;
	assert_true(party_set_from_bytes(bytes, PARTY_SET_BYTES, &back));
	assert_int_equal(party_set_count(&back), PARTY_SET_CODES);
}

#define TEST_RNG_SEED 0x2545F4914F6CDD1Dull
#include "test_rng.h"

/*
 * Random sets split in two as parallel workers would split rows: the union
 * of the halves, and a serialized round trip of each, equals one set built
 * from every row, and both equal a plain array of flags.
 */
static void
test_random_against_flags(void **state)
{
	(void) state;
	for (int t = 0; t < 2000; t++)
	{
		bool		flags[PARTY_SET_CODES] = {false};
		PartySet	whole, left, right, left_back, right_back;
		int			rows = (int) rng(t % 3 == 0 ? 2000 : 40);
		int			expected = 0;
		int			prev = -1;
		int			visited = 0;

		memset(&whole, 0, sizeof(whole));
		memset(&left, 0, sizeof(left));
		memset(&right, 0, sizeof(right));
		for (int r = 0; r < rows; r++)
		{
			int			i = (int) rng(PARTY_SET_CODES);
			PartyCode	code = party_set_code(i);

			flags[i] = true;
			assert_true(party_set_add(&whole, code));
			assert_true(party_set_add(rng(2) ? &left : &right, code));
		}
		assert_true(party_set_from_bytes(left.bits, PARTY_SET_BYTES, &left_back));
		assert_true(party_set_from_bytes(right.bits, PARTY_SET_BYTES, &right_back));
		party_set_union(&left_back, &right_back);
		assert_memory_equal(left_back.bits, whole.bits, PARTY_SET_BYTES);

		for (int i = 0; i < PARTY_SET_CODES; i++)
		{
			expected += flags[i];
			assert_int_equal(party_set_contains(&whole, party_set_code(i)), flags[i]);
		}
		assert_int_equal(party_set_count(&whole), expected);
		for (int i = party_set_next(&whole, 0); i >= 0; i = party_set_next(&whole, i + 1))
		{
			assert_true(i > prev);
			assert_true(flags[i]);
			prev = i;
			visited++;
		}
		assert_int_equal(visited, expected);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_every_party_fits),
		cmocka_unit_test(test_add_count_contains),
		cmocka_unit_test(test_iteration_order),
		cmocka_unit_test(test_serialized_form),
		cmocka_unit_test(test_random_against_flags),
	};

	return cmocka_run_group_tests_name("party_set_core", tests, NULL, NULL);
}
