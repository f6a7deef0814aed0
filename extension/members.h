/*
 * members.h: the extension's own types and functions, found through its
 * membership records rather than by name (see members.c).
 */
#ifndef SECPACT_MEMBERS_H
#define SECPACT_MEMBERS_H

#include "postgres.h"
#include "fmgr.h"

typedef struct SecpactMembers
{
	Oid			party;			/* type party; InvalidOid when not installed */
	Oid			dyad;			/* type dyad */
	Oid			party_eq;		/* = (party, party), for statistics slots */
	Oid			dyad_eq;		/* = (dyad, dyad) */
	Oid			dyads_involving;	/* function; InvalidOid before 1.1 */
	Oid			dyads_overlapping;	/* function; InvalidOid before 1.1 */
	Oid			second_party;	/* function second_party(dyad) */
} SecpactMembers;

/*
 * The members of the installed secpact extension, cached for the backend's
 * life and forgotten when any of them changes.  Never NULL; fields are
 * InvalidOid for what is not installed.
 */
extern const SecpactMembers *secpact_members(void);

/*
 * The element type of an array a function returns, party or dyad: the
 * extension's own type, never one found by name, kept in the call site's
 * fn_extra (which the function must use for nothing else).
 */
extern Oid	secpact_result_element_type(FunctionCallInfo fcinfo, bool dyad);

/* Whether a type is party (or dyad), or a domain over it. */
extern bool secpact_is_party_type(Oid type);
extern bool secpact_is_dyad_type(Oid type);

#endif
