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

# How a suite's output reports its cases.  Every suite of this tree writes
# tests/lib/report.sh's convention, TAP's own unnumbered result lines:
#   "ok - <suite>: <case>", "not ok - <suite>: <case>: <why>",
#   "ok - <message> # SKIP" and "# <note>".
# Two programs keep their own formats, read as the formats they are:
# pg_regress's (15: "test party ... ok 12 ms"; 16 and later TAP, "ok 1 -
# party 12 ms", "+" for a parallel group, "not ok 2 - dyad") and cmocka's
# ("[       OK ] name").
my %formats = (
	report => sub {
		my ($name, $line) = @_;
		return ('skip', $1) if $line =~ /^ok - (.*) # SKIP$/;
		return ('pass', $1) if $line =~ /^ok - (.*)$/;
		return ('fail', $1) if $line =~ /^not ok - (.*)$/;
		return ('note', $1) if $line =~ /^# ?(.*)$/;
		return ();
	},
	pg_regress => sub {
		my ($name, $line) = @_;
		return ('pass', $line) if $line =~ /^((test| ) +[a-z_0-9]+ +\.\.\. ok|ok +[0-9]+ +[-+] +[a-z_0-9]+)/;
		return ('fail', $line) if $line =~ /^((test| ) +[a-z_0-9]+ +\.\.\. FAILED|not ok +[0-9]+ +[-+] +[a-z_0-9]+)/;
		return ();
	},
	cmocka => sub {
		my ($name, $line) = @_;
		return ('note', "  $1") if $line =~ /^note: (.*)/;
		return ('pass', "$name: $1") if $line =~ /^\[       OK \] (\S+)$/;
		return ('fail', "$name: $1") if $line =~ /^\[  FAILED  \] ([A-Za-z_]\S*)$/;
		return ('skip', "$name: $1") if $line =~ /^\[  SKIPPED \] ([A-Za-z_]\S*)$/;
		return ();
	});

# Options:
#   name      the suite, as its summary line says it ("regress")
#   cmd       the command, a list (or a list of them)
#   cluster   run it against a throwaway cluster; conf => ["guc=value"]
#   format    how its output reports cases: report (the default), pg_regress
#             or cmocka, as above
#   exit_case the one case of a suite whose exit status is its result
#   on_failure a sub run when anything failed, to show more (its lines noted)
# Passed cases, skipped ones and notes are shown (as TAP comments, which
# tools/run-tests prints); a failed case is the TAP failure itself.  Other
# lines are shown only when the command failed.  A command that exits
# non-zero with no failed case reported is one failure; so is a backend that
# crashed in the suite's cluster.
sub run_suite
{
	my (%s) = @_;
	my $name = $s{name};
	my ($node, %env);
	my ($failed, $reported) = (0, 0);
	my @cmds = ref $s{cmd}[0] ? @{ $s{cmd} } : ($s{cmd});
	my $format = $s{format} // 'report';
	my $read = $formats{$format} or die "run_suite: unknown format $format";

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

		my @other;
		for my $line (@lines)
		{
			my ($kind, $text) = $read->($name, $line);

			if (!defined $kind) { push @other, $line }
			elsif ($kind eq 'note') { note($text) }
			elsif ($kind eq 'pass') { note("ok - $text") if $format eq 'report'; pass($text); $reported++ }
			elsif ($kind eq 'skip') { note($text); Test::More->builder->skip($text); $reported++ }
			else { fail($text); $cmd_failed++ }
		}
		# what the command said besides its cases, when it failed
		note($_) for ($rc != 0 || $cmd_failed) ? @other[ ($#other > 99 ? $#other - 99 : 0) .. $#other ] : ();
		if ($rc != 0 && $cmd_failed == 0)
		{
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
