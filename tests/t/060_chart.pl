# The signing chart: well-formed, current in docs/, and drawn by Chromium.
# Without Chromium the browser checks are skipped, and say so.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'chart', cluster => 1, cmd => ['tests/chart/run']);
