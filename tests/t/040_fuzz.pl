# A few seconds of each fuzz target, from the committed corpus.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'fuzz', cmd => [ 'tools/run-fuzz', $ENV{FUZZ_SMOKE_SECONDS} || 5 ]);
