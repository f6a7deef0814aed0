/*
 * signing_core.c: signing order and English ordinals, in pure C.
 *
 * The signing order is one pass over the rows of a partition in window
 * order, O(1) per row: a counterpart's places are fixed when it first
 * appears, and a newcomer's place depends only on how many counterparts and
 * how many place-giving peer groups came before its group.
 */
#include "signing_core.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool
signing_step(SigningState *state, bool new_group, int index,
			 SigningPlace *place)
{
	SigningPlace *p;

	/*
	 * A group's newcomers share the place after every counterpart seen
	 * before the group began, whatever their order within the group: that
	 * makes the result independent of how the executor orders peers.
	 */
	if (state->rows == 0 || new_group)
	{
		state->group_rank = state->distinct + 1;
		state->group_dense = state->dense_groups + 1;
		state->group_has_newcomer = false;
	}
	state->rows++;

	if (index < 0)
		return false;

	p = &state->places[index];
	if (p->rank == 0)
	{
		p->rank = state->group_rank;
		p->dense = state->group_dense;
		state->distinct++;
		/* A group of nothing but repeats takes no dense place. */
		if (!state->group_has_newcomer)
		{
			state->group_has_newcomer = true;
			state->dense_groups++;
		}
	}
	*place = *p;
	return true;
}

static int
compare_rows(const void *a, const void *b)
{
	const SigningOrderRow *x = a;
	const SigningOrderRow *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return 0;
}

void
signing_order_rank(SigningOrderRow *rows, int n)
{
	int			group = 0;

	if (n <= 0)
		return;
	qsort(rows, (size_t) n, sizeof(SigningOrderRow), compare_rows);
	for (int i = 1; i <= n; i++)
	{
		/* rows[group, i) are peers: equal day and order */
		if (i == n || rows[i].day != rows[group].day || rows[i].order != rows[group].order)
		{
			for (int k = group; k < i; k++)
			{
				rows[k].position = group + 1;
				rows[k].shared = i - group > 1;
			}
			group = i;
		}
	}
}

bool
signing_parse_mode(const char *s, size_t len, SigningMode *out)
{
	if (len == 4 && memcmp(s, "rank", 4) == 0)
		*out = SIGNING_RANK;
	else if (len == 5 && memcmp(s, "dense", 5) == 0)
		*out = SIGNING_DENSE;
	else
		return false;
	return true;
}

size_t
ordinal_format(int32_t n, char *out)
{
	uint32_t	magnitude = n < 0 ? 0u - (uint32_t) n : (uint32_t) n;
	const char *suffix;
	size_t		len;

	if (magnitude % 100 >= 11 && magnitude % 100 <= 13)
		suffix = "th";			/* 11th, 12th, 13th, 111th */
	else if (magnitude % 10 == 1)
		suffix = "st";
	else if (magnitude % 10 == 2)
		suffix = "nd";
	else if (magnitude % 10 == 3)
		suffix = "rd";
	else
		suffix = "th";

	len = (size_t) snprintf(out, ORDINAL_MAX_LEN, "%" PRId32 "%s", n, suffix);
	return len;
}
