/*
 * chart_labels.c: where the chart's labels go along the time axis, so that
 * none overlaps its neighbours, in pure C (see chart_core.h).
 */
#include "chart_core.h"

/*
 * One algorithm (pool adjacent violators) in three steps over shared arrays,
 * kept in one function so that its argument reads in order.
 */
bool
chart_spread_labels(int n, const double *ideal, const double *width,
					double gap, double lo, double hi,
					double *centre, double *work)
{
	double	   *off = work;
	double	   *sum = work + n;
	double	   *count = work + 2 * n;
	int			blocks = 0;
	double		qlo;
	double		qhi;
	int			i;

	if (n <= 0)
		return true;

	/*
	 * With off[i] the least distance from label 0's centre to label i's, the
	 * labels are apart exactly when q[i] = centre[i] - off[i] never
	 * decreases.  The q nearest to z[i] = ideal[i] - off[i] in least
	 * squares is the isotonic regression of z: pool adjacent blocks while
	 * their means decrease.
	 */
	off[0] = 0;
	for (i = 1; i < n; i++)
		off[i] = off[i - 1] + (width[i - 1] + width[i]) / 2 + gap;
	if (off[n - 1] + width[0] / 2 + width[n - 1] / 2 > hi - lo)
		return false;

	for (i = 0; i < n; i++)
	{
		sum[blocks] = ideal[i] - off[i];
		count[blocks] = 1;
		blocks++;
		while (blocks > 1 &&
			   sum[blocks - 2] / count[blocks - 2] > sum[blocks - 1] / count[blocks - 1])
		{
			sum[blocks - 2] += sum[blocks - 1];
			count[blocks - 2] += count[blocks - 1];
			blocks--;
		}
	}

	/*
	 * Expand the blocks into centres, keeping every label within [lo, hi]:
	 * clamping a non-decreasing q to one range leaves it non-decreasing.
	 */
	qlo = lo + width[0] / 2;
	qhi = hi - width[n - 1] / 2 - off[n - 1];
	i = n;
	for (int k = blocks - 1; k >= 0; k--)
	{
		double		q = sum[k] / count[k];

		if (q < qlo)
			q = qlo;
		if (q > qhi)
			q = qhi;
		for (int c = 0; c < (int) count[k]; c++)
		{
			i--;
			centre[i] = q + off[i];
		}
	}
	return true;
}
