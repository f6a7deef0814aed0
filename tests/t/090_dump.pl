# pg_dump / pg_restore keep every row and value, in every format.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'dump', cluster => 1, cmd => ['tests/dump/run']);
