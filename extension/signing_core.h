/*
 * signing_core.h: signing order and English ordinals, in pure C.
 *
 * No PostgreSQL headers here: the window function in signing.c feeds this
 * core one row at a time, and the cmocka unit tests drive it directly.
 *
 * The signing position of a row is its counterpart's place among the
 * distinct counterparts of the partition, by their first signings: a
 * counterpart keeps the place of its first signing on every later row;
 * counterparts whose first signings are peers share a place.  In rank mode
 * the next place skips as rank() does, in dense mode it does not.
 */
#ifndef SECPACT_SIGNING_CORE_H
#define SECPACT_SIGNING_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum SigningMode
{
	SIGNING_RANK = 0,			/* places skip after a tie, as rank() */
	SIGNING_DENSE				/* places do not skip, as dense_rank() */
} SigningMode;

/* Both places of a counterpart; 0 while it has not signed yet. */
typedef struct SigningPlace
{
	int32_t		rank;
	int32_t		dense;
} SigningPlace;

/*
 * State of one partition.  All zero bytes is a fresh partition, so memory
 * that the caller zeroes (WinGetPartitionLocalMemory does) needs no set-up.
 * places[] holds one entry per counterpart index the caller may pass: its
 * size is fixed by the caller, never by the number of rows.
 */
typedef struct SigningState
{
	int64_t		rows;			/* rows stepped through so far */
	int32_t		distinct;		/* counterparts seen so far */
	int32_t		dense_groups;	/* peer groups that brought a newcomer */
	int32_t		group_rank;		/* a newcomer's place in the current group */
	int32_t		group_dense;
	bool		group_has_newcomer;
	SigningPlace places[];		/* by counterpart index */
} SigningState;

#define SIGNING_STATE_SIZE(ncounterparts) \
	(offsetof(SigningState, places) + (size_t) (ncounterparts) * sizeof(SigningPlace))

/*
 * Steps to the next row of the partition.  new_group says the row is not a
 * peer of the one before (ignored on the first row, which always starts a
 * group); index is the counterpart's index, below the size of places[], or
 * negative for a NULL counterpart.  Returns false for a NULL counterpart,
 * which takes no place; otherwise sets *place to its places.
 */
extern bool signing_step(SigningState *state, bool new_group, int index,
						 SigningPlace *place);

/*
 * The signing order over a registry: each counterpart's first signing, and
 * the places they take.
 *
 * A signing compares by its day, then by its order within the day, known
 * before unknown, then by id, which only decides which row stands for a
 * counterpart; places depend on day and order alone.
 */
typedef struct Signing
{
	int32_t		day;			/* the day signed, in any consistent count */
	int32_t		order;			/* order within the day, or SIGNING_ORDER_UNKNOWN */
	int64_t		id;
} Signing;

#define SIGNING_ORDER_UNKNOWN INT32_MAX

static inline bool
signing_precedes(const Signing *a, const Signing *b)
{
	if (a->day != b->day)
		return a->day < b->day;
	if (a->order != b->order)
		return a->order < b->order;
	return a->id < b->id;
}

/* A counterpart's first signing so far; all zero bytes before any. */
typedef struct FirstSigning
{
	Signing		signing;
	bool		seen;
} FirstSigning;

/*
 * Offers a signing to a counterpart's slot; true when it is now the first.
 * O(1) and allocation-free, so a scan of any size costs one comparison a row.
 */
static inline bool
first_signing_offer(FirstSigning *first, const Signing *signing)
{
	if (first->seen && !signing_precedes(signing, &first->signing))
		return false;
	first->signing = *signing;
	first->seen = true;
	return true;
}

/* One counterpart in a signing order. */
typedef struct SigningOrderRow
{
	int32_t		index;			/* the counterpart, by the caller's numbering */
	int32_t		day;			/* of its first signing */
	int32_t		order;
	int32_t		position;		/* set by signing_order_rank */
	bool		shared;			/* set by signing_order_rank */
} SigningOrderRow;

/*
 * Sorts rows[0..n) into signing order (day, order, then index) and sets each
 * row's position, as rank() over (day, order): rows equal on both share a
 * position, the next position skips; shared says the position is shared.
 */
extern void signing_order_rank(SigningOrderRow *rows, int n);

/* Parses a mode name ("rank", "dense"); false for anything else. */
extern bool signing_parse_mode(const char *s, size_t len, SigningMode *out);

/* "-2147483648th" and its NUL */
#define ORDINAL_MAX_LEN 14

/*
 * Writes n as an English ordinal (1st, 2nd, 3rd, 4th, 11th, 21st, -1st,
 * 0th) into out[ORDINAL_MAX_LEN] with a terminating NUL, and returns its
 * length.
 */
extern size_t ordinal_format(int32_t n, char *out);

#endif
