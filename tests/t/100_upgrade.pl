# Released scripts frozen; every older version updates to a fresh install.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'upgrade', cluster => 1, cmd => ['tests/upgrade/run']);
