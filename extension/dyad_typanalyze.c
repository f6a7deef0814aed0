/*
 * dyad_typanalyze.c: what ANALYZE records for a dyad column, besides the
 * standard statistics: the share of sampled rows that involve each party.
 *
 * Agreements cluster around hubs: one party may be in a third of the rows
 * and most in a handful.  The standard statistics of a dyad column (a list
 * of most common values and a histogram, ordered by the lower party) show
 * the hubs, but they answer "how many rows involve TV" poorly: the ~100
 * histogram entries resolve only about 1% of the rows, so a party in 0.1% of
 * them is estimated as either nothing or 1%, depending on where ANALYZE's
 * sample happened to put the entries.
 *
 * So ANALYZE also counts, for every party, the fraction of sampled rows that
 * involve it, and stores those as a "most common elements" slot, as
 * PostgreSQL does for arrays and tsvector (it shows in pg_stats as
 * most_common_elems).  There are only 281 parties (250 of them ISO 3166-1
 * and the EU), so every party seen is kept, with its exact count in the
 * sample.  dyad_selfuncs.c estimates @>, <@ and && from that slot, as
 * array_selfuncs.c does from the slot array_typanalyze.c writes.
 */
#include "secpact.h"

#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "commands/vacuum.h"

#include "members.h"

/* A counter for each possible party code (party_code_slot). */
#define PARTY_COUNTERS PARTY_CODE_SLOTS

static inline int
party_counter(PartyCode code)
{
	return party_code_slot(code);
}

typedef struct DyadAnalyzeExtra
{
	/* what std_typanalyze set up, for the standard statistics */
	AnalyzeAttrComputeStatsFunc std_compute_stats;
	void	   *std_extra_data;
	/* the element type of the most-common-elements slot */
	Oid			party_type;
	Oid			party_eq;
} DyadAnalyzeExtra;

static void compute_dyad_stats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
							   int samplerows, double totalrows);

PG_FUNCTION_INFO_V1(dyad_typanalyze);
Datum
dyad_typanalyze(PG_FUNCTION_ARGS)
{
	VacAttrStats *stats = (VacAttrStats *) PG_GETARG_POINTER(0);
	DyadAnalyzeExtra *extra;
	const SecpactMembers *m;

	if (!std_typanalyze(stats))
		PG_RETURN_BOOL(false);

	/*
	 * The element type is the extension's own party, never a type found by
	 * name: the column's type may be a domain in a schema any role fills
	 * (pg_temp), where a "party" of another layout would be written into the
	 * slot and crash whoever reads it.  Only a column whose values are the
	 * extension's dyads is counted, whatever type the function is attached to.
	 */
	m = secpact_members();
	if (!OidIsValid(m->party) || !OidIsValid(m->party_eq) ||
		!secpact_is_dyad_type(stats->attrtypid))
		PG_RETURN_BOOL(true);	/* the standard statistics alone, then */

	extra = palloc(sizeof(DyadAnalyzeExtra));
	extra->std_compute_stats = stats->compute_stats;
	extra->std_extra_data = stats->extra_data;
	extra->party_type = m->party;
	extra->party_eq = m->party_eq;
	stats->compute_stats = compute_dyad_stats;
	stats->extra_data = extra;
	PG_RETURN_BOOL(true);
}

/*
 * Counts, into counts[party_counter(code)], the sampled rows that involve
 * each party; returns the number of non-null rows.
 */
static int
count_party_rows(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
				 int samplerows, int *counts)
{
	int			nonnull = 0;

	for (int i = 0; i < samplerows; i++)
	{
		bool		isnull;
		Datum		value;
		DyadCode	dyad;

		secpact_analyze_delay_point();
		value = fetchfunc(stats, i, &isnull);
		if (isnull)
			continue;
		dyad = DatumGetDyad(value);
		/* Stored values were validated on the way in; skip anything else. */
		if (!dyad_is_valid(dyad))
			continue;
		counts[party_counter(DYAD_FIRST(dyad))]++;
		counts[party_counter(DYAD_SECOND(dyad))]++;
		nonnull++;
	}
	return nonnull;
}

/*
 * Writes the parties' shares of the non-null rows into the free slot: in the
 * element type's order, for binary search; then the minimum and maximum
 * frequencies, as the slot kind requires.  No null elements.
 */
static void
store_party_frequencies(VacAttrStats *stats, const DyadAnalyzeExtra *extra, int slot,
						const int *counts, int nonnull)
{
	int			nparties = 0;
	int			k = 0;
	float4		minfreq = 1.0;
	float4		maxfreq = 0.0;
	Datum	   *values;
	float4	   *numbers;
	MemoryContext old;

	for (int c = 0; c < PARTY_COUNTERS; c++)
		if (counts[c] > 0)
			nparties++;

	old = MemoryContextSwitchTo(stats->anl_context);
	values = palloc(nparties * sizeof(Datum));
	numbers = palloc((nparties + 2) * sizeof(float4));
	MemoryContextSwitchTo(old);
	for (int c = 0; c < PARTY_COUNTERS; c++)
	{
		float4		freq;

		if (counts[c] == 0)
			continue;
		freq = (float4) counts[c] / (float4) nonnull;
		values[k] = PartyGetDatum(party_slot_code(c));
		numbers[k] = freq;
		minfreq = Min(minfreq, freq);
		maxfreq = Max(maxfreq, freq);
		k++;
	}
	numbers[nparties] = minfreq;
	numbers[nparties + 1] = maxfreq;

	stats->stakind[slot] = STATISTIC_KIND_MCELEM;
	stats->staop[slot] = extra->party_eq;
	stats->stacoll[slot] = InvalidOid;
	stats->stavalues[slot] = values;
	stats->numvalues[slot] = nparties;
	stats->stanumbers[slot] = numbers;
	stats->numnumbers[slot] = nparties + 2;
	stats->statypid[slot] = extra->party_type;
	stats->statyplen[slot] = sizeof(PartyCode);
	stats->statypbyval[slot] = true;
	stats->statypalign[slot] = TYPALIGN_SHORT;
}

static void
compute_dyad_stats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
				   int samplerows, double totalrows)
{
	DyadAnalyzeExtra *extra = (DyadAnalyzeExtra *) stats->extra_data;
	int		   *counts;
	int			nonnull;
	int			slot;

	/* The standard statistics first, with the extra data they expect. */
	stats->extra_data = extra->std_extra_data;
	extra->std_compute_stats(stats, fetchfunc, samplerows, totalrows);
	stats->extra_data = extra;

	counts = palloc0(PARTY_COUNTERS * sizeof(int));
	nonnull = count_party_rows(stats, fetchfunc, samplerows, counts);

	for (slot = 0; slot < STATISTIC_NUM_SLOTS; slot++)
		if (stats->stakind[slot] == 0)
			break;
	if (nonnull > 0 && slot < STATISTIC_NUM_SLOTS)
		store_party_frequencies(stats, extra, slot, counts, nonnull);
	pfree(counts);
}
