# pg_regress and isolation tests (make installcheck) against a throwaway
# cluster.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

my @diffs = ('results/regress/regression.diffs', 'results/isolation/regression.diffs');
unlink @diffs;
mkdir 'results/isolation';

# pg_regress reports in its own format, which SecpactSuite reads.
run_suite(
	name    => 'regress',
	cluster => 1,
	cmd     => [ 'make', '--no-print-directory', 'installcheck' ],
	format  => 'pg_regress',
	on_failure => sub { map { -s $_ ? SecpactSuite::_lines($_) : () } @diffs });
