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
