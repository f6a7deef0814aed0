# A short sqlsmith run: random queries, no backend may crash (tools/soak
# runs its own cluster).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'soak', cmd => [ 'tools/soak', $ENV{SOAK_QUERIES} || 1000, 1 ]);
