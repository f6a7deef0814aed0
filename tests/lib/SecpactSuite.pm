# SecpactSuite: one test suite of secpact as a TAP test (tests/t/*.pl), run
# by prove or tools/run-tests.  A suite runs its command (in a cluster of its
# own when it needs a server, see SecpactCluster.pm), keeps the output in
# results/logs/<suite>.out, shows what it always showed as TAP comments, and
# turns each line that reports a case into one TAP result.
package SecpactSuite;

use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(basename dirname);
use IPC::Run ();
use SecpactCluster;
use PostgreSQL::Test::Utils;
use Test::More;

use Exporter qw(import);
our @EXPORT_OK = qw(run_suite);

# From the source tree's root, where every suite's command runs.
chdir(dirname(abs_path(__FILE__)) . '/../..') or die "chdir: $!";

# Runs cmd (a list) and returns its exit code; the output goes to $log.
sub _run
{
	my ($cmd, $log, %env) = @_;
	local %ENV = (%ENV, %SecpactCluster::caller_env, %env);
	IPC::Run::run($cmd, '<', \undef, '>', $log, '2>&1');
	return $? == -1 ? 127 : $? & 127 ? 128 + ($? & 127) : $? >> 8;
}

sub _lines
{
	my ($file) = @_;
	open my $fh, '<', $file or return ();
	chomp(my @lines = <$fh>);
	return @lines;
}

# Options:
#   name      the suite, as its summary line says it ("regress")
#   cmd       the command, a list
#   cluster   run it against a throwaway cluster; conf => ["guc=value"]
#   pass      a line that reports a passed case
#   fail      a line that reports a failed case
#   skip      a line that reports a skipped check
#   show      the lines to show as comments: 'all', 'none', or a pattern
#   cmocka    the output is cmocka's, test by test ("[       OK ] name")
#   on_failure a sub run when anything failed, to show more (its lines noted)
# A command that exits non-zero with no failed case reported is one failure;
# so is a backend that crashed in the suite's cluster.
sub run_suite
{
	my (%s) = @_;
	my $name = $s{name};
	my ($node, %env);
	my ($failed, $reported) = (0, 0);
	my @cmds = ref $s{cmd}[0] ? @{ $s{cmd} } : ($s{cmd});
	my $show = $s{show} // 'all';

	mkdir 'results';
	mkdir 'results/logs';
	if ($s{cluster})
	{
		$node = SecpactCluster::start(name => $name, conf => $s{conf});
		%env = SecpactCluster::env_of($node);
	}
	for my $i (0 .. $#cmds)
	{
		my $cmd = $cmds[$i];
		my $log = @cmds == 1 ? "results/logs/$name.out" : "results/logs/$name-" . basename($cmd->[0]) . '.out';
		my $rc = _run($cmd, $log, %env);
		my $cmd_failed = 0;
		my @lines = _lines($log);

		for my $line (@lines)
		{
			if ($s{cmocka})
			{
				note("  $1") if $line =~ /^note: (.*)/;
				if ($line =~ /^\[       OK \] (\S+)$/) { pass("$name: $1"); $reported++ }
				elsif ($line =~ /^\[  FAILED  \] ([A-Za-z_]\S*)$/) { fail("$name: $1"); $cmd_failed++ }
				elsif ($line =~ /^\[  SKIPPED \] ([A-Za-z_]\S*)$/) { Test::More->builder->skip("$name: $1"); $reported++ }
				next;
			}
			note($line) if $show eq 'all' || (ref $show && $line =~ $show);
			if ($s{fail} && $line =~ $s{fail}) { fail($line); $cmd_failed++ }
			elsif ($s{skip} && $line =~ $s{skip}) { Test::More->builder->skip($line); $reported++ }
			elsif ($s{pass} && $line =~ $s{pass}) { pass($line); $reported++ }
		}
		if ($rc != 0 && $cmd_failed == 0)
		{
			# what the command said last, unless it was all shown already
			if ($s{cmocka}) { note($_) for @lines }
			elsif ($show ne 'all') { note($_) for @lines[ ($#lines > 19 ? $#lines - 19 : 0) .. $#lines ] }
			fail("$name: @$cmd exited with $rc");
			$cmd_failed++;
		}
		elsif ($rc == 0 && $s{exit_case})
		{
			pass("$name: $s{exit_case}");
			$reported++;
		}
		$failed += $cmd_failed;
	}
	if ($node)
	{
		$node->stop('fast');
		my @crashes = SecpactCluster::crashes($node);
		if (@crashes)
		{
			note($_) for @crashes;
			fail("$name: no backend crashed");
			$failed++;
		}
	}
	if ($failed && $s{on_failure})
	{
		note($_) for $s{on_failure}->();
	}
	fail("$name: nothing reported a case") if !$reported && !$failed;
	done_testing();
}

1;
