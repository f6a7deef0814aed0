/*
 * dyad.c: fmgr wrappers of the dyad type over dyad_core.c.
 *
 * Index support lives in dyad_gin.c, selectivity estimation in
 * dyad_selfuncs.c.
 */
#include "secpact.h"

#include "members.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/sortsupport.h"

#define DYAD_SYNTAX "a dyad is two party codes separated by \"-\", \":\", \"/\" or whitespace"

static const char *
side_name(int side)
{
	return side == 1 ? "first" : "second";
}

/* The detail for a side of dyad text that is not a party code. */
static char *
bad_side_detail(const DyadParseError *err, const char *quoted_side)
{
	const char *side = side_name(err->side);

	switch (err->party_status)
	{
		case PARTY_PARSE_EMPTY:
			return psprintf("The %s party is missing.", side);
		case PARTY_PARSE_TOO_LONG:
			return psprintf("The %s party, \"%s\", is too long to be a party code.",
							side, quoted_side);
		case PARTY_PARSE_BAD_CHAR:
			return psprintf("The %s party contains a control character.", side);
		case PARTY_PARSE_UNKNOWN_ALPHA2:
		case PARTY_PARSE_UNKNOWN_ALPHA3:
		case PARTY_PARSE_UNKNOWN_NUMERIC:
			return psprintf("The %s party, \"%s\", is not a known ISO 3166-1 code.",
							side, quoted_side);
		case PARTY_PARSE_BAD_NUMERIC:
			return psprintf("The %s party, \"%s\", is not an ISO 3166-1 numeric code, which has one to three digits and no sign.",
							side, quoted_side);
		case PARTY_PARSE_UNKNOWN_NAME:
		case PARTY_PARSE_AMBIGUOUS_NAME:
			return psprintf("The %s party, \"%s\", is not an ISO 3166-1 alpha-2, alpha-3 or numeric code.",
							side, quoted_side);
		case PARTY_PARSE_AMBIGUOUS:
			return psprintf("The %s party, \"%s\", was the ISO 3166-1 code of more than one state.",
							side, quoted_side);
		case PARTY_PARSE_OK:
			break;
	}
	elog(ERROR, "dyad side reported bad without a party error");
	pg_unreachable();
}

/*
 * The hint for a bad side: a party name gets its code, since text input
 * takes codes only and names are the constructor's; otherwise whatever party
 * input would hint for the same text.
 */
static char *
bad_side_hint(const DyadParseError *err, const char *side_text)
{
	PartyCode	named;

	if (err->party_status == PARTY_PARSE_UNKNOWN_NAME &&
		party_parse_server(side_text, err->len, PARTY_ACCEPT_NAMES, &named) == PARTY_PARSE_OK)
	{
		char		code[PARTY_FORMAT_SIZE];

		party_format(named, code);
		return psprintf("Write \"%s\" as %s: text input takes only codes, while dyad(party, party) also takes names.",
						secpact_quote_input(side_text, err->len), code);
	}
	if (err->party_status == PARTY_PARSE_EMPTY)
		return NULL;
	return party_parse_hint(err->party_status, side_text, err->len);
}

/*
 * Raises the error, or saves it in escontext (16+) and returns.  A switch
 * with one message per parse status, kept whole so that the messages read
 * as one table.
 */
static void
dyad_report_parse_error(DyadParseStatus status, const DyadParseError *err,
						const char *s, size_t len, struct Node *escontext)
{
	char	   *quoted = secpact_quote_input(s, len);
	char	   *detail = NULL;
	char	   *hint = NULL;
	char		code[PARTY_FORMAT_SIZE];
	char		dyad[DYAD_FORMAT_SIZE];

	switch (status)
	{
		case DYAD_PARSE_EMPTY:
			detail = "The input is empty.";
			break;
		case DYAD_PARSE_TOO_LONG:
			detail = psprintf("The input is longer than %d bytes, not counting surrounding whitespace; no dyad is written that long.",
							  DYAD_MAX_INPUT);
			break;
		case DYAD_PARSE_BAD_CHAR:
			detail = "The input contains a control character.";
			break;
		case DYAD_PARSE_ONE_PARTY:
			party_format(err->party, code);
			detail = psprintf("The input names only one party, %s; a dyad needs two.", code);
			hint = "Write two party codes separated by \"-\", \":\", \"/\" or whitespace, such as \"BE-UA\".";
			break;
		case DYAD_PARSE_NO_SEPARATOR:
			detail = "The input has no separator; " DYAD_SYNTAX ".";
			if (err->suggestion != 0)
			{
				dyad_format(err->suggestion, dyad);
				hint = psprintf("Perhaps you meant \"%s\".", dyad);
			}
			break;
		case DYAD_PARSE_TOO_MANY_PARTS:
			detail = "The input has more than two parts; a dyad is exactly two party codes separated by one \"-\", \":\", \"/\" or whitespace.";
			break;
		case DYAD_PARSE_BAD_PARTY:
			{
				const char *side_text = s + err->offset;

				detail = bad_side_detail(err, secpact_quote_input(side_text, err->len));
				hint = bad_side_hint(err, side_text);
				break;
			}
		case DYAD_PARSE_SAME_PARTY:
			party_format(err->party, code);
			SECPACT_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								 errmsg("a dyad needs two distinct parties"),
								 errdetail("Both parties of \"%s\" are %s.", quoted, code)));
			return;
		case DYAD_PARSE_OK:
			elog(ERROR, "dyad_report_parse_error called without an error");
	}

	SECPACT_INPUT_ERROR(escontext,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"", "dyad", quoted),
						 errdetail_internal("%s", detail),
						 hint ? errhint("%s", hint) : 0));
}

static DyadCode
dyad_from_text(const char *s, size_t len, struct Node *escontext)
{
	DyadCode	dyad = 0;
	DyadParseError err;
	DyadParseStatus status = dyad_parse(s, len, &dyad, &err);

	if (status != DYAD_PARSE_OK)
		dyad_report_parse_error(status, &err, s, len, escontext);
	return dyad;
}

PG_FUNCTION_INFO_V1(dyad_in);
Datum
dyad_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	struct Node *escontext = SECPACT_ESCONTEXT(fcinfo);
	DyadCode	dyad = dyad_from_text(s, strlen(s), escontext);

	if (SECPACT_SOFT_ERROR_OCCURRED(escontext))
		return (Datum) 0;
	PG_RETURN_DYAD(dyad);
}

PG_FUNCTION_INFO_V1(dyad_out);
Datum
dyad_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(DYAD_FORMAT_SIZE);

	dyad_format(PG_GETARG_DYAD(0), out);
	PG_RETURN_CSTRING(out);
}

/*
 * Binary format: four bytes, the alpha-2 letters of the lower party, then of
 * the higher; the stored value as a big-endian uint32.  Receive accepts only
 * what text input could produce, so no stored value escapes validation.
 */
PG_FUNCTION_INFO_V1(dyad_recv);
Datum
dyad_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	uint32		value;
	PartyCode	lower;
	PartyCode	higher;

	if (buf->len - buf->cursor != 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary dyad value"),
				 errdetail("A dyad is 4 bytes long, not %d.", buf->len - buf->cursor)));
	value = pq_getmsgint(buf, 4);
	lower = DYAD_FIRST(value);
	higher = DYAD_SECOND(value);

	if (!party_is_known(lower) || !party_is_known(higher))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary dyad value"),
				 errdetail("Bytes 0x%04X of the %s party are not the alpha-2 code of a known party.",
						   party_is_known(lower) ? higher : lower,
						   party_is_known(lower) ? "second" : "first")));
	if (lower == higher)
	{
		char		code[PARTY_FORMAT_SIZE];

		party_format(lower, code);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary dyad value"),
				 errdetail("Both parties are %s; a dyad needs two distinct parties.", code)));
	}
	if (lower > higher)
	{
		char		first[PARTY_FORMAT_SIZE];
		char		second[PARTY_FORMAT_SIZE];

		party_format(lower, first);
		party_format(higher, second);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary dyad value"),
				 errdetail("The parties %s and %s are out of order; the lower party comes first, as in %s-%s.",
						   first, second, second, first)));
	}
	Assert(dyad_is_valid(value));
	PG_RETURN_DYAD(value);
}

PG_FUNCTION_INFO_V1(dyad_send);
Datum
dyad_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, PG_GETARG_DYAD(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(dyad_from_text_fn);
Datum
dyad_from_text_fn(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_DYAD(dyad_from_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL));
}

PG_FUNCTION_INFO_V1(dyad_to_text);
Datum
dyad_to_text(PG_FUNCTION_ARGS)
{
	char		out[DYAD_FORMAT_SIZE];
	size_t		len = dyad_format(PG_GETARG_DYAD(0), out);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(out, (int) len));
}

PG_FUNCTION_INFO_V1(try_dyad);
Datum
try_dyad(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	DyadCode	dyad = 0;

	if (dyad_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &dyad, NULL) != DYAD_PARSE_OK)
		PG_RETURN_NULL();
	PG_RETURN_DYAD(dyad);
}

/*
 * dyad(party, party): the parties in either order.  Its arguments are
 * parties, so names work here, as in dyad('Ukraine', 'Belgium').
 */
PG_FUNCTION_INFO_V1(dyad_construct);
Datum
dyad_construct(PG_FUNCTION_ARGS)
{
	PartyCode	a = PG_GETARG_PARTY(0);
	PartyCode	b = PG_GETARG_PARTY(1);
	DyadCode	dyad = 0;

	if (!dyad_make(a, b, &dyad))
	{
		char		code[PARTY_FORMAT_SIZE];

		party_format(a, code);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a dyad needs two distinct parties"),
				 errdetail("Both arguments are %s.", code)));
	}
	PG_RETURN_DYAD(dyad);
}

/* Comparison: the stored value orders by the lower party, then the higher. */

#define DYAD_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(PG_GETARG_DYAD(0) op PG_GETARG_DYAD(1)); \
}

DYAD_CMP_FN(dyad_eq, ==)
DYAD_CMP_FN(dyad_ne, !=)
DYAD_CMP_FN(dyad_lt, <)
DYAD_CMP_FN(dyad_le, <=)
DYAD_CMP_FN(dyad_gt, >)
DYAD_CMP_FN(dyad_ge, >=)

PG_FUNCTION_INFO_V1(dyad_cmp);
Datum
dyad_cmp(PG_FUNCTION_ARGS)
{
	DyadCode	a = PG_GETARG_DYAD(0);
	DyadCode	b = PG_GETARG_DYAD(1);

	PG_RETURN_INT32(a < b ? -1 : a > b ? 1 : 0);
}

PG_FUNCTION_INFO_V1(dyad_sortsupport);
Datum
dyad_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	/*
	 * Every valid value is below 2^31 (its first byte is an ASCII letter), so
	 * comparing as signed int32 keeps the unsigned order, and tuplesort's
	 * int32 fast path fits.
	 */
	ssup->comparator = ssup_datum_int32_cmp;
	PG_RETURN_VOID();
}

/*
 * Hashing is an on-disk contract (hash indexes, hash partitions): the stored
 * value hashed as PostgreSQL hashes an int4.
 */
PG_FUNCTION_INFO_V1(dyad_hash);
Datum
dyad_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32(PG_GETARG_DYAD(0));
}

PG_FUNCTION_INFO_V1(dyad_hash_extended);
Datum
dyad_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(PG_GETARG_DYAD(0), PG_GETARG_INT64(1));
}

/* Containment and overlap */

PG_FUNCTION_INFO_V1(dyad_contains_party);
Datum
dyad_contains_party(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(dyad_contains(PG_GETARG_DYAD(0), PG_GETARG_PARTY(1)));
}

PG_FUNCTION_INFO_V1(party_in_dyad);
Datum
party_in_dyad(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(dyad_contains(PG_GETARG_DYAD(1), PG_GETARG_PARTY(0)));
}

PG_FUNCTION_INFO_V1(dyad_overlap);
Datum
dyad_overlap(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(dyad_overlaps(PG_GETARG_DYAD(0), PG_GETARG_DYAD(1)));
}

/* Parties */

PG_FUNCTION_INFO_V1(dyad_first_party);
Datum
dyad_first_party(PG_FUNCTION_ARGS)
{
	PG_RETURN_PARTY(DYAD_FIRST(PG_GETARG_DYAD(0)));
}

PG_FUNCTION_INFO_V1(dyad_second_party);
Datum
dyad_second_party(PG_FUNCTION_ARGS)
{
	PG_RETURN_PARTY(DYAD_SECOND(PG_GETARG_DYAD(0)));
}

PG_FUNCTION_INFO_V1(dyad_counterpart_fn);
Datum
dyad_counterpart_fn(PG_FUNCTION_ARGS)
{
	DyadCode	dyad = PG_GETARG_DYAD(0);
	PartyCode	party = PG_GETARG_PARTY(1);
	PartyCode	other = 0;

	if (!dyad_counterpart(dyad, party, &other))
	{
		char		code[PARTY_FORMAT_SIZE];
		char		text[DYAD_FORMAT_SIZE];

		party_format(party, code);
		dyad_format(dyad, text);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("party %s is not in dyad %s", code, text)));
	}
	PG_RETURN_PARTY(other);
}

/*
 * dyad_parties(dyad): party[] of the two, lower first, of the extension's
 * own party type.
 */
PG_FUNCTION_INFO_V1(dyad_parties);
Datum
dyad_parties(PG_FUNCTION_ARGS)
{
	DyadCode	dyad = PG_GETARG_DYAD(0);
	Oid			party_type = secpact_result_element_type(fcinfo, false);
	Datum		elems[2];

	elems[0] = PartyGetDatum(DYAD_FIRST(dyad));
	elems[1] = PartyGetDatum(DYAD_SECOND(dyad));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, 2, party_type,
										  sizeof(PartyCode), true, TYPALIGN_SHORT));
}
