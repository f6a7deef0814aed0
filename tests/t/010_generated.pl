# The generated C tables are current with data/ and iso-codes.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

# Its lines say what was compared; the one case is its exit status.
run_suite(name => 'generated', cmd => ['tests/check-generated'],
	exit_case => 'the generated tables are current');
