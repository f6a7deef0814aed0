# SecpactCluster: the throwaway PostgreSQL cluster of every test suite and of
# tools/with-cluster, on PostgreSQL's own TAP framework
# (PostgreSQL::Test::Cluster, from the pgxs of PG_CONFIG's PostgreSQL, whose
# bindir comes first on PATH, so private PostgreSQL copies keep working).
#
# What it adds to the framework:
#  - as root (CI, make test after installing packages), initdb and pg_ctl run
#    as the postgres user, from /, since PostgreSQL refuses to run as root and
#    a clone at mode 700 is not a directory postgres may enter (that was the
#    "could not change directory ... Permission denied" of every suite);
#  - the superuser is postgres, the database UTF8 in C.UTF-8, as before;
#  - a backend that crashed fails the run, whatever the suite said.
package SecpactCluster;

use strict;
use warnings;

# Before the framework loads: its modules from PG_CONFIG's pgxs, PG_CONFIG's
# bindir first on PATH, and a TESTDIR outside the source tree (which, at
# mode 700 as root, postgres could not enter) unless the caller chose one.
BEGIN {
	use File::Temp ();

	$ENV{PG_CONFIG} ||= 'pg_config';
	my $pkglibdir = `"$ENV{PG_CONFIG}" --pkglibdir`;
	my $bindir    = `"$ENV{PG_CONFIG}" --bindir`;
	die "$ENV{PG_CONFIG} --pkglibdir failed\n" if $? != 0;
	chomp($pkglibdir, $bindir);
	unshift @INC, "$pkglibdir/pgxs/src/test/perl";
	$ENV{PATH} = "$bindir:$ENV{PATH}";
	$ENV{PG_REGRESS} ||= "$pkglibdir/pgxs/src/test/regress/pg_regress";
	$ENV{TESTDIR} ||= File::Temp::tempdir('secpact-tap.XXXXXX', TMPDIR => 1,
		CLEANUP => !$ENV{PG_TEST_NOCLEAN});
	# 16 and later read TESTDATADIR and TESTLOGDIR where 15 reads TESTDIR:
	# the same layout, TESTDIR/tmp_check, on every major
	$ENV{TESTDATADIR} = "$ENV{TESTDIR}/tmp_check";
	$ENV{TESTLOGDIR} = "$ENV{TESTDIR}/tmp_check/log";
	# what the framework resets for its own tests, for the suites' commands
	our %caller_env = map { $_ => $ENV{$_} } grep { defined $ENV{$_} } qw(LC_ALL LANGUAGE LC_MESSAGES);
}

use File::Path qw(make_path);
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;

our $root = $> == 0;

my ($pg_uid, $pg_gid) = $root ? (getpwnam('postgres'))[2, 3] : ($>, $));

# initdb and pg_ctl as postgres, from /: wrappers first on PATH.
sub _root_wrappers
{
	my $bindir = `"$ENV{PG_CONFIG}" --bindir`;
	chomp $bindir;
	my $dir = "$PostgreSQL::Test::Utils::tmp_check/bin";
	$ENV{PATH} = "$dir:$ENV{PATH}";
	return if -d $dir;	# another suite of the same run made them
	make_path($dir);
	for my $prog (qw(initdb pg_ctl))
	{
		open my $fh, '>', "$dir/$prog" or die "$dir/$prog: $!";
		print $fh "#!/bin/sh\ncd / && exec runuser -u postgres -- '$bindir/$prog' \"\$@\"\n";
		close $fh;
		chmod 0755, "$dir/$prog";
	}
}

sub _give_to_postgres
{
	chown $pg_uid, $pg_gid, @_ if $root;
}

# A node, initialised and started.  Options: name, conf (a list of
# "guc=value"), start (default 1).
sub start
{
	my (%opt) = @_;
	my $name = $opt{name} || 'main';

	$ENV{PGUSER} = 'postgres';
	if ($root)
	{
		_root_wrappers();
		chmod 0755, $ENV{TESTDIR}, $PostgreSQL::Test::Utils::tmp_check;
		_give_to_postgres($PostgreSQL::Test::Utils::log_path,
			$PostgreSQL::Test::Cluster::test_pghost);
	}
	my $node = PostgreSQL::Test::Cluster->new($name);
	_give_to_postgres($node->basedir);
	$node->init(extra => [ '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8' ]);
	# PostgreSQL's defaults where the framework sets its own for its tests
	# (a quiet log, a server that restarts after a crash, WAL senders for
	# replication); then the caller's settings.
	$node->append_conf('postgresql.conf',
		"log_statement = none\nrestart_after_crash = on\n"
		  . "wal_level = replica\nmax_wal_senders = 10\n"
		  . join('', map { "$_\n" } @{ $opt{conf} || [] }));
	$node->start if !defined $opt{start} || $opt{start};
	return $node;
}

# What a command run against the node sees, as tools/with-cluster always gave.
sub env_of
{
	my ($node) = @_;
	return (
		PGHOST          => $node->host,
		PGPORT          => $node->port,
		PGUSER          => 'postgres',
		PGDATABASE      => 'postgres',
		SECPACT_PG_LOG  => $node->logfile,
		SECPACT_PG_BASE => $node->basedir);
}

# The server log's lines that say a backend crashed: never let one pass.
sub crashes
{
	my ($node) = @_;
	open my $fh, '<', $node->logfile or return ();
	return grep { /terminated by signal|was terminated by exception/ } <$fh>;
}

1;
