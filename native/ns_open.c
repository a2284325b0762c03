/*
 * ns_open(path): opens a namespace file for reading, and only a namespace file. Paths such as
 * /proc/PID/fd/N belong to other processes, which may put a FIFO or a device there between a
 * check and an open: the path is opened once with O_PATH (which opens no device and waits for
 * no FIFO), checked to be on nsfs, and only then reopened for reading through /proc/self/fd.
 */
#define _GNU_SOURCE
#include "native.h"
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <sys/vfs.h>
#include <unistd.h>

int ns_open(const char *path) {
  int held = open(path, O_PATH | O_CLOEXEC);
  if (held < 0) return -1;
  struct statfs fs;
  int fd = -1;
  if (fstatfs(held, &fs) == 0 && fs.f_type == NSFS_MAGIC) {
    char again[64];
    snprintf(again, sizeof again, "/proc/self/fd/%d", held);
    fd = open(again, O_RDONLY | O_CLOEXEC);
  }
  close(held);
  return fd;
}
