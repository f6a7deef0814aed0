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

# pg_regress of 15 prints "test party ... ok 12 ms"; 16 and later print TAP,
# "ok 1 - party 12 ms" ("+" for a parallel group), "not ok 2 - dyad".
run_suite(
	name    => 'regress',
	cluster => 1,
	cmd     => [ 'make', '--no-print-directory', 'installcheck' ],
	show    => qr/\.\.\. FAILED|^not ok /,
	pass    => qr/^((test| ) +[a-z_0-9]+ +\.\.\. ok|ok +[0-9]+ +[-+] +[a-z_0-9]+)/,
	fail    => qr/^((test| ) +[a-z_0-9]+ +\.\.\. FAILED|not ok +[0-9]+ +[-+] +[a-z_0-9]+)/,
	on_failure => sub { map { -s $_ ? SecpactSuite::_lines($_) : () } @diffs });
