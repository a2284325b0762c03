# Run as an unprivileged user: holds COUNT user namespaces of its own (no process is in them, so
# only its fds lead to them) and flips fds 20.. between them and an O_PATH fd of FIFO, as fast as
# it can: a root reader that stats /proc/PID/fd/N and then opens it by path opens the FIFO.
# Prints "ready INO..." (the namespaces' inodes) once flipping starts.
use strict; use warnings; use POSIX (); require "syscall.ph";
my ($fifo, $count) = @ARGV; $| = 1;
my (@from, @inodes);
for my $i (0 .. $count - 1) {
  pipe(my $r, my $w) or die "pipe: $!";
  my $pid = fork() // die "fork: $!";
  if (!$pid) { close $r; syscall(&SYS_unshare, 0x10000000) == 0 or POSIX::_exit(1); syswrite($w, "x"); sleep 100; POSIX::_exit(0) }
  close $w; sysread($r, my $b, 1) == 1 or die "unshare(CLONE_NEWUSER) failed";
  open(my $ns, "<", "/proc/$pid/ns/user") or die "open ns: $!"; kill 9, $pid; waitpid $pid, 0;
  push @inodes, (stat $ns)[1];
  # Held above the flipping fds, which a snapshot (in fd order) reaches first.
  POSIX::dup2(fileno($ns), 500 + $i) or die "dup2: $!"; push @from, 500 + $i; close $ns;
}
sysopen(my $f, $fifo, 010000000) or die "O_PATH $fifo: $!";
my $ff = POSIX::dup2(fileno($f), 499) or die "dup2: $!"; close $f;
my @slots = map { 20 + $_ } 0 .. $count - 1;
print "ready @inodes\n";
while (1) { POSIX::dup2($from[$_], $slots[$_]) for 0 .. $#slots; POSIX::dup2($ff, $_) for @slots }
