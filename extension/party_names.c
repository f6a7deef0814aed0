/*
 * party_names.c: party names in the languages iso-codes translates, and the
 * session's language of output (secpact.language).
 *
 * The names are UTF-8 constants (party_names_table.c); every name returned
 * to SQL is converted to the database encoding.
 */
#include "secpact.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#include "encoding.h"
#include "party_names_core.h"

/* secpact.language as set, and the table it selects (PARTY_NAMES_ENGLISH: none) */
static char *language_setting = NULL;
static int	session_language = PARTY_NAMES_ENGLISH;

static bool
check_language(char **newval, void **extra, GucSource source)
{
	if (*newval == NULL)
		return true;
	if (party_names_language(*newval, strlen(*newval)) == PARTY_NAMES_MALFORMED)
	{
		GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
		GUC_check_errdetail("A language is an ISO 639 code, optionally with a territory, as in \"uk\", \"fr\" or \"pt_BR\".");
		return false;
	}
	return true;
}

static void
assign_language(const char *newval, void *extra)
{
	session_language = newval ? party_names_language(newval, strlen(newval)) : PARTY_NAMES_ENGLISH;
}

void
party_names_define_settings(void)
{
	DefineCustomStringVariable("secpact.language",
							   "Language of the party names secpact prints.",
							   "An ISO 639 code or POSIX locale name such as uk, fr or pt_BR; "
							   "names fall back to the language without its territory, then to English.",
							   &language_setting,
							   "en",
							   PGC_USERSET,
							   0,
							   check_language, assign_language, NULL);
}

/*
 * The name of a party in a language (an index, or PARTY_NAMES_ENGLISH), in
 * the database encoding: English names are converted once per backend
 * (encoding.c), translations when asked for.
 */
/*
 * The key of a party's translations: ISO 3166-3's alpha-4 for a former
 * state (SUHH), the alpha-2 for a party of today; -1 for a party iso-codes
 * does not name (the EU, XK, the states ISO never coded).
 */
static int
translation_key(const PartyInfo *p)
{
	const char *code = p->former ? p->alpha4 : p->alpha2;

	return code ? party_names_key(code, strlen(code)) : -1;
}

static const char *
name_in(PartyCode code, int lang)
{
	const PartyInfo *p = party_info(code);
	const char *translated = NULL;
	size_t		len;

	if (lang != PARTY_NAMES_ENGLISH)
		translated = party_names_short_name(lang, translation_key(p));
	if (translated == NULL)
		return secpact_party_name(party_table_row(code));
	return secpact_utf8_to_server(translated, strlen(translated), &len);
}

int
party_session_language(void)
{
	return session_language;
}

const char *
party_display_name(PartyCode code)
{
	return name_in(code, session_language);
}

text *
party_name_text(PartyCode code, int lang)
{
	return cstring_to_text(name_in(code, lang));
}

static int
language_argument(text *lang)
{
	const char *s = VARDATA_ANY(lang);
	size_t		len = VARSIZE_ANY_EXHDR(lang);
	int			index = party_names_language(s, len);

	if (index == PARTY_NAMES_MALFORMED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid language code: \"%s\"", secpact_quote_input(s, len)),
				 errdetail("A language is an ISO 639 code, optionally with a territory, as in \"uk\", \"fr\" or \"pt_BR\"."),
				 errhint("SELECT * FROM party_languages() lists the languages with names of their own.")));
	return index;
}

PG_FUNCTION_INFO_V1(party_name_lang);
Datum
party_name_lang(PG_FUNCTION_ARGS)
{
	PartyCode	code = PG_GETARG_PARTY(0);
	int			lang = language_argument(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(party_name_text(code, lang));
}

PG_FUNCTION_INFO_V1(party_local_name);
Datum
party_local_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(party_name_text(PG_GETARG_PARTY(0), session_language));
}

/* party_languages(): TABLE(language text, names int), one row per table */
PG_FUNCTION_INFO_V1(party_languages);
Datum
party_languages(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int lang = 0; lang < party_names_nlanguages; lang++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};
		int			names = 0;

		for (int row = 0; row < party_table_len; row++)
			names += !party_table[row].former &&
				party_names_short_name(lang, translation_key(&party_table[row])) != NULL;
		values[0] = CStringGetTextDatum(party_names_languages[lang]);
		values[1] = Int32GetDatum(names);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * party_translations(): TABLE(party party, language text, name text), every
 * translated spelling input accepts (short, common and official names).
 */
PG_FUNCTION_INFO_V1(party_translations);
Datum
party_translations(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < party_names_index_len; i++)
	{
		const PartyNameEntry *e = &party_names_index[i];
		const char *name = party_names_text + e->orig;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		PartyCode	code = party_translation_key_party(party_names_keys[e->key]);

		/* one tier-1 entry per spelling; keys that name no party are left out */
		if (e->tier != 1 || code == 0)
			continue;
		values[0] = PartyGetDatum(code);
		values[1] = CStringGetTextDatum(party_names_languages[e->lang]);
		{
			size_t		len;

			values[2] = PointerGetDatum(cstring_to_text(secpact_utf8_to_server(name, strlen(name), &len)));
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
