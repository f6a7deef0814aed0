# Logical replication between two throwaway clusters (the script starts the
# subscriber's through tools/with-cluster).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use SecpactSuite qw(run_suite);

run_suite(name => 'replication', cluster => 1, conf => ['wal_level = logical'],
	cmd => ['tests/scaling/replication']);
