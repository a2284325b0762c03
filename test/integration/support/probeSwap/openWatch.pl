# Prints "watching", then one "open" line for every open of PATH (inotify IN_OPEN; an O_PATH open
# makes no event), until killed.
use strict; use warnings; require "syscall.ph";
my ($path) = @ARGV; $| = 1;
my $fd = syscall(&SYS_inotify_init1, 0); die "inotify_init1: $!" if $fd < 0;
syscall(&SYS_inotify_add_watch, $fd, $path, 0x20) >= 0 or die "inotify_add_watch: $!";
open(my $in, "<&=", $fd) or die "fdopen: $!";
print "watching\n";
while (my $n = sysread($in, my $buf, 65536)) {
  for (my $at = 0; $at + 16 <= $n; ) { my (undef, $mask, undef, $len) = unpack("lLLL", substr($buf, $at, 16)); print "open\n" if $mask & 0x20; $at += 16 + $len }
}
