# A Citus cluster of three nodes (a coordinator and two workers on loopback)
# against one node holding the same data (tests/citus/run).  Without Citus
# for this PG_CONFIG, one line says the suite is skipped.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'citus', cmd => ['tests/citus/run']);
