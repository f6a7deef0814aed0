# META.json and debian/changelog agree with secpact.control; make dist.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'meta', cmd => ['tests/meta/run']);
