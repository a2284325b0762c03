/*
 * scanTasks(procRoot, pids, nsfsDev, ownPidNs, fdCandidates, threads, nice, known, onChunk): reads, for each
 * PID (every one under procRoot when pids is null), what discovery needs from procfs, on threads of its own so the event loop never waits. It
 * calls onChunk(buffer) on the JavaScript thread for each chunk of processes as soon as it is read
 * (in no set order), so parsing overlaps the scan, and onChunk(null, error?) once at the end.
 * Each buffer holds records decoded by src/core/discovery/scanRecords.ts. known (null or a flat
 * array of pid, start time pairs, sorted by pid) names the processes the caller read before: for
 * those, when they still have that start time, only what can change is read again.
 *
 * Why native: the kernel work per process (ten namespace links, four proc files, the fd table)
 * costs about 100 us, and from JavaScript it would run on the event loop. Here it runs with
 * openat() relative to /proc/PID. The one file parsed here is stat (a fixed field layout), to
 * keep thousands of strings per scan off the JavaScript heap; the rest is parsed in TypeScript.
 *
 * Records, little-endian, each behind a one-byte tag:
 * 'T' a task (process):
 *   u32 pid, u8 state (0 read, 1 gone, 2 not permitted, 3 known: read, but a process the caller
 *       named in `known` with this very start time, so status, cmdline and cgroup were not read:
 *       its NSpid and cgroup are fixed for its life, its cmdline is the caller's to keep)
 *   if read or known:
 *     10 x f64 inode of ns/{mnt,pid,net,ipc,uts,user,cgroup,time,pid_for_children,
 *              time_for_children} (0 = link missing)
 *     u32 uid: owner of /proc/PID, as lsns and ps show it (root for non-dumpable processes)
 *     from stat: (u32 length, bytes) comm, u32 ppid, u32 num_threads, f64 starttime
 *     unless known, 3 x (u32 length, bytes): status (selected lines; read only for processes in a PID
 *         namespace other than ownPidNs, whose NSpid is then needed), cmdline (its first 4097
 *         bytes at most: one more than discovery keeps), cgroup
 *         (cgroup's length is 0xFFFFFFFF, with no bytes, when it equals the previous record's:
 *         most processes share their cgroup with the one before)
 *     u32 count, count x (u32 fd, f64 inode, f64 dev, u8 type length, type bytes)
 *         fds that refer to a namespace; type "" when only stat() could tell; count 0xFFFFFFFF
 *         when the fd table could not be read
 *     u32 count, count x (u32 tid, u8 type index 0..7, f64 inode)
 *         threads whose namespace of that type differs from the process'
 *     u32 threads that could not be read
 * 'N' a namespace one of those processes is in, the first time it comes up in the thread:
 *     NS_FIELDS x f64 (see native.h), from the NS_GET_* ioctls
 * 'M' the nsfs lines of the mountinfo of a mount namespace, the first time it comes up:
 *     f64 mount namespace inode, u32 pid it was read from, (u32 length, bytes) lines
 * In each buffer the 'T' records come first. Describing namespaces here, in parallel, keeps that
 * work off the event loop's path.
 */
#define _GNU_SOURCE
#include "native.h"
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SAME_AS_PREVIOUS 0xFFFFFFFFu
#define UNREADABLE 0xFFFFFFFFu
#define LINK_COUNT 10
#define TYPE_COUNT 8
static const char *const LINKS[LINK_COUNT] = {
    "ns/mnt", "ns/pid", "ns/net", "ns/ipc", "ns/uts", "ns/user", "ns/cgroup", "ns/time",
    "ns/pid_for_children", "ns/time_for_children"};
static const char *const TYPES[TYPE_COUNT] = {"mnt", "pid", "net", "ipc", "uts", "user", "cgroup", "time"};
/* The status lines discovery uses; the rest of the file is not copied. */
static const char *const STATUS_KEYS[] = {"Name:", "PPid:", "Uid:", "Gid:", "NSpid:", "NStgid:", NULL};

typedef struct {
  char *data;
  size_t length, capacity;
  int failed;
} out_t;

static void out_reserve(out_t *o, size_t more) {
  if (o->failed || o->length + more <= o->capacity) return;
  size_t capacity = o->capacity ? o->capacity : 1 << 16;
  while (capacity < o->length + more) capacity *= 2;
  char *grown = realloc(o->data, capacity);
  if (!grown) {
    o->failed = 1;
    return;
  }
  o->data = grown;
  o->capacity = capacity;
}
static void out_bytes(out_t *o, const void *bytes, size_t n) {
  out_reserve(o, n);
  if (o->failed) return;
  memcpy(o->data + o->length, bytes, n);
  o->length += n;
}
static void out_u8(out_t *o, uint8_t v) { out_bytes(o, &v, 1); }
static void out_u32(out_t *o, uint32_t v) { out_bytes(o, &v, 4); }
static void out_f64(out_t *o, double v) { out_bytes(o, &v, 8); }
static void out_field(out_t *o, const char *bytes, size_t n) {
  out_u32(o, (uint32_t)n);
  out_bytes(o, bytes, n);
}
/* Overwrites a u32 written earlier (a count known only afterwards). */
static void out_patch_u32(out_t *o, size_t at, uint32_t v) {
  if (!o->failed) memcpy(o->data + at, &v, 4);
}

/* How a proc file ends. stat, status, cmdline and cgroup produce their whole text for one read
   (a short read is the end, which saves the read that would return 0); mountinfo and other
   multi-record files return about a page a read, so only a read of 0 ends them. */
enum { WHOLE_IN_ONE_READ, READ_TO_ZERO };

/* Bytes of cmdline read: CMDLINE_CAP (src/core/parsers/cmdline.ts) and one more, which tells a
   longer one. A process chooses its argv (megabytes, if it likes): reading less is the cap. */
#define CMDLINE_READ (4096 + 1)

/* Reads a proc file relative to dirfd into scratch, at most max bytes; returns its length or -1. */
static ssize_t read_file_at(int dirfd, const char *name, out_t *scratch, int ends, size_t max) {
  int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  scratch->length = 0;
  for (;;) {
    out_reserve(scratch, 4096);
    if (scratch->failed) break;
    size_t room = scratch->capacity - scratch->length;
    if (room > max - scratch->length) room = max - scratch->length;
    ssize_t n = read(fd, scratch->data + scratch->length, room);
    if (n <= 0) break;
    scratch->length += (size_t)n;
    if (scratch->length == max || (ends == WHOLE_IN_ONE_READ && (size_t)n < room)) break;
  }
  close(fd);
  return scratch->failed ? -1 : (ssize_t)scratch->length;
}

/* "net:[4026531840]" -> 4026531840 and the type's length; 0 when the text is no such link. */
static double parse_ns_link(const char *text, size_t *type_length) {
  const char *open = strchr(text, ':');
  if (!open || open[1] != '[') return 0;
  char *end;
  unsigned long long ino = strtoull(open + 2, &end, 10);
  if (*end != ']' || end[1] != '\0') return 0;
  *type_length = (size_t)(open - text);
  return (double)ino;
}

static int type_index(const char *type, size_t length) {
  for (int i = 0; i < TYPE_COUNT; i++) {
    if (strlen(TYPES[i]) == length && strncmp(type, TYPES[i], length) == 0) return i;
  }
  return -1;
}

static double read_link_inode(int dirfd, const char *name, int *error) {
  char target[128];
  ssize_t n = readlinkat(dirfd, name, target, sizeof target - 1);
  if (n < 0) {
    /* A permission error, once seen, is the answer: a later link may just be missing (an older
       kernel has no time namespace). */
    if (*error != EACCES && *error != EPERM) *error = errno;
    return 0;
  }
  target[n] = '\0';
  size_t type_length;
  return parse_ns_link(target, &type_length);
}

/* Copies the selected lines of status as one length-prefixed field. */
static void copy_status_lines(const char *text, size_t length, out_t *o) {
  size_t at = o->length;
  out_u32(o, 0);
  const char *line = text, *end = text + length;
  while (line < end) {
    const char *newline = memchr(line, '\n', (size_t)(end - line));
    size_t n = newline ? (size_t)(newline - line) + 1 : (size_t)(end - line);
    for (int k = 0; STATUS_KEYS[k]; k++) {
      size_t key = strlen(STATUS_KEYS[k]);
      if (n >= key && strncmp(line, STATUS_KEYS[k], key) == 0) {
        out_bytes(o, line, n);
        break;
      }
    }
    line += n;
  }
  out_patch_u32(o, at, (uint32_t)(o->length - at - 4));
}

typedef struct {
  char state; /* field 3: R, S, D, Z (zombie), X (dead), ... */
  const char *comm;
  size_t comm_length;
  uint32_t ppid, threads;
  double start_ticks;
} proc_stat_t;

/* Fields 2 (comm), 4 (ppid), 20 (num_threads) and 22 (starttime) of /proc/PID/stat. comm may hold
   ')', spaces and newlines, so the fields after it count from the last ')'. Returns 0 if malformed. */
static int parse_stat(const char *text, size_t length, proc_stat_t *out) {
  const char *open = memchr(text, '(', length), *close = NULL;
  for (const char *p = text; p < text + length; p++) {
    if (*p == ')') close = p;
  }
  if (!open || !close || close + 2 >= text + length) return 0;
  out->state = close[2];
  out->comm = open + 1;
  out->comm_length = (size_t)(close - open - 1);
  /* Field 3 (state) starts at close + 2; walk field by field up to 22. */
  const char *p = close + 2, *end = text + length;
  for (int field = 3; field <= 22; field++) {
    const char *next = memchr(p, ' ', (size_t)(end - p));
    if (!next) next = end;
    if (field == 4 || field == 20 || field == 22) {
      char *stop;
      unsigned long long value = strtoull(p, &stop, 10);
      if (stop != next || p == next) return 0;
      if (field == 4) out->ppid = (uint32_t)value;
      else if (field == 20) out->threads = (uint32_t)value;
      else out->start_ticks = (double)value;
    }
    if (next == end && field < 22) return 0;
    p = next + 1;
  }
  return 1;
}

/* Reads a directory with getdents64 (no DIR allocation), to the call that returns 0: a short
   buffer is no proof of the end, since a pending signal stops the kernel early. */
typedef struct {
  int fd;
  long length, at;
  char buffer[16384];
} dir_reader_t;

static const char *next_entry(dir_reader_t *d) {
  for (;;) {
    if (d->at < d->length) {
      struct dirent64 *entry = (struct dirent64 *)(d->buffer + d->at);
      d->at += entry->d_reclen;
      if (entry->d_name[0] >= '0' && entry->d_name[0] <= '9') return entry->d_name;
      continue;
    }
    d->length = getdents64(d->fd, d->buffer, sizeof d->buffer);
    d->at = 0;
    if (d->length <= 0) return NULL;
  }
}

typedef struct {
  char **paths;
  size_t count;
} candidates_t;

/* Processes the caller read before: pid and start time pairs, sorted by pid. */
typedef struct {
  double *pairs;
  size_t count;
} known_t;

typedef struct {
  double nsfs_dev, own_pid_ns;
  candidates_t candidates;
  known_t known;
} scan_options_t;

/* The same process as the caller read before: the same PID with the same start time. */
static int is_known(const known_t *known, uint32_t pid, double start_ticks) {
  size_t low = 0, high = known->count;
  while (low < high) {
    size_t mid = (low + high) / 2;
    double at = known->pairs[2 * mid];
    if (at == pid) return known->pairs[2 * mid + 1] == start_ticks;
    if (at < pid) low = mid + 1;
    else high = mid;
  }
  return 0;
}

static int is_candidate(const candidates_t *c, const char *path) {
  if (strcmp(path, "/") == 0) return 1; /* an nsfs fd whose bind mount is gone */
  for (size_t i = 0; i < c->count; i++) {
    if (strcmp(c->paths[i], path) == 0) return 1;
  }
  return 0;
}

static void scan_fds(int piddir, double nsfs_dev, const candidates_t *candidates, out_t *o) {
  size_t at = o->length;
  uint32_t count = 0;
  out_u32(o, 0);
  dir_reader_t dir = {.fd = openat(piddir, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd < 0) {
    out_patch_u32(o, at, UNREADABLE);
    return;
  }
  const char *name;
  while ((name = next_entry(&dir))) {
    char target[4096];
    ssize_t n = readlinkat(dir.fd, name, target, sizeof target - 1);
    if (n < 0) continue;
    target[n] = '\0';
    size_t type_length = 0;
    double ino = parse_ns_link(target, &type_length);
    double dev = nsfs_dev;
    if (ino != 0 && type_index(target, type_length) < 0) continue; /* socket:[..], pipe:[..] */
    if (ino == 0) {
      /* Opened through a bind mount: the link shows a path. Only known nsfs mount points (and "/")
         are stat()ed, so that no stat can hang on some other file system. */
      struct stat st;
      if (target[0] != '/' || !is_candidate(candidates, target)) continue;
      if (fstatat(dir.fd, name, &st, 0) != 0 || (double)st.st_dev != nsfs_dev) continue;
      ino = (double)st.st_ino;
      dev = (double)st.st_dev;
      type_length = 0;
    }
    out_u32(o, (uint32_t)strtoul(name, NULL, 10));
    out_f64(o, ino);
    out_f64(o, dev);
    out_u8(o, (uint8_t)type_length);
    out_bytes(o, target, type_length);
    count++;
  }
  close(dir.fd);
  out_patch_u32(o, at, count);
}

static void scan_threads(int piddir, uint32_t pid, const double own[LINK_COUNT], out_t *o) {
  size_t at = o->length;
  uint32_t count = 0, unreadable = 0;
  out_u32(o, 0);
  dir_reader_t dir = {.fd = openat(piddir, "task", O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  const char *name;
  while (dir.fd >= 0 && (name = next_entry(&dir))) {
    uint32_t tid = (uint32_t)strtoul(name, NULL, 10);
    if (tid == pid) continue;
    for (int t = 0; t < TYPE_COUNT; t++) {
      char path[320];
      snprintf(path, sizeof path, "%s/ns/%s", name, TYPES[t]);
      int error = 0;
      double ino = read_link_inode(dir.fd, path, &error);
      if (ino == 0) {
        if (t == 0) {
          unreadable++;
          break;
        }
        continue;
      }
      if (ino == own[t]) continue;
      out_u32(o, tid);
      out_u8(o, (uint8_t)t);
      out_f64(o, ino);
      count++;
    }
  }
  if (dir.fd >= 0) close(dir.fd);
  else unreadable++;
  out_patch_u32(o, at, count);
  out_u32(o, unreadable);
}

/* An open-addressing set of the namespace inodes one scanning thread has described already. */
typedef struct {
  double *slots;
  size_t capacity, count;
} inode_set_t;

static size_t inode_slot(const inode_set_t *set, double ino) {
  size_t i = (size_t)((uint64_t)ino * 0x9E3779B97F4A7C15ull >> 32) & (set->capacity - 1);
  while (set->slots[i] != 0 && set->slots[i] != ino) i = (i + 1) & (set->capacity - 1);
  return i;
}

static int inode_set_has(const inode_set_t *set, double ino) {
  return set->capacity && set->slots[inode_slot(set, ino)] == ino;
}

/* Adds ino; returns 1 when it was new. */
static int inode_set_add(inode_set_t *set, double ino) {
  if (set->count * 2 >= set->capacity) {
    size_t capacity = set->capacity ? set->capacity * 2 : 1024;
    inode_set_t grown = {calloc(capacity, sizeof(double)), capacity, 0};
    if (!grown.slots) return 1; /* out of memory: describe it again rather than lose it */
    for (size_t i = 0; i < set->capacity; i++) {
      if (set->slots[i] != 0) inode_set_add(&grown, set->slots[i]);
    }
    free(set->slots);
    *set = grown;
  }
  size_t i = inode_slot(set, ino);
  if (set->slots[i] == ino) return 0;
  set->slots[i] = ino;
  set->count++;
  return 1;
}

/* What one scanning thread carries from process to process. */
typedef struct {
  out_t scratch, last_cgroup;
  /* Namespace and mount records, appended after the task records. */
  out_t extra;
  inode_set_t described;
} scan_state_t;

/* Emits an 'N' record for each namespace of this process not described yet in this job. */
static void describe_new_namespaces(int piddir, const double links[LINK_COUNT], scan_state_t *state) {
  for (int i = 0; i < LINK_COUNT; i++) {
    if (links[i] == 0 || !inode_set_add(&state->described, links[i])) continue;
    int fd = openat(piddir, LINKS[i], O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) continue;
    if (fstat(fd, &st) == 0) {
      double rec[NS_FIELDS];
      int owner, parent;
      ns_describe(fd, &st, rec, &owner, &parent);
      if (owner >= 0) close(owner);
      if (parent >= 0) close(parent);
      out_u8(&state->extra, 'N');
      for (int f = 0; f < NS_FIELDS; f++) out_f64(&state->extra, rec[f]);
    }
    close(fd);
  }
}

/* Emits an 'M' record with the nsfs lines of the process' mountinfo: the first time its mount
   namespace comes up in this job. */
static void read_nsfs_mounts(int piddir, uint32_t pid, double mntns, scan_state_t *state) {
  ssize_t n = read_file_at(piddir, "mountinfo", &state->scratch, READ_TO_ZERO, SIZE_MAX);
  if (n < 0) return;
  out_u8(&state->extra, 'M');
  out_f64(&state->extra, mntns);
  out_u32(&state->extra, pid);
  size_t at = state->extra.length;
  out_u32(&state->extra, 0);
  const char *line = state->scratch.data, *end = line + n;
  while (line < end) {
    const char *newline = memchr(line, '\n', (size_t)(end - line));
    size_t length = newline ? (size_t)(newline - line) + 1 : (size_t)(end - line);
    if (memmem(line, length, " - nsfs ", 8)) out_bytes(&state->extra, line, length);
    line += length;
  }
  out_patch_u32(&state->extra, at, (uint32_t)(state->extra.length - at - 4));
}

static void scan_fds_and_threads(int piddir, uint32_t pid, const double links[LINK_COUNT], uint32_t threads,
                                 const scan_options_t *options, out_t *o) {
  scan_fds(piddir, options->nsfs_dev, &options->candidates, o);
  if (threads > 1) {
    scan_threads(piddir, pid, links, o);
  } else {
    out_u32(o, 0);
    out_u32(o, 0);
  }
}

static void scan_one(int procdir, uint32_t pid, const scan_options_t *options, out_t *o, scan_state_t *state) {
  out_t *scratch = &state->scratch, *last_cgroup = &state->last_cgroup;
  char name[16];
  snprintf(name, sizeof name, "%u", pid);
  out_u8(o, 'T');
  out_u32(o, pid);
  int piddir = openat(procdir, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (piddir < 0) {
    out_u8(o, errno == EACCES || errno == EPERM ? 2 : 1);
    return;
  }
  double links[LINK_COUNT];
  int readable = 0, error = ENOENT;
  for (int i = 0; i < LINK_COUNT; i++) {
    links[i] = read_link_inode(piddir, LINKS[i], &error);
    if (links[i] != 0) readable++;
  }
  int new_mntns = links[0] != 0 && !inode_set_has(&state->described, links[0]);
  describe_new_namespaces(piddir, links, state);
  if (new_mntns) read_nsfs_mounts(piddir, pid, links[0], state);
  struct stat owner;
  proc_stat_t stat = {0};
  ssize_t stat_length = readable && fstat(piddir, &owner) == 0 ? read_file_at(piddir, "stat", scratch, WHOLE_IN_ONE_READ, SIZE_MAX) : -1;
  /* A zombie has exited: only its PID namespace link still reads (its pid is not yet released),
     so counting it would keep a namespace it has left. */
  if (stat_length <= 0 || !parse_stat(scratch->data, (size_t)stat_length, &stat) || stat.state == 'Z' ||
      stat.state == 'X') {
    out_u8(o, readable ? 1 : (error == EACCES || error == EPERM ? 2 : 1));
    close(piddir);
    return;
  }
  int known = is_known(&options->known, pid, stat.start_ticks);
  out_u8(o, known ? 3 : 0);
  for (int i = 0; i < LINK_COUNT; i++) out_f64(o, links[i]);
  out_u32(o, (uint32_t)owner.st_uid);
  out_field(o, stat.comm, stat.comm_length);
  out_u32(o, stat.ppid);
  out_u32(o, stat.threads);
  out_f64(o, stat.start_ticks);
  uint32_t threads = stat.threads;
  if (known) {
    scan_fds_and_threads(piddir, pid, links, threads, options, o);
    close(piddir);
    return;
  }
  ssize_t n = links[1] != options->own_pid_ns ? read_file_at(piddir, "status", scratch, WHOLE_IN_ONE_READ, SIZE_MAX) : -1;
  if (n > 0) copy_status_lines(scratch->data, (size_t)n, o);
  else out_u32(o, 0);
  n = read_file_at(piddir, "cmdline", scratch, WHOLE_IN_ONE_READ, CMDLINE_READ);
  out_field(o, scratch->data, n < 0 ? 0 : (size_t)n);
  n = read_file_at(piddir, "cgroup", scratch, WHOLE_IN_ONE_READ, SIZE_MAX);
  if (n < 0) n = 0;
  if ((size_t)n == last_cgroup->length && (n == 0 || memcmp(scratch->data, last_cgroup->data, (size_t)n) == 0)) {
    out_u32(o, SAME_AS_PREVIOUS);
  } else {
    out_field(o, scratch->data, (size_t)n);
    last_cgroup->length = 0;
    out_bytes(last_cgroup, scratch->data, (size_t)n);
  }
  scan_fds_and_threads(piddir, pid, links, threads, options, o);
  close(piddir);
}

/* Processes per chunk: small enough that parsing one overlaps with reading the next. */
#define CHUNK_SIZE 256
#define MAX_THREADS 16

typedef struct {
  napi_threadsafe_function deliver;
  char root[4096];
  uint32_t *pids;
  size_t pid_count;
  scan_options_t options;
  int nice; /* the scanning threads' nice value */
  int procdir;
  atomic_size_t next;    /* index of the next chunk's first PID */
  atomic_int running;    /* threads still scanning */
  atomic_int cancelled;  /* set when the JavaScript environment goes away mid-scan */
  pthread_t threads[MAX_THREADS];
  int started;
  int joined;
} scan_job_t;

/* What a scanning thread hands to the JavaScript thread: a chunk, or the end. */
typedef struct {
  char *data;
  size_t length;
  int end;
  const char *error; /* static text, with the end only */
} delivery_t;

static void join_threads(scan_job_t *job) {
  if (job->joined) return;
  job->joined = 1;
  for (int k = 0; k < job->started; k++) pthread_join(job->threads[k], NULL);
}

/* The environment is shutting down mid-scan (a window reload, a worker ended): stop the threads
   and wait for them, so none reads memory the addon no longer owns. */
static void cancel_on_env_exit(void *arg) {
  scan_job_t *job = arg;
  atomic_store(&job->cancelled, 1);
  join_threads(job);
}

/* The threadsafe function is gone, after the end or at shutdown: the job's last owner. */
static void free_job(napi_env env, void *finalize_data, void *hint) {
  (void)env;
  (void)hint;
  scan_job_t *job = finalize_data;
  for (size_t i = 0; i < job->options.candidates.count; i++) free(job->options.candidates.paths[i]);
  free(job->options.candidates.paths);
  free(job->options.known.pairs);
  free(job->pids);
  if (job->procdir >= 0) close(job->procdir);
  free(job);
}

/* On the JavaScript thread: onChunk(buffer) for a chunk, onChunk(null, error?) at the end. With
   env NULL the function is being torn down, and the delivery is only freed. */
static void call_js(napi_env env, napi_value on_chunk, void *context, void *data) {
  scan_job_t *job = context;
  delivery_t *delivery = data;
  if (env != NULL) {
    napi_value argv[2], undefined;
    napi_get_undefined(env, &undefined);
    argv[1] = undefined;
    napi_status status;
    if (delivery->end) {
      status = napi_get_null(env, &argv[0]);
      if (status == napi_ok && delivery->error) napi_create_string_utf8(env, delivery->error, NAPI_AUTO_LENGTH, &argv[1]);
    } else {
      /* A copy, not an external buffer: Electron (VS Code desktop) refuses external buffers. */
      void *copy;
      status = napi_create_buffer_copy(env, delivery->length, delivery->data, &copy, &argv[0]);
    }
    if (status == napi_ok) napi_call_function(env, undefined, on_chunk, 2, argv, NULL);
    if (delivery->end) {
      napi_remove_env_cleanup_hook(env, cancel_on_env_exit, job);
      join_threads(job); /* all have returned or are returning */
      napi_release_threadsafe_function(job->deliver, napi_tsfn_release);
    }
  }
  free(delivery->data);
  free(delivery);
}

/* Queues a delivery; returns 0 when the JavaScript side is closing (the delivery is freed). */
static int deliver(scan_job_t *job, char *data, size_t length, int end, const char *error) {
  delivery_t *delivery = malloc(sizeof *delivery);
  if (!delivery) {
    free(data);
    return 1;
  }
  *delivery = (delivery_t){data, length, end, error};
  if (napi_call_threadsafe_function(job->deliver, delivery, napi_tsfn_nonblocking) != napi_ok) {
    free(delivery->data);
    free(delivery);
    return 0;
  }
  return 1;
}

/*
 * A scanning thread. It sets its own nice value first: inside VS Code's extension host the
 * JavaScript thread parses the chunks and must not wait behind the scan for a core (on two cores
 * that alone made discovery ~20% slower); the command line, alone in its process, keeps the
 * scan at its own priority so other busy processes do not starve it. The threads are the addon's
 * own, so no shared thread pool is left deprioritised.
 */
static void *scan_thread(void *arg) {
  scan_job_t *job = arg;
  if (job->nice != 0) setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), job->nice);
  scan_state_t state = {0};
  while (!atomic_load(&job->cancelled)) {
    size_t first = atomic_fetch_add(&job->next, CHUNK_SIZE);
    if (first >= job->pid_count) break;
    size_t last = first + CHUNK_SIZE < job->pid_count ? first + CHUNK_SIZE : job->pid_count;
    out_t out = {0};
    /* Each chunk is decoded on its own: "same cgroup as before" must not reach back into the last one. */
    state.last_cgroup.length = 0;
    for (size_t i = first; i < last && !atomic_load(&job->cancelled); i++) {
      scan_one(job->procdir, job->pids[i], &job->options, &out, &state);
    }
    out_bytes(&out, state.extra.data, state.extra.length);
    state.extra.length = 0;
    if (out.failed || atomic_load(&job->cancelled)) {
      free(out.data);
      break;
    }
    if (!deliver(job, out.data, out.length, 0, NULL)) break;
  }
  free(state.scratch.data);
  free(state.last_cgroup.data);
  free(state.extra.data);
  free(state.described.slots);
  if (atomic_fetch_sub(&job->running, 1) == 1 && !atomic_load(&job->cancelled)) deliver(job, NULL, 0, 1, NULL);
  return NULL;
}

static int get_u32_array(napi_env env, napi_value array, uint32_t **values, size_t *count) {
  uint32_t length;
  if (napi_get_array_length(env, array, &length) != napi_ok) return 0;
  *values = calloc(length ? length : 1, sizeof **values);
  if (!*values) return 0;
  for (uint32_t i = 0; i < length; i++) {
    napi_value v;
    if (napi_get_element(env, array, i, &v) != napi_ok || napi_get_value_uint32(env, v, &(*values)[i]) != napi_ok) return 0;
  }
  *count = length;
  return 1;
}

static int get_string_array(napi_env env, napi_value array, candidates_t *out) {
  uint32_t length;
  if (napi_get_array_length(env, array, &length) != napi_ok) return 0;
  out->paths = calloc(length ? length : 1, sizeof(char *));
  if (!out->paths) return 0;
  for (uint32_t i = 0; i < length; i++) {
    napi_value v;
    char path[4096];
    size_t n;
    if (napi_get_element(env, array, i, &v) != napi_ok ||
        napi_get_value_string_utf8(env, v, path, sizeof path, &n) != napi_ok || !(out->paths[i] = strdup(path))) {
      return 0;
    }
    out->count++;
  }
  return 1;
}

static int is_null(napi_env env, napi_value value) {
  napi_valuetype type;
  return napi_typeof(env, value, &type) == napi_ok && type == napi_null;
}

/* The flat pid, start time pairs of processes read before; they must come sorted by pid. */
static int get_known(napi_env env, napi_value array, known_t *out) {
  uint32_t length;
  if (napi_get_array_length(env, array, &length) != napi_ok || length % 2 != 0) return 0;
  out->pairs = calloc(length ? length : 1, sizeof(double));
  if (!out->pairs) return 0;
  for (uint32_t i = 0; i < length; i++) {
    napi_value v;
    if (napi_get_element(env, array, i, &v) != napi_ok || napi_get_value_double(env, v, &out->pairs[i]) != napi_ok) return 0;
    if (i % 2 == 0 && i >= 2 && !(out->pairs[i] > out->pairs[i - 2])) return 0;
  }
  out->count = length / 2;
  return 1;
}

/* Every PID under the proc root, when the caller passed none. */
static int list_pids(scan_job_t *job) {
  dir_reader_t dir = {.fd = openat(job->procdir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  size_t capacity = 8192;
  job->pids = malloc(capacity * sizeof *job->pids);
  const char *name;
  while (dir.fd >= 0 && job->pids && (name = next_entry(&dir))) {
    if (job->pid_count == capacity) {
      uint32_t *grown = realloc(job->pids, (capacity *= 2) * sizeof *job->pids);
      if (!grown) break;
      job->pids = grown;
    }
    job->pids[job->pid_count++] = (uint32_t)strtoul(name, NULL, 10);
  }
  if (dir.fd >= 0) close(dir.fd);
  return dir.fd >= 0 && job->pids != NULL;
}

napi_value ns_scan_tasks(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  scan_job_t *job = calloc(1, sizeof *job);
  size_t length = 0;
  int32_t threads = 0, nice = 0;
  napi_valuetype callback_type = napi_undefined;
  if (job) job->procdir = -1;
  int ok = job && argc == 9 &&
           napi_get_value_string_utf8(env, argv[0], job->root, sizeof job->root, &length) == napi_ok &&
           (is_null(env, argv[1]) || get_u32_array(env, argv[1], &job->pids, &job->pid_count)) &&
           napi_get_value_double(env, argv[2], &job->options.nsfs_dev) == napi_ok &&
           napi_get_value_double(env, argv[3], &job->options.own_pid_ns) == napi_ok &&
           get_string_array(env, argv[4], &job->options.candidates) &&
           napi_get_value_int32(env, argv[5], &threads) == napi_ok && threads >= 1 && threads <= MAX_THREADS &&
           napi_get_value_int32(env, argv[6], &nice) == napi_ok && nice >= 0 && nice <= 19 &&
           (is_null(env, argv[7]) || get_known(env, argv[7], &job->options.known)) &&
           napi_typeof(env, argv[8], &callback_type) == napi_ok && callback_type == napi_function;
  if (!ok) {
    if (job) free_job(env, job, NULL);
    napi_throw_type_error(env, NULL,
                          "scanTasks(procRoot: string, pids: number[] | null, nsfsDev: number, ownPidNs: number, "
                          "fdCandidates: string[], threads: 1..16, nice: 0..19, known: number[] | null (pid, start pairs "
                          "sorted by pid), onChunk: function)");
    return NULL;
  }
  napi_value name, undefined;
  napi_get_undefined(env, &undefined);
  napi_create_string_utf8(env, "nsnative.scanTasks", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, argv[8], NULL, name, 0, 1, job, free_job, job, call_js, &job->deliver) != napi_ok) {
    free_job(env, job, NULL);
    napi_throw_error(env, NULL, "scanTasks: cannot create a thread-safe function");
    return NULL;
  }
  job->nice = nice;
  napi_add_env_cleanup_hook(env, cancel_on_env_exit, job);
  job->procdir = open(job->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (job->procdir < 0 || (job->pids == NULL && !list_pids(job))) {
    deliver(job, NULL, 0, 1, job->procdir < 0 ? strerror(errno) : "cannot list the processes");
    return undefined;
  }
  atomic_store(&job->running, threads);
  for (int k = 0; k < threads; k++) {
    if (pthread_create(&job->threads[job->started], NULL, scan_thread, job) == 0) {
      job->started++;
    } else if (atomic_fetch_sub(&job->running, 1) == 1) {
      deliver(job, NULL, 0, 1, "cannot start a scanning thread");
    }
  }
  return undefined;
}
