/*
 * nsinspect-enter: joins a process' namespaces and root like `nsenter --target PID ... --root
 * --wd`, then takes on that process' credentials (UIDs, GIDs, groups, capability bounding,
 * inheritable and ambient sets, no_new_privs) before it runs a program inside.
 *
 * Why not `nsenter ... -- setpriv ...` or `setpriv ... -- nsenter ...`: the drop must happen after
 * the root switch (nsenter needs CAP_SYS_ADMIN and CAP_SYS_CHROOT, which the target may lack) and
 * before the exec, in the same process. nsenter cannot, and after its chroot only the target's
 * files exist: busybox, alpine and distroless images have no setpriv (busybox's applet has no
 * bounding-set option), and the host's setpriv is linked against the host's libraries, which the
 * target's root does not have. Measured in test/integration/openShell.test.ts.
 *
 * Usage (every option once, in this order is not required):
 *   nsinspect-enter --target PID --ns TYPE[,TYPE...] [--root] [--wd]
 *     [--uid R,E,S --gid R,E,S --groups [G,...] --bounding HEX --inheritable HEX --ambient HEX
 *      [--no-new-privs]] -- PROGRAM [ARG...]
 * Exit: 64 for bad usage, 125 when entering or dropping fails, 126/127 when PROGRAM cannot run
 * inside, else PROGRAM's status.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/capability.h>

#define MAX_GROUPS 65536

struct ns_kind {
  const char *name;
  int flag;
  int fd;
};

/* user first: see enter_namespaces. */
static struct ns_kind kinds[] = {
    {"user", CLONE_NEWUSER, -1}, {"cgroup", CLONE_NEWCGROUP, -1}, {"ipc", CLONE_NEWIPC, -1}, {"uts", CLONE_NEWUTS, -1},
    {"net", CLONE_NEWNET, -1},   {"pid", CLONE_NEWPID, -1},       {"mnt", CLONE_NEWNS, -1},  {"time", 0x00000080, -1},
};
#define KINDS (sizeof kinds / sizeof kinds[0])

static void usage(const char *why) {
  fprintf(stderr, "nsinspect-enter: %s\n", why);
  exit(64);
}

static void fail(const char *what) {
  fprintf(stderr, "nsinspect-enter: %s: %s\n", what, strerror(errno));
  exit(125);
}

/* A decimal number 0..max, nothing else. */
static unsigned long long number(const char *s, unsigned long long max, const char *what) {
  if (!*s || strlen(s) > 20) usage(what);
  unsigned long long value = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') usage(what);
    value = value * 10 + (unsigned)(*p - '0');
    if (value > max) usage(what);
  }
  return value;
}

static uint64_t hex_mask(const char *s, const char *what) {
  if (!*s || strlen(s) > 16) usage(what);
  uint64_t value = 0;
  for (const char *p = s; *p; p++) {
    int digit = (*p >= '0' && *p <= '9') ? *p - '0' : (*p >= 'a' && *p <= 'f') ? *p - 'a' + 10 : (*p >= 'A' && *p <= 'F') ? *p - 'A' + 10 : -1;
    if (digit < 0) usage(what);
    value = (value << 4) | (uint64_t)digit;
  }
  return value;
}

/* "a,b,c" of decimal IDs into out (at most max); returns the count. */
static size_t id_list(char *s, unsigned *out, size_t max, const char *what) {
  size_t n = 0;
  if (!*s) return 0;
  for (char *item = strtok(s, ","); item; item = strtok(NULL, ",")) {
    if (n == max) usage(what);
    out[n++] = (unsigned)number(item, UINT_MAX - 1, what);
  }
  return n;
}

static struct ns_kind *kind_named(const char *name) {
  for (size_t i = 0; i < KINDS; i++)
    if (strcmp(kinds[i].name, name) == 0) return &kinds[i];
  return NULL;
}

/*
 * nsenter's order: a privileged caller joins the user namespace last (joining it first would
 * leave it without rights over namespaces owned by a parent), an unprivileged one first (it gains
 * its rights there): pass one skips user and tolerates failures, pass two joins what is left.
 */
static int enter_namespaces(void) {
  int joined_pid = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = pass ? 0 : 1; i < KINDS; i++) {
      if (kinds[i].fd < 0) continue;
      if (setns(kinds[i].fd, kinds[i].flag) != 0) {
        if (pass == 0) continue;
        char what[64];
        snprintf(what, sizeof what, "cannot join the %s namespace", kinds[i].name);
        fail(what);
      }
      if (kinds[i].flag == CLONE_NEWPID) joined_pid = 1;
      close(kinds[i].fd);
      kinds[i].fd = -1;
    }
  }
  return joined_pid;
}

/* Joining a PID namespace applies to children only: run on in a child, wait and pass its status on (as nsenter does). */
static void continue_as_child(void) {
  signal(SIGCHLD, SIG_DFL);
  pid_t child = fork();
  if (child < 0) fail("fork");
  if (child == 0) return;
  int status;
  for (;;) {
    pid_t ret = waitpid(child, &status, WUNTRACED);
    if (ret == child && WIFSTOPPED(status)) {
      kill(getpid(), SIGSTOP);
      kill(child, SIGCONT);
    } else if (ret < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  if (WIFEXITED(status)) exit(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    signal(WTERMSIG(status), SIG_DFL);
    kill(getpid(), WTERMSIG(status));
  }
  exit(125);
}

struct drop {
  int wanted;
  unsigned uid[3], gid[3];
  unsigned groups[MAX_GROUPS];
  size_t ngroups;
  int has_groups;
  uint64_t bounding, inheritable, ambient;
  int no_new_privs;
};

static struct drop drop;

static int capset_sets(uint64_t effective, uint64_t permitted, uint64_t inheritable) {
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2] = {
      {(uint32_t)effective, (uint32_t)permitted, (uint32_t)inheritable},
      {(uint32_t)(effective >> 32), (uint32_t)(permitted >> 32), (uint32_t)(inheritable >> 32)},
  };
  return (int)syscall(SYS_capset, &header, data);
}

/* Becomes no more than the target: bounding set, groups, GIDs, UIDs, inheritable and ambient sets, no_new_privs. */
static void drop_privileges(void) {
  for (int cap = 0; cap < 64; cap++) {
    int present = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
    if (present < 0) break; /* past the kernel's last capability */
    if (present && !(drop.bounding & (1ULL << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) fail("cannot drop from the capability bounding set");
  }
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) fail("cannot clear the ambient set");
  if (drop.has_groups && setgroups(drop.ngroups, (gid_t *)drop.groups) != 0) fail("cannot set the supplementary groups");
  if (setresgid(drop.gid[0], drop.gid[1], drop.gid[2]) != 0) fail("cannot set the GIDs");
  /* Keep the permitted set across the UID change just long enough to set inheritable and ambient. */
  if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0) fail("PR_SET_KEEPCAPS");
  if (setresuid(drop.uid[0], drop.uid[1], drop.uid[2]) != 0) fail("cannot set the UIDs");
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct now[2];
  if (syscall(SYS_capget, &header, now) != 0) fail("capget");
  uint64_t permitted = (uint64_t)now[0].permitted | ((uint64_t)now[1].permitted << 32);
  if (capset_sets(0, permitted, drop.inheritable & permitted) != 0) fail("cannot set the inheritable set");
  for (int cap = 0; cap < 64; cap++) {
    if ((drop.ambient & (1ULL << cap)) && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) != 0) fail("cannot raise an ambient capability");
  }
  if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) != 0) fail("PR_SET_KEEPCAPS");
  if (drop.no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail("cannot set no_new_privs");
}

int main(int argc, char **argv) {
  long pid = -1;
  int want_root = 0, want_wd = 0, have_ns = 0, i = 1;
  char *ns_list = NULL;
  int seen_uid = 0, seen_gid = 0, seen_bounding = 0, seen_inheritable = 0, seen_ambient = 0;
  for (; i < argc; i++) {
    const char *arg = argv[i];
    const char *value = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(arg, "--") == 0) {
      i++;
      break;
    } else if (strcmp(arg, "--root") == 0) {
      want_root = 1;
    } else if (strcmp(arg, "--wd") == 0) {
      want_wd = 1;
    } else if (strcmp(arg, "--no-new-privs") == 0) {
      drop.no_new_privs = 1;
    } else if (!value) {
      usage("an option lacks its value");
    } else if (strcmp(arg, "--target") == 0 && pid < 0) {
      pid = (long)number(value, 4194304, "--target takes a PID");
      i++;
    } else if (strcmp(arg, "--ns") == 0 && !ns_list) {
      ns_list = argv[++i];
    } else if (strcmp(arg, "--uid") == 0 && !seen_uid) {
      char copy[64];
      if (snprintf(copy, sizeof copy, "%s", value) >= (int)sizeof copy || id_list(copy, drop.uid, 3, "--uid takes R,E,S") != 3) usage("--uid takes R,E,S");
      seen_uid = 1, i++;
    } else if (strcmp(arg, "--gid") == 0 && !seen_gid) {
      char copy[64];
      if (snprintf(copy, sizeof copy, "%s", value) >= (int)sizeof copy || id_list(copy, drop.gid, 3, "--gid takes R,E,S") != 3) usage("--gid takes R,E,S");
      seen_gid = 1, i++;
    } else if (strcmp(arg, "--groups") == 0 && !drop.has_groups) {
      drop.ngroups = id_list(argv[++i], drop.groups, MAX_GROUPS, "--groups takes G,G,...");
      drop.has_groups = 1;
    } else if (strcmp(arg, "--bounding") == 0 && !seen_bounding) {
      drop.bounding = hex_mask(argv[++i], "--bounding takes a hex mask");
      seen_bounding = 1;
    } else if (strcmp(arg, "--inheritable") == 0 && !seen_inheritable) {
      drop.inheritable = hex_mask(argv[++i], "--inheritable takes a hex mask");
      seen_inheritable = 1;
    } else if (strcmp(arg, "--ambient") == 0 && !seen_ambient) {
      drop.ambient = hex_mask(argv[++i], "--ambient takes a hex mask");
      seen_ambient = 1;
    } else {
      usage("unknown or repeated option");
    }
  }
  if (pid <= 0 || !ns_list) usage("--target PID and --ns TYPE[,TYPE...] are needed");
  if (i >= argc || !*argv[i]) usage("no program to run after --");
  int drop_parts = seen_uid + seen_gid + drop.has_groups + seen_bounding + seen_inheritable + seen_ambient;
  if (drop_parts != 0 && drop_parts != 6) usage("--uid, --gid, --groups, --bounding, --inheritable and --ambient go together");
  drop.wanted = drop_parts == 6;
  if (drop.no_new_privs && !drop.wanted) usage("--no-new-privs goes with the other credentials");

  char path[64];
  for (char *name = strtok(ns_list, ","); name; name = strtok(NULL, ",")) {
    struct ns_kind *kind = kind_named(name);
    if (!kind || kind->fd >= 0) usage("--ns takes distinct types among user,cgroup,ipc,uts,net,pid,mnt,time");
    snprintf(path, sizeof path, "/proc/%ld/ns/%s", pid, name);
    kind->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (kind->fd < 0) fail(path);
    have_ns = 1;
  }
  if (!have_ns) usage("--ns names no namespace");
  int root_fd = -1, wd_fd = -1;
  if (want_root) {
    snprintf(path, sizeof path, "/proc/%ld/root", pid);
    if ((root_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) fail(path);
  }
  if (want_wd) {
    snprintf(path, sizeof path, "/proc/%ld/cwd", pid);
    if ((wd_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) fail(path);
  }

  int joined_pid = enter_namespaces();
  if (root_fd >= 0) {
    if (fchdir(root_fd) != 0 || chroot(".") != 0) fail("cannot take the target's root");
    close(root_fd);
  }
  if (wd_fd >= 0) {
    if (fchdir(wd_fd) != 0) fail("cannot take the target's working directory");
    close(wd_fd);
  } else if (root_fd >= 0 && chdir("/") != 0) {
    fail("chdir /");
  }
  if (joined_pid) continue_as_child();
  if (drop.wanted) drop_privileges();
  execvp(argv[i], &argv[i]);
  int code = errno == ENOENT ? 127 : 126;
  fprintf(stderr, "nsinspect-enter: cannot run %s inside: %s\n", argv[i], strerror(errno));
  return code;
}
