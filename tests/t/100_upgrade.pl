# Released scripts frozen; every older version updates to a fresh install.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'upgrade', cluster => 1, cmd => ['tests/upgrade/run'],
	pass => qr/as released$|installs [0-9.]+$|same objects as a fresh install$|gives the same answers$/,
	fail => qr/changed after its release|full install scripts are|fails$|differs from a fresh install|different answers:$|FAILED$/);
