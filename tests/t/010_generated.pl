# The generated C tables are current with data/ and iso-codes.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'generated', cmd => ['tests/check-generated'], show => 'none',
	exit_case => 'the generated tables are current',
	on_failure => sub { SecpactSuite::_lines('results/logs/generated.out') });
