# cmocka tests of the pure core, under AddressSanitizer and UBSan.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'unit', format => 'cmocka', cmd => [ map { [$_] } glob('tests/unit/*.bin') ]);
