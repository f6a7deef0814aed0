/*
 * secpact.h: what the fmgr wrappers share.  Backend code only; the pure core
 * lives in *_core.[ch].
 */
#ifndef SECPACT_H
#define SECPACT_H

#include "postgres.h"
#include "fmgr.h"

#include "nodes/params.h"
#include "pg_compat.h"

#include "dyad_core.h"
#include "party_core.h"

/* party is a 2-byte pass-by-value type holding the alpha-2 letters. */
#define DatumGetParty(X)		((PartyCode) DatumGetUInt16(X))
#define PartyGetDatum(X)		UInt16GetDatum(X)
#define PG_GETARG_PARTY(n)		DatumGetParty(PG_GETARG_DATUM(n))
#define PG_RETURN_PARTY(x)		return PartyGetDatum(x)

/* dyad is a 4-byte pass-by-value type: (lower party << 16) | higher party. */
#define DatumGetDyad(X)			((DyadCode) DatumGetUInt32(X))
#define DyadGetDatum(X)			UInt32GetDatum(X)
#define PG_GETARG_DYAD(n)		DatumGetDyad(PG_GETARG_DATUM(n))
#define PG_RETURN_DYAD(x)		return DyadGetDatum(x)

/*
 * Bad text input goes through this one macro: on PostgreSQL 16 and later a
 * caller's ErrorSaveContext (escontext) takes it as a soft error, elsewhere,
 * and with a NULL escontext, it is raised.
 */
#define SECPACT_INPUT_ERROR(escontext, ...)	SECPACT_ERRSAVE(escontext, __VA_ARGS__)

/* Quotes at most this many bytes of bad input in an error message. */
#define SECPACT_QUOTE_MAX 40

/* The input as it may be quoted in a message: truncated, with "..." */
extern char *secpact_quote_input(const char *s, size_t len);

/*
 * The hint for party text that failed to parse with status: the code meant
 * by a common misuse ("UK"), the nearest names, or where to look; NULL when
 * there is nothing useful to say.  Dyad input reuses it for a bad side.
 */
extern char *party_parse_hint(PartyParseStatus status, const char *s, size_t len);

/*
 * party_parse on text in the database encoding (names match in UTF-8, see
 * encoding.c); hints, likewise, take text in the database encoding.
 */
extern PartyParseStatus party_parse_server(const char *s, size_t len, int accept,
										   PartyCode *out);

/* Reports bad party text with a detail and, on a near miss, a hint. */
extern void party_report_parse_error(PartyParseStatus status,
									 const char *typname,
									 const char *s, size_t len) pg_attribute_noreturn();

/* The same, saved in escontext when there is one (returns then). */
extern void party_save_parse_error(PartyParseStatus status,
								   const char *typname,
								   const char *s, size_t len,
								   struct Node *escontext);
/*
 * The table row of a stored party; an error (party_unknown_value) for a
 * value no input produces.
 */
extern const PartyInfo *party_info(PartyCode code);
extern void party_unknown_value(PartyCode code) pg_attribute_noreturn();

/*
 * Party names in the session's language (secpact.language, party_names.c),
 * in the database encoding: a C string to build messages with, and a text
 * datum for a language index (PARTY_NAMES_ENGLISH for English).
 */
extern void party_names_define_settings(void);
extern int	party_session_language(void);
extern const char *party_display_name(PartyCode code);
extern struct varlena *party_name_text(PartyCode code, int lang);

/*
 * Sets slot n of an SPI query's parameters to a non-NULL constant of the
 * type (typed, so that nothing is resolved by name); returns n + 1.
 */
static inline int
secpact_set_param(ParamListInfo params, int n, Datum value, Oid type)
{
	params->params[n].value = value;
	params->params[n].isnull = false;
	params->params[n].pflags = PARAM_FLAG_CONST;
	params->params[n].ptype = type;
	return n + 1;
}

#endif
