# The Observable Framework dashboard: built offline, checked in Chromium.
# Without npm, the registry (for a first npm ci) or Chromium, it skips.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'dashboard', cluster => 1, cmd => ['tests/dashboard/run']);
