/*
 * party_history.c: fmgr wrappers of party_history_core.c: COW and
 * Gleditsch-Ward codes by date, parties by date, and what became of former
 * parties.
 */
#include "secpact.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "party_history_core.h"

/* A date as yyyymmdd; dates before year 1 and after 9999 clamp to them. */
static int32_t
date_ymd(DateADT date)
{
	int			y,
				m,
				d;

	if (DATE_IS_NOBEGIN(date))
		return 1;
	if (DATE_IS_NOEND(date))
		return 99991231;
	j2date(date + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	if (y < 1)
		return 1;
	if (y > 9999)
		return 99991231;
	return y * 10000 + m * 100 + d;
}

static Datum
ymd_datum(int32_t ymd)
{
	return DateADTGetDatum(date2j(ymd / 10000, ymd / 100 % 100, ymd % 100) - POSTGRES_EPOCH_JDATE);
}

/* The spell for (party, on_date), NULL arguments as the functions document. */
static const PartySpell *
spell_arg(FunctionCallInfo fcinfo, PartyScheme scheme)
{
	PartyCode	party = PG_GETARG_PARTY(0);

	party_info(party);
	return party_spell_of(scheme, party,
						  PG_ARGISNULL(1) ? PARTY_DATE_LATEST : date_ymd(PG_GETARG_DATEADT(1)));
}

/* cow_code(party, on_date), gw_code(party, on_date), cow_abbrev(party, on_date) */
PG_FUNCTION_INFO_V1(party_cow_code);
Datum
party_cow_code(PG_FUNCTION_ARGS)
{
	const PartySpell *s;

	if (PG_ARGISNULL(0) || (s = spell_arg(fcinfo, PARTY_SCHEME_COW)) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_INT32(s->code);
}

PG_FUNCTION_INFO_V1(party_gw_code);
Datum
party_gw_code(PG_FUNCTION_ARGS)
{
	const PartySpell *s;

	if (PG_ARGISNULL(0) || (s = spell_arg(fcinfo, PARTY_SCHEME_GW)) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_INT32(s->code);
}

PG_FUNCTION_INFO_V1(party_cow_abbrev);
Datum
party_cow_abbrev(PG_FUNCTION_ARGS)
{
	const PartySpell *s;

	if (PG_ARGISNULL(0) || (s = spell_arg(fcinfo, PARTY_SCHEME_COW)) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(s->abbrev));
}

/*
 * dyad_year_codes(party_a, party_b, first_year, last_year): a row for each
 * year from first_year to last_year, in order, with the COW and G&W code of
 * each party in that year by dyad_years' rule (party_codes_by_year).
 * dyad_years joins one call to each run of years: the years and their codes
 * in one scan, where generate_series and a subscript of four arrays a row
 * (1.6 before this) were a fifth of its time over a registry of ATOP's size.
 */
PG_FUNCTION_INFO_V1(dyad_year_codes);
Datum
dyad_year_codes(PG_FUNCTION_ARGS)
{
	static const PartyScheme schemes[4] = {PARTY_SCHEME_COW, PARTY_SCHEME_COW,
										   PARTY_SCHEME_GW, PARTY_SCHEME_GW};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	PartyCode	parties[4];
	int32		first = PG_GETARG_INT32(2);
	int32		last = PG_GETARG_INT32(3);
	int			n;
	int32_t    *codes;
	bool	   *known;

	parties[0] = parties[2] = PG_GETARG_PARTY(0);
	parties[1] = parties[3] = PG_GETARG_PARTY(1);
	if (first < 1 || first > 9999)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("first_year %d is out of range", first),
				 errhint("Years run from 1 to 9999.")));
	if (last < 1 || last > 9999)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("last_year %d is out of range", last),
				 errhint("Years run from 1 to 9999.")));
	if (first > last)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("first_year %d is after last_year %d", first, last),
				 errhint("Pass the earlier year as first_year.")));
	party_info(parties[0]);
	party_info(parties[1]);

	/*
	 * The scan's own row type (once a plan, not from pg_proc once a call:
	 * dyad_years calls this once a run)
	 */
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);

	n = last - first + 1;
	codes = palloc(4 * n * sizeof(int32_t));
	known = palloc(4 * n * sizeof(bool));
	for (int k = 0; k < 4; k++)
		party_codes_by_year(schemes[k], parties[k], first, last, codes + k * n, known + k * n);
	for (int i = 0; i < n; i++)
	{
		Datum		values[5];
		bool		nulls[5] = {false};

		values[0] = Int32GetDatum(first + i);
		for (int k = 0; k < 4; k++)
		{
			values[k + 1] = Int32GetDatum(codes[k * n + i]);
			nulls[k + 1] = !known[k * n + i];
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

static const char *
scheme_name(PartyScheme scheme)
{
	return scheme == PARTY_SCHEME_COW ? "COW" : "Gleditsch-Ward";
}

/* what: the code as the message shows it, only made for the error */
static Datum
from_code_result(FunctionCallInfo fcinfo, PartyFromCodeStatus status, PartyCode party,
				 PartyScheme scheme, const char *what)
{
	if (status == PARTY_FROM_CODE_UNKNOWN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s never used the state code %s", scheme_name(scheme), what),
				 errhint("SELECT * FROM party_codes() WHERE scheme = '%s' lists every code.",
						 scheme == PARTY_SCHEME_COW ? "cow" : "gw")));
	if (status == PARTY_FROM_CODE_NOT_THEN)
		PG_RETURN_NULL();
	PG_RETURN_PARTY(party);
}

static Datum
from_code(FunctionCallInfo fcinfo, PartyScheme scheme)
{
	PartyCode	party = 0;
	int32		code;
	PartyFromCodeStatus status;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	code = PG_GETARG_INT32(0);
	status = party_from_code(scheme, code, PG_ARGISNULL(1) ? PARTY_DATE_LATEST :
							 date_ymd(PG_GETARG_DATEADT(1)), &party);
	return from_code_result(fcinfo, status, party, scheme,
							status == PARTY_FROM_CODE_UNKNOWN ? psprintf("%d", code) : NULL);
}

/* party_from_cow(code int, on_date), party_from_gw(code int, on_date) */
PG_FUNCTION_INFO_V1(party_from_cow_code);
Datum
party_from_cow_code(PG_FUNCTION_ARGS)
{
	return from_code(fcinfo, PARTY_SCHEME_COW);
}

PG_FUNCTION_INFO_V1(party_from_gw_code);
Datum
party_from_gw_code(PG_FUNCTION_ARGS)
{
	return from_code(fcinfo, PARTY_SCHEME_GW);
}

/* party_from_cow(abbrev text, on_date) */
PG_FUNCTION_INFO_V1(party_from_cow_abbrev);
Datum
party_from_cow_abbrev(PG_FUNCTION_ARGS)
{
	PartyCode	party = 0;
	text	   *t;
	PartyFromCodeStatus status;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	status = party_from_abbrev(PARTY_SCHEME_COW, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
							   PG_ARGISNULL(1) ? PARTY_DATE_LATEST : date_ymd(PG_GETARG_DATEADT(1)),
							   &party);
	return from_code_result(fcinfo, status, party, PARTY_SCHEME_COW,
							status != PARTY_FROM_CODE_UNKNOWN ? NULL :
							psprintf("\"%s\"", secpact_quote_input(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))));
}

/* party_valid_from(party), party_valid_to(party) */
PG_FUNCTION_INFO_V1(party_valid_from);
Datum
party_valid_from(PG_FUNCTION_ARGS)
{
	const PartyInfo *p = party_info(PG_GETARG_PARTY(0));

	if (p->valid_from == 0)
		PG_RETURN_NULL();
	return ymd_datum(p->valid_from);
}

PG_FUNCTION_INFO_V1(party_valid_to);
Datum
party_valid_to(PG_FUNCTION_ARGS)
{
	const PartyInfo *p = party_info(PG_GETARG_PARTY(0));

	if (p->valid_to == 0)
		PG_RETURN_NULL();
	return ymd_datum(p->valid_to);
}

/* One row of parties(): party, alpha2, alpha3, numeric_code, name, is_organisation */
static void
put_party_row(ReturnSetInfo *rsinfo, const PartyInfo *p)
{
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};
	char		numeric[4];

	values[0] = PartyGetDatum(p->code);
	/* as alpha2(): the party's text, unique and readable back, for former parties too */
	values[1] = PointerGetDatum(cstring_to_text(p->text));
	if (p->alpha3)
		values[2] = PointerGetDatum(cstring_to_text(p->alpha3));
	else
		nulls[2] = true;
	if (party_format_numeric(p->code, numeric))
		values[3] = PointerGetDatum(cstring_to_text(numeric));
	else
		nulls[3] = true;
	values[4] = PointerGetDatum(cstring_to_text(p->name));
	values[5] = BoolGetDatum(p->is_organisation);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* parties(on_date date): the parties that were states on the date */
PG_FUNCTION_INFO_V1(parties_on);
Datum
parties_on(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32_t		ymd = date_ymd(PG_GETARG_DATEADT(0));

	InitMaterializedSRF(fcinfo, 0);
	party_core_init();
	for (int row = 0; row < party_table_len; row++)
		if (party_exists_on(&party_table[row], ymd))
			put_party_row(rsinfo, &party_table[row]);
	return (Datum) 0;
}

/* parties(include_former boolean): today's parties, and former ones too when asked */
PG_FUNCTION_INFO_V1(parties_all);
Datum
parties_all(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		include_former = PG_GETARG_BOOL(0);

	InitMaterializedSRF(fcinfo, 0);
	for (int row = 0; row < party_table_len; row++)
		if (include_former || !party_table[row].former)
			put_party_row(rsinfo, &party_table[row]);
	return (Datum) 0;
}

static void
put_code_row(ReturnSetInfo *rsinfo, PartyCode party, const char *scheme, const char *code,
			 int32_t from, int32_t to)
{
	Datum		values[5];
	bool		nulls[5] = {false, false, false, from == 0, to == 0};

	values[0] = PartyGetDatum(party);
	values[1] = PointerGetDatum(cstring_to_text(scheme));
	values[2] = PointerGetDatum(cstring_to_text(code));
	values[3] = from ? ymd_datum(from) : (Datum) 0;
	values[4] = to ? ymd_datum(to) : (Datum) 0;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* The withdrawal date ISO 3166-3 gives an alpha-4, 0 when it gives only a year. */
static int32_t
withdrawal_ymd(const char *alpha4)
{
	for (int i = 0; i < party_withdrawn_len; i++)
	{
		const char *w = party_withdrawn[i].withdrawn;

		if (strcmp(party_withdrawn[i].alpha4, alpha4) == 0 && strlen(w) == 10)
			return atoi(w) * 10000 + atoi(w + 5) * 100 + atoi(w + 8);
	}
	return 0;
}

/*
 * party_codes(): one row per assignment of a code to a party: ISO 3166-1
 * alpha-2 (a former state's until ISO withdrew it), ISO 3166-3 alpha-4
 * (from the withdrawal), and each COW, COW abbreviation and G&W spell.
 */
PG_FUNCTION_INFO_V1(party_codes);
Datum
party_codes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	party_core_init();
	for (int row = 0; row < party_table_len; row++)
	{
		const PartyInfo *p = &party_table[row];

		if (p->alpha2 != NULL && strcmp(p->alpha2, "XK") != 0)
			put_code_row(rsinfo, p->code, "iso3166-1", p->alpha2, 0,
						 p->alpha4 ? withdrawal_ymd(p->alpha4) : 0);
		if (p->alpha4 != NULL)
			put_code_row(rsinfo, p->code, "iso3166-3", p->alpha4, withdrawal_ymd(p->alpha4), 0);
	}
	/* renamed states: former codes of a party of today, BU until ISO withdrew it, then BUMM */
	for (int i = 0; i < party_withdrawn_len; i++)
	{
		const PartyWithdrawn *w = &party_withdrawn[i];
		PartyCode	party = 0;

		for (int k = 0; k < party_code_alias_len; k++)
			if (strcmp(party_code_alias[k].spelling, w->alpha4) == 0)
				party = party_code_alias[k].code;
		if (party == 0)
			continue;
		if (strcmp(w->alpha2, party_info(party)->alpha2) != 0)
			put_code_row(rsinfo, party, "iso3166-1", w->alpha2, 0, withdrawal_ymd(w->alpha4));
		put_code_row(rsinfo, party, "iso3166-3", w->alpha4, withdrawal_ymd(w->alpha4), 0);
	}
	for (int i = 0; i < party_spell_len; i++)
	{
		const PartySpell *s = &party_spell[i];
		char		code[16];

		snprintf(code, sizeof(code), "%d", s->code);
		if (s->scheme == PARTY_SCHEME_COW)
		{
			put_code_row(rsinfo, s->party, "cow", code, s->from, s->to);
			put_code_row(rsinfo, s->party, "cow-abbrev", s->abbrev, s->from, s->to);
		}
		else
			put_code_row(rsinfo, s->party, "gw", code, s->from, s->to);
	}
	return (Datum) 0;
}

/* party_successors(party): what the party became, by date */
PG_FUNCTION_INFO_V1(party_successors);
Datum
party_successors(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	PartyCode	party = PG_GETARG_PARTY(0);

	party_info(party);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < party_successor_len; i++)
	{
		const PartySuccessor *s = &party_successor[i];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		if (s->party != party)
			continue;
		values[0] = PartyGetDatum(s->successor);
		values[1] = ymd_datum(s->on_date);
		values[2] = PointerGetDatum(cstring_to_text(s->how));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
