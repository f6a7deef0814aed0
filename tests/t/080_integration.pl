# libpq programs (cmocka) against one throwaway cluster.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'integration', cluster => 1, format => 'cmocka',
	cmd => [ map { [$_] } glob('tests/integration/*.it') ]);
