/*
 * party.c: fmgr wrappers of the party type over party_core.c.
 */
#include "secpact.h"

#include "access/hash.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#include "encoding.h"
#include "party_names_core.h"

/* "Belgium" (BE), "Belize" (BZ) */
static char *
describe_parties(const PartyCode *codes, int n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
	{
		const PartyInfo *p = party_lookup(codes[i]);

		appendStringInfo(&buf, "%s\"%s\" (%s)", i > 0 ? ", " : "",
						 party_display_name(codes[i]), p->text);
	}
	return buf.data;
}

/* A code two former states had: which spelling is whose, or NULL. */
static char *
hint_shared_code(const char *s, size_t len)
{
	PartyCode	states[3];
	StringInfoData buf;
	int			n = party_ambiguous_find(s, len, states, 3);

	if (n <= 0)
		return NULL;
	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
	{
		const PartyInfo *p = party_lookup(states[i]);

		appendStringInfo(&buf, "%s%s for \"%s\"", i == 0 ? "" : i + 1 < n ? ", " : " or ",
						 p->text, party_display_name(states[i]));
	}
	return psprintf("Write %s.", buf.data);
}

/* A withdrawn territory: what it was, and that it is not a party; or NULL. */
static char *
hint_withdrawn(const char *s, size_t len)
{
	const PartyWithdrawn *withdrawn[2];
	StringInfoData buf;
	int			n = party_withdrawn_find(s, len, withdrawn, 2);

	if (n <= 0)
		return NULL;
	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
	{
		size_t		nlen;

		appendStringInfo(&buf, "%s\"%s\" (%s, %s, withdrawn %s)",
						 i == 0 ? "" : " and ",
						 secpact_utf8_to_server(withdrawn[i]->name,
												strlen(withdrawn[i]->name), &nlen),
						 withdrawn[i]->alpha2, withdrawn[i]->alpha4, withdrawn[i]->withdrawn);
	}
	return psprintf("This was the ISO 3166-1 code or name of %s, now in ISO 3166-3; it was never a state, so it is no party.",
					buf.data);
}

/* A near miss of a translation, named as it is spelled there; or NULL. */
static char *
hint_near_translation(const char *s, size_t len)
{
	PartyCode	suggestions[3];
	const char *spelled[3];
	StringInfoData buf;
	int			n = party_translated_suggest(s, len, suggestions, spelled, 3);

	if (n <= 0)
		return NULL;
	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
	{
		size_t		slen;

		appendStringInfo(&buf, "%s\"%s\" (%s)", i > 0 ? ", " : "",
						 secpact_utf8_to_server(spelled[i], strlen(spelled[i]), &slen),
						 party_lookup(suggestions[i])->text);
	}
	return psprintf(n == 1 ? "Perhaps you meant %s." : "Perhaps you meant one of %s.", buf.data);
}

char *
party_parse_hint(PartyParseStatus status, const char *s, size_t len)
{
	PartyCode	suggestions[3];
	PartyCode	meant;
	int			n;
	size_t		ulen;
	char	   *hint;
	const char *utf8 = len <= 4 * PARTY_MAX_INPUT ? secpact_server_to_utf8(s, len, &ulen) : NULL;

	/* the core compares UTF-8; what cannot be UTF-8 is compared as it is */
	if (utf8 != NULL)
	{
		s = utf8;
		len = ulen;
	}
	if (status == PARTY_PARSE_AMBIGUOUS && (hint = hint_shared_code(s, len)) != NULL)
		return hint;
	meant = party_common_misuse(s, len);
	if (meant != 0)
	{
		const PartyInfo *p = party_lookup(meant);

		return psprintf("ISO 3166-1 does not assign this code to \"%s\"; its code is %s.",
						party_display_name(meant), p->alpha2);
	}
	if ((hint = hint_withdrawn(s, len)) != NULL)
		return hint;
	if (status == PARTY_PARSE_AMBIGUOUS_NAME)
	{
		PartyCode	named[6];

		n = party_translated_find(s, len, named, 6);
		return psprintf("It is a translated name of %s%s; write the party's code instead.",
						describe_parties(named, n < 6 ? n : 6), n > 6 ? " and others" : "");
	}
	if ((n = party_suggest(s, len, suggestions, 3)) > 0)
		return psprintf(n == 1 ? "Perhaps you meant %s." : "Perhaps you meant one of %s.",
						describe_parties(suggestions, n));
	if ((hint = hint_near_translation(s, len)) != NULL)
		return hint;
	if (status == PARTY_PARSE_UNKNOWN_NAME)
		return pstrdup("SELECT * FROM parties(include_former => true) lists every known party.");
	return NULL;
}

void
party_report_parse_error(PartyParseStatus status, const char *typname,
						 const char *s, size_t len)
{
	party_save_parse_error(status, typname, s, len, NULL);
	pg_unreachable();
}

void
party_save_parse_error(PartyParseStatus status, const char *typname,
					   const char *s, size_t len, struct Node *escontext)
{
	char	   *quoted = secpact_quote_input(s, len);
	const char *detail = NULL;
	char	   *hint;

	switch (status)
	{
		case PARTY_PARSE_EMPTY:
			detail = "The input is empty.";
			break;
		case PARTY_PARSE_TOO_LONG:
			detail = psprintf("The input is %zu bytes long; no party code or name is longer than %d bytes.",
							  len, PARTY_NAMES_MAX_INPUT);
			break;
		case PARTY_PARSE_BAD_CHAR:
			detail = "The input contains a control character.";
			break;
		case PARTY_PARSE_UNKNOWN_ALPHA2:
			detail = "No party has this ISO 3166-1 alpha-2 code.";
			break;
		case PARTY_PARSE_UNKNOWN_ALPHA3:
			detail = "No party has this ISO 3166-1 alpha-3 code.";
			break;
		case PARTY_PARSE_UNKNOWN_NUMERIC:
			detail = "No party has this ISO 3166-1 numeric code.";
			break;
		case PARTY_PARSE_BAD_NUMERIC:
			detail = "ISO 3166-1 numeric codes have one to three digits and no sign.";
			break;
		case PARTY_PARSE_UNKNOWN_NAME:
			detail = "A party is written as an ISO 3166-1 alpha-2, alpha-3 or numeric code, or as its name in English or another language.";
			/* '#' is in no name: it was meant as a party ISO never coded */
			if (len > 0 && memchr(s, '#', len) != NULL)
				detail = "A party that ISO never coded is written as # and its COW or Gleditsch-Ward abbreviation, such as #BAV.";
			break;
		case PARTY_PARSE_AMBIGUOUS:
			detail = "This code was withdrawn from ISO 3166-1 and named more than one state.";
			break;
		case PARTY_PARSE_AMBIGUOUS_NAME:
			detail = "The name is a translation of the names of more than one party.";
			break;
		case PARTY_PARSE_OK:
			elog(ERROR, "party_report_parse_error called without an error");
	}

	hint = party_parse_hint(status, s, len);
	SECPACT_INPUT_ERROR(escontext,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"", typname, quoted),
						 errdetail_internal("%s", detail),
						 hint ? errhint("%s", hint) : 0));
}

/* Bad text raises an error, or with an escontext (16+) is saved there. */
PartyParseStatus
party_parse_server(const char *s, size_t len, int accept, PartyCode *out)
{
	const char *trimmed = s;
	size_t		tlen = len;
	const char *utf8;
	size_t		ulen;

	/* every server encoding is ASCII-safe: trim before converting anything */
	while (tlen > 0 && party_is_space((unsigned char) trimmed[0]))
	{
		trimmed++;
		tlen--;
	}
	while (tlen > 0 && party_is_space((unsigned char) trimmed[tlen - 1]))
		tlen--;
	/* far too long to be a party whatever the encoding: the parser says so */
	if (tlen > 4 * PARTY_NAMES_MAX_INPUT)
		return party_parse(s, len, accept, out);
	utf8 = secpact_server_to_utf8(trimmed, tlen, &ulen);
	if (utf8 == NULL)
		return party_parse(s, len, accept, out);	/* matches no name */
	/* longer only in UTF-8: no name, but not "too long" as the user wrote it */
	if (ulen > PARTY_MAX_INPUT && tlen <= PARTY_MAX_INPUT)
		return PARTY_PARSE_UNKNOWN_NAME;
	return party_parse(utf8, ulen, accept, out);
}

/*
 * The spellings a call site has read, and their parties.  A column of names
 * repeats a few hundred spellings (at most the ~40,000 that read as a
 * party), and reading a translated name (folding it, then searching the
 * English names and the translations) takes some 200 ns: a lookup here
 * takes a tenth of that.  Only spellings that read as a party are kept, so
 * an error is raised (or saved) as without the cache.  The parse depends on
 * nothing but the bytes and the database's encoding, which a backend never
 * changes.
 */
typedef struct SpellingKey
{
	const char *bytes;
	uint32		len;
} SpellingKey;

typedef struct SpellingEntry
{
	SpellingKey key;
	uint32		hash;
	PartyCode	code;
	char		status;			/* simplehash's */
} SpellingEntry;

#define SH_PREFIX spellings
#define SH_ELEMENT_TYPE SpellingEntry
#define SH_KEY_TYPE SpellingKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) hash_bytes((const unsigned char *) (k).bytes, (int) (k).len)
#define SH_EQUAL(tb, a, b) ((a).len == (b).len && memcmp((a).bytes, (b).bytes, (a).len) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* beyond these, spellings are read without being kept */
#define SPELLINGS_KEPT_MAX 65536
#define SPELLING_BYTES_KEPT_MAX (4 * 1024 * 1024)

typedef struct SpellingCache
{
	spellings_hash *table;
	MemoryContext context;		/* the call site's, for the keys */
	int			kept;
	size_t		bytes_kept;
} SpellingCache;

/*
 * What a call site's fn_extra holds after its first call: a call site used
 * once (a constant folded, a value cast in PL/pgSQL) builds no table.
 */
static const char spellings_seen_once;

static SpellingCache *
spelling_cache(FmgrInfo *flinfo)
{
	SpellingCache *cache;

	if (flinfo == NULL)
		return NULL;
	if (flinfo->fn_extra == NULL)
	{
		flinfo->fn_extra = unconstify(char *, &spellings_seen_once);
		return NULL;
	}
	if (flinfo->fn_extra != &spellings_seen_once)
		return (SpellingCache *) flinfo->fn_extra;
	cache = MemoryContextAlloc(flinfo->fn_mcxt, sizeof(SpellingCache));
	cache->context = flinfo->fn_mcxt;
	cache->table = spellings_create(flinfo->fn_mcxt, 64, NULL);
	cache->kept = 0;
	cache->bytes_kept = 0;
	flinfo->fn_extra = cache;
	return cache;
}

/* The party spelled s, a kept one if the call site read it before. */
static PartyParseStatus
party_parse_kept(FmgrInfo *flinfo, const char *s, size_t len, PartyCode *out)
{
	PartyParseStatus status;
	SpellingCache *cache = len <= 4 * PARTY_NAMES_MAX_INPUT ? spelling_cache(flinfo) : NULL;
	SpellingKey key = {s, (uint32) len};
	SpellingEntry *entry;
	bool		found;

	if (cache != NULL && (entry = spellings_lookup(cache->table, key)) != NULL)
	{
		*out = entry->code;
		return PARTY_PARSE_OK;
	}
	status = party_parse_server(s, len, PARTY_ACCEPT_ALL, out);
	if (status == PARTY_PARSE_OK && cache != NULL && cache->kept < SPELLINGS_KEPT_MAX &&
		cache->bytes_kept + len <= SPELLING_BYTES_KEPT_MAX)
	{
		char	   *bytes = MemoryContextAlloc(cache->context, Max(len, 1));

		memcpy(bytes, s, len);
		key.bytes = bytes;
		entry = spellings_insert(cache->table, key, &found);
		entry->code = *out;
		cache->kept++;
		cache->bytes_kept += len;
	}
	return status;
}

static PartyCode
party_from_text(FmgrInfo *flinfo, const char *s, size_t len, struct Node *escontext)
{
	PartyCode	code = 0;
	PartyParseStatus status = party_parse_kept(flinfo, s, len, &code);

	if (status != PARTY_PARSE_OK)
		party_save_parse_error(status, "party", s, len, escontext);
	return code;
}

PG_FUNCTION_INFO_V1(party_in);
Datum
party_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	struct Node *escontext = SECPACT_ESCONTEXT(fcinfo);
	PartyCode	code = party_from_text(fcinfo->flinfo, s, strlen(s), escontext);

	if (SECPACT_SOFT_ERROR_OCCURRED(escontext))
		return (Datum) 0;
	PG_RETURN_PARTY(code);
}

PG_FUNCTION_INFO_V1(party_out);
Datum
party_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(PARTY_FORMAT_SIZE);

	party_format(PG_GETARG_PARTY(0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary format: two bytes, the ASCII letters of the alpha-2 code. */
PG_FUNCTION_INFO_V1(party_recv);
Datum
party_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	PartyCode	code;

	if (buf->len - buf->cursor != 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary party value"),
				 errdetail("A party is 2 bytes long, not %d.", buf->len - buf->cursor)));
	code = (PartyCode) pq_getmsgint(buf, 2);
	if (!party_is_known(code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary party value"),
				 errdetail("Bytes 0x%04X are not the alpha-2 code of a known party.", code)));
	PG_RETURN_PARTY(code);
}

PG_FUNCTION_INFO_V1(party_send);
Datum
party_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, PG_GETARG_PARTY(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(party_from_text_fn);
Datum
party_from_text_fn(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_PARTY(party_from_text(fcinfo->flinfo, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL));
}

PG_FUNCTION_INFO_V1(party_to_text);
Datum
party_to_text(PG_FUNCTION_ARGS)
{
	char		out[PARTY_FORMAT_SIZE];
	size_t		len = party_format(PG_GETARG_PARTY(0), out);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(out, (int) len));
}

PG_FUNCTION_INFO_V1(try_party);
Datum
try_party(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	PartyCode	code = 0;

	if (party_parse_kept(fcinfo->flinfo, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
						 &code) != PARTY_PARSE_OK)
		PG_RETURN_NULL();
	PG_RETURN_PARTY(code);
}

/* Comparison: the stored value orders by alpha-2 code. */

#define PARTY_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(PG_GETARG_PARTY(0) op PG_GETARG_PARTY(1)); \
}

PARTY_CMP_FN(party_eq, ==)
PARTY_CMP_FN(party_ne, !=)
PARTY_CMP_FN(party_lt, <)
PARTY_CMP_FN(party_le, <=)
PARTY_CMP_FN(party_gt, >)
PARTY_CMP_FN(party_ge, >=)

PG_FUNCTION_INFO_V1(party_cmp);
Datum
party_cmp(PG_FUNCTION_ARGS)
{
	PartyCode	a = PG_GETARG_PARTY(0);
	PartyCode	b = PG_GETARG_PARTY(1);

	PG_RETURN_INT32(a < b ? -1 : a > b ? 1 : 0);
}

PG_FUNCTION_INFO_V1(party_sortsupport);
Datum
party_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	/* Values are small non-negative integers: tuplesort's int32 fast path fits. */
	ssup->comparator = ssup_datum_int32_cmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(party_smaller);
Datum
party_smaller(PG_FUNCTION_ARGS)
{
	PartyCode	a = PG_GETARG_PARTY(0);
	PartyCode	b = PG_GETARG_PARTY(1);

	PG_RETURN_PARTY(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(party_larger);
Datum
party_larger(PG_FUNCTION_ARGS)
{
	PartyCode	a = PG_GETARG_PARTY(0);
	PartyCode	b = PG_GETARG_PARTY(1);

	PG_RETURN_PARTY(a > b ? a : b);
}

/*
 * Hashing is an on-disk contract (hash indexes, hash partitions, distributed
 * tables): the alpha-2 value hashed as PostgreSQL hashes an int2.
 */
PG_FUNCTION_INFO_V1(party_hash);
Datum
party_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_PARTY(0));
}

PG_FUNCTION_INFO_V1(party_hash_extended);
Datum
party_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_PARTY(0), PG_GETARG_INT64(1));
}

/* Attributes */

/* Every stored value was validated on the way in: this cannot happen. */
void
party_unknown_value(PartyCode code)
{
	elog(ERROR, "unknown party value 0x%04X", code);
}

const PartyInfo *
party_info(PartyCode code)
{
	const PartyInfo *p = party_lookup(code);

	if (p == NULL)
		party_unknown_value(code);
	return p;
}


PG_FUNCTION_INFO_V1(party_alpha2);
Datum
party_alpha2(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(party_to_text, PG_GETARG_DATUM(0));
}

PG_FUNCTION_INFO_V1(party_alpha3);
Datum
party_alpha3(PG_FUNCTION_ARGS)
{
	const PartyInfo *p = party_info(PG_GETARG_PARTY(0));

	if (p->alpha3 == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(p->alpha3));
}

PG_FUNCTION_INFO_V1(party_numeric_code);
Datum
party_numeric_code(PG_FUNCTION_ARGS)
{
	char		out[4];

	if (!party_format_numeric(PG_GETARG_PARTY(0), out))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

PG_FUNCTION_INFO_V1(party_name);
Datum
party_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(party_name_text(PG_GETARG_PARTY(0), PARTY_NAMES_ENGLISH));
}

PG_FUNCTION_INFO_V1(party_is_organisation);
Datum
party_is_organisation(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(party_info(PG_GETARG_PARTY(0))->is_organisation);
}

/* parties(): one row per party of today, in alpha-2 order. */
PG_FUNCTION_INFO_V1(parties);
Datum
parties(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = party_table_len;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	/* former parties are parties(include_former => true)'s */
	while (funcctx->call_cntr < funcctx->max_calls && party_table[funcctx->call_cntr].former)
		funcctx->call_cntr++;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const PartyInfo *p = &party_table[funcctx->call_cntr];
		PartyCode	code = p->code;
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		char		numeric[4];
		HeapTuple	tuple;

		values[0] = PartyGetDatum(code);
		values[1] = PointerGetDatum(cstring_to_text(p->text));
		if (p->alpha3)
			values[2] = PointerGetDatum(cstring_to_text(p->alpha3));
		else
			nulls[2] = true;
		if (party_format_numeric(code, numeric))
			values[3] = PointerGetDatum(cstring_to_text(numeric));
		else
			nulls[3] = true;
		values[4] = PointerGetDatum(cstring_to_text(secpact_party_name((int) funcctx->call_cntr)));
		values[5] = BoolGetDatum(p->is_organisation);

		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
