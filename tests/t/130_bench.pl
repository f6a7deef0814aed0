# A smoke run of the benchmark (bench/run --smoke: 20,000 agreements, one
# round): it completes, and every workload gives the same answer in every
# shape.  No timing is checked.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'bench', cmd => [ 'bench/run', '--smoke' ]);
