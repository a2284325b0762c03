/*
 * Files of a process's root (/proc/PID/root), resolved inside that root and never the host's:
 * every path goes through openat2(2) with RESOLVE_IN_ROOT (absolute symlinks and ".." stop at
 * the process's root) and RESOLVE_NO_MAGICLINKS (no /proc/self/root, /proc/N/fd/M jumps out).
 *
 *   rootStat(pid, startTicks, path, follow)          -> [kind, size, mode, mtimeMs, ctimeMs]
 *   rootReaddir(pid, startTicks, path)               -> [name, kind, name, kind, ...]
 *   rootRead(pid, startTicks, path, offset, length)  -> Buffer (shorter at the end of the file)
 *
 * kind: 1 file, 2 directory, 3 symbolic link, 0 anything else (device, FIFO, socket; readdir
 * also 0 when the file system gives no type). The process is pinned by its start time (field 22
 * of /proc/PID/stat): read through an fd of /proc/PID before and after each operation, so a
 * process that ended (its PID maybe reused) gives the error code "ESRCH", never stale or foreign
 * content. Other errors carry the errno name as their code (ENOENT, ELOOP, EXDEV, EACCES...).
 * Only reads: a file is opened O_PATH, checked to be a regular file, and only then reopened for
 * reading, so no FIFO blocks and no device is opened.
 *
 * Changes (offered only when the user allowed writing; see each function): rootWrite,
 * rootMkdir, rootDelete, rootRename. Each opens the parent directory as reads resolve a path
 * (openat2 in the root), checks the last component is a plain name (not empty, ".", ".." and
 * without '/'), and acts relative to that directory fd (mkdirat, unlinkat, renameat2), which
 * never follows a final symlink: a link is made, removed or renamed itself, never its target.
 */
#define _GNU_SOURCE
#include "native.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_READ (16 * 1024 * 1024)

typedef struct {
  int proc; /* fd of /proc/PID: bound to that process, ESRCH once it is gone */
  int root; /* fd of its root directory */
} pinned_t;

static int throw_errno(napi_env env, int err, const char *what) {
  char message[256];
  snprintf(message, sizeof message, "%s: %s", what, strerror(err));
  const char *code = err == ESRCH ? "ESRCH" : err == ENOENT ? "ENOENT" : err == ELOOP ? "ELOOP" : err == EXDEV ? "EXDEV"
                   : err == EACCES ? "EACCES" : err == EPERM ? "EPERM" : err == ENOTDIR ? "ENOTDIR" : err == EISDIR ? "EISDIR"
                   : err == EINVAL ? "EINVAL" : err == EEXIST ? "EEXIST" : err == ENOSPC ? "ENOSPC" : err == EROFS ? "EROFS" : err == ENAMETOOLONG ? "ENAMETOOLONG" : err == EAGAIN ? "EAGAIN"
                   : err == ENOTEMPTY ? "ENOTEMPTY" : err == EBUSY ? "EBUSY" : "EIO";
  napi_throw_error(env, code, message);
  return -1;
}

/* The start time (clock ticks since boot) of the process /proc/PID is open as; -1 (errno set) when gone. */
static double start_ticks(int proc) {
  int fd = openat(proc, "stat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[1024];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  int err = errno;
  close(fd);
  if (n <= 0) {
    errno = n < 0 ? err : ESRCH;
    return -1;
  }
  buf[n] = '\0';
  /* comm may hold spaces and parentheses: fields count from the last ')'. */
  char *p = strrchr(buf, ')');
  if (!p) return errno = ESRCH, -1;
  p++;
  for (int field = 3; field < 22 && p; field++) p = strchr(p + 1, ' ');
  if (!p) return errno = ESRCH, -1;
  return strtod(p + 1, NULL);
}

/* Still the pinned process? 0, or -1 with errno ESRCH. */
static int still_pinned(int proc, double ticks) {
  double now = start_ticks(proc);
  if (now < 0 || now != ticks) return errno = ESRCH, -1;
  return 0;
}

static int pin(pid_t pid, double ticks, pinned_t *p) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d", (int)pid);
  p->root = -1;
  p->proc = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (p->proc < 0) return errno = ESRCH, -1;
  p->root = openat(p->proc, "root", O_PATH | O_DIRECTORY | O_CLOEXEC);
  int err = errno;
  /* Checked after opening the root: the process was the pinned one from before until now. */
  if (still_pinned(p->proc, ticks) < 0) err = ESRCH;
  if (p->root < 0 || err == ESRCH) {
    if (p->root >= 0) close(p->root);
    close(p->proc);
    return errno = err, -1;
  }
  return 0;
}

static void unpin(pinned_t *p) {
  if (p->root >= 0) close(p->root);
  if (p->proc >= 0) close(p->proc);
}

/* openat2 below the root; EAGAIN (a rename raced the lookup) is retried a few times. */
static int open_in_root(const pinned_t *p, const char *path, uint64_t flags) {
  struct open_how how;
  memset(&how, 0, sizeof how);
  how.flags = flags | O_CLOEXEC;
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
  for (int i = 0; i < 4; i++) {
    long fd = syscall(SYS_openat2, p->root, *path ? path : ".", &how, sizeof how);
    if (fd >= 0 || errno != EAGAIN) return (int)fd;
  }
  return -1;
}

/* The directory that holds the last component of path, opened as reads resolve (openat2 in the
 * root, links inside the root followed), and that component: 0 with *dir (an O_PATH fd) and
 * *name (pointing into path) set, or an errno. The name must be plain: not empty, ".", ".."
 * (or anything with '/', which it cannot hold after the last '/'), so "/" and "a/.." are EINVAL. */
static int open_parent(const pinned_t *p, const char *path, int *dir, const char **name) {
  const char *slash = strrchr(path, '/');
  *name = slash ? slash + 1 : path;
  if (!**name || !strcmp(*name, ".") || !strcmp(*name, "..")) return EINVAL;
  char *parent = strndup(path, slash ? (size_t)(slash - path) : 0);
  if (!parent) return ENOMEM;
  *dir = open_in_root(p, *parent ? parent : "/", O_PATH | O_DIRECTORY);
  int err = *dir < 0 ? errno : 0;
  free(parent);
  return err;
}

static int kind_of(mode_t mode) {
  return S_ISREG(mode) ? 1 : S_ISDIR(mode) ? 2 : S_ISLNK(mode) ? 3 : 0;
}

/* A path argument (malloc'ed), or NULL with a JS error thrown: a string without NUL (a NUL
   would cut it short, and "/dir\0/file" must not delete /dir). */
static char *path_arg(napi_env env, napi_value value) {
  size_t length = 0;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &length) != napi_ok) return napi_throw_type_error(env, NULL, "path must be a string"), NULL;
  char *path = ns_string_arg(env, value);
  if (!path) return napi_throw_error(env, NULL, "out of memory"), NULL;
  if (strlen(path) != length) {
    free(path);
    return napi_throw_error(env, "EINVAL", "a path must not contain a NUL character"), NULL;
  }
  return path;
}

/* The common arguments: pid, start ticks, path (a malloc'ed string). */
static int common_args(napi_env env, napi_value *argv, size_t argc, size_t want, pid_t *pid, double *ticks, char **path) {
  if (argc < want) return napi_throw_type_error(env, NULL, "too few arguments"), -1;
  int32_t p;
  if (napi_get_value_int32(env, argv[0], &p) != napi_ok || p <= 0) return napi_throw_type_error(env, NULL, "pid must be a positive integer"), -1;
  if (napi_get_value_double(env, argv[1], ticks) != napi_ok) return napi_throw_type_error(env, NULL, "startTicks must be a number"), -1;
  *path = path_arg(env, argv[2]);
  if (!*path) return -1;
  *pid = p;
  return 0;
}

/* One call: its arguments (pid, start ticks and path first, at most six) and the pinned process. */
typedef struct {
  napi_value argv[6];
  pid_t pid;
  double ticks;
  char *path;
  pinned_t p;
} root_call_t;

/* Every call starts alike: its arguments (want of them) and the pinned process. 0, or -1 with a
   JS error thrown and nothing left to free. */
static int begin(napi_env env, napi_callback_info info, size_t want, root_call_t *call) {
  size_t argc = want;
  napi_get_cb_info(env, info, &argc, call->argv, NULL, NULL);
  if (common_args(env, call->argv, argc, want, &call->pid, &call->ticks, &call->path) < 0) return -1;
  if (pin(call->pid, call->ticks, &call->p) < 0) {
    throw_errno(env, errno, "the process is gone");
    free(call->path);
    return -1;
  }
  return 0;
}

/* A call whose other arguments are wrong: the pinned fds and the path freed, `message` thrown
   (as a RangeError when range, else a TypeError) unless an error is already pending. */
static napi_value refuse(napi_env env, root_call_t *call, bool range, const char *message) {
  unpin(&call->p);
  free(call->path);
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) (range ? napi_throw_range_error : napi_throw_type_error)(env, NULL, message);
  return NULL;
}

/* Every call ends alike: the process re-checked (gone wins over any other error), the error
   thrown if any (NULL returned then), the fds and the path freed. A NULL result is undefined in
   JavaScript. */
static napi_value finish(napi_env env, int err, const char *what, napi_value result, root_call_t *call) {
  if (still_pinned(call->p.proc, call->ticks) < 0) err = ESRCH;
  if (err) throw_errno(env, err, err == ESRCH ? "the process is gone" : what ? what : call->path);
  unpin(&call->p);
  free(call->path);
  return err ? NULL : result;
}

napi_value ns_root_stat(napi_env env, napi_callback_info info) {
  root_call_t call;
  if (begin(env, info, 4, &call) < 0) return NULL;
  bool follow = true;
  napi_get_value_bool(env, call.argv[3], &follow);
  int fd = open_in_root(&call.p, call.path, O_PATH | (follow ? 0 : O_NOFOLLOW));
  struct stat st;
  int err = fd < 0 ? errno : fstat(fd, &st) < 0 ? errno : 0;
  if (fd >= 0) close(fd);
  napi_value result = NULL;
  if (!err) {
    double fields[5] = {kind_of(st.st_mode), (double)st.st_size, st.st_mode & 07777,
                        st.st_mtim.tv_sec * 1e3 + st.st_mtim.tv_nsec / 1e6, st.st_ctim.tv_sec * 1e3 + st.st_ctim.tv_nsec / 1e6};
    napi_create_array_with_length(env, 5, &result);
    for (uint32_t i = 0; i < 5; i++) {
      napi_value v;
      napi_create_double(env, fields[i], &v);
      napi_set_element(env, result, i, v);
    }
  }
  return finish(env, err, NULL, result, &call);
}

napi_value ns_root_readdir(napi_env env, napi_callback_info info) {
  root_call_t call;
  if (begin(env, info, 3, &call) < 0) return NULL;
  napi_value result = NULL;
  int err = 0;
  /* O_DIRECTORY refuses anything else before it is opened. */
  int fd = open_in_root(&call.p, call.path, O_RDONLY | O_DIRECTORY);
  DIR *dir = fd < 0 ? NULL : fdopendir(fd);
  if (!dir) {
    err = errno;
    if (fd >= 0) close(fd);
  } else {
    napi_create_array(env, &result);
    uint32_t n = 0;
    struct dirent *entry;
    errno = 0;
    while ((entry = readdir(dir))) {
      if (!strcmp(entry->d_name, ".") || !strcmp(entry->d_name, "..")) continue;
      int kind = entry->d_type == DT_REG ? 1 : entry->d_type == DT_DIR ? 2 : entry->d_type == DT_LNK ? 3 : 0;
      napi_value name, k;
      napi_create_string_utf8(env, entry->d_name, NAPI_AUTO_LENGTH, &name);
      napi_create_int32(env, kind, &k);
      napi_set_element(env, result, n++, name);
      napi_set_element(env, result, n++, k);
    }
    err = errno;
    closedir(dir);
  }
  return finish(env, err, NULL, result, &call);
}

napi_value ns_root_read(napi_env env, napi_callback_info info) {
  root_call_t call;
  if (begin(env, info, 5, &call) < 0) return NULL;
  int64_t offset, length;
  if (napi_get_value_int64(env, call.argv[3], &offset) != napi_ok || napi_get_value_int64(env, call.argv[4], &length) != napi_ok || offset < 0 || length < 0 ||
      length > MAX_READ) {
    return refuse(env, &call, true, "offset and length must be non-negative, length at most 16 MiB");
  }
  int err = 0;
  char *buf = malloc(length ? (size_t)length : 1);
  ssize_t got = 0;
  int held = open_in_root(&call.p, call.path, O_PATH);
  struct stat st;
  if (held < 0 || !buf) {
    err = buf ? errno : ENOMEM;
  } else if (fstat(held, &st) < 0) {
    err = errno;
  } else if (!S_ISREG(st.st_mode)) {
    err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
  } else {
    char again[64];
    snprintf(again, sizeof again, "/proc/self/fd/%d", held);
    /* O_NONBLOCK: a few "regular" files of procfs and debugfs block a read until the kernel has
       something to say (/proc/kmsg, trace_pipe); they answer EAGAIN instead of freezing the caller. */
    int fd = open(again, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
      err = errno;
    } else {
      while (got < length) {
        ssize_t n = pread(fd, buf + got, (size_t)(length - got), offset + got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          err = errno;
          break;
        }
        if (n == 0) break;
        got += n;
      }
      close(fd);
    }
  }
  if (held >= 0) close(held);
  napi_value result = NULL;
  if (!err) {
    void *data;
    napi_create_buffer_copy(env, (size_t)got, buf, &data, &result);
  }
  free(buf);
  return finish(env, err, err == EINVAL ? "not a regular file" : NULL, result, &call);
}

/* rootWrite(pid, startTicks, path, data, create, overwrite): the whole file's new content.
 * An existing file is found as reads find it (openat2 in the root: its symlinks resolve inside
 * the root, never the host's), checked to be a regular file through an O_PATH fd, and only then
 * reopened for writing (no device or FIFO is ever opened). A new file is created in its parent,
 * itself opened with openat2 in the root, with openat(O_CREAT | O_EXCL | O_NOFOLLOW): a single
 * name (no '/', not "." or ".."), and O_EXCL never follows a symlink planted meanwhile. The root
 * fd was taken while the process was the pinned one, so a write never lands in another root. */
static int write_all(int fd, const char *data, size_t length) {
  size_t done = 0;
  while (done < length) {
    ssize_t n = write(fd, data + done, length - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    done += (size_t)n;
  }
  return 0;
}

/* The writable fd for path (0 and *out set), or an errno. */
static int open_for_write(const pinned_t *p, const char *path, bool create, bool overwrite, int *out) {
  int held = open_in_root(p, path, O_PATH);
  if (held >= 0) {
    struct stat st;
    int err = fstat(held, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : !S_ISREG(st.st_mode) ? EINVAL : !overwrite ? EEXIST : 0;
    if (!err) {
      char again[64];
      snprintf(again, sizeof again, "/proc/self/fd/%d", held);
      *out = open(again, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
      if (*out < 0) err = errno;
    }
    close(held);
    return err;
  }
  if (errno != ENOENT || !create) return errno;
  /* Not there: create it in its parent. */
  int dir = -1;
  const char *name;
  int err = open_parent(p, path, &dir, &name);
  if (err) return err;
  *out = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0644);
  err = *out < 0 ? errno : 0;
  close(dir);
  return err;
}

napi_value ns_root_write(napi_env env, napi_callback_info info) {
  root_call_t call;
  if (begin(env, info, 6, &call) < 0) return NULL;
  void *data = NULL;
  size_t length = 0;
  bool create = false, overwrite = false;
  bool is_buffer = false;
  napi_is_buffer(env, call.argv[3], &is_buffer);
  if (!is_buffer || napi_get_buffer_info(env, call.argv[3], &data, &length) != napi_ok || napi_get_value_bool(env, call.argv[4], &create) != napi_ok ||
      napi_get_value_bool(env, call.argv[5], &overwrite) != napi_ok) {
    return refuse(env, &call, false, "data must be a Buffer, create and overwrite booleans");
  }
  int fd = -1;
  int err = open_for_write(&call.p, call.path, create, overwrite, &fd);
  if (!err && write_all(fd, data, length) < 0) err = errno;
  if (fd >= 0 && close(fd) < 0 && !err) err = errno;
  return finish(env, err, err == EINVAL ? "not a regular file or not a file name" : NULL, NULL, &call);
}

/* rootMkdir(pid, startTicks, path): a new directory (mode 0755 less the umask) in its parent.
 * mkdirat never follows a final symlink: a link (even a dangling one) in its place is EEXIST. */
napi_value ns_root_mkdir(napi_env env, napi_callback_info info) {
  root_call_t call;
  if (begin(env, info, 3, &call) < 0) return NULL;
  int dir = -1;
  const char *name;
  int err = open_parent(&call.p, call.path, &dir, &name);
  if (!err && mkdirat(dir, name, 0755) < 0) err = errno;
  if (dir >= 0) close(dir);
  return finish(env, err, err == EINVAL ? "not a file name" : NULL, NULL, &call);
}

/* Deeper than this, a recursive delete stops (each level holds an fd). */
#define MAX_DELETE_DEPTH 256

/* Deletes the directory name in dir and everything below it. Each level is opened relative to
 * the one above with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_XDEV: a link is never
 * followed (links are unlinked as entries: the link goes, its target stays), and a mount (a
 * volume, /proc, /dev) is not descended into (EXDEV) — the container's own files only. */
static int remove_tree(int dir, const char *name, int depth) {
  if (depth > MAX_DELETE_DEPTH) return ENAMETOOLONG;
  struct open_how how;
  memset(&how, 0, sizeof how);
  how.flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
  long fd = -1;
  for (int i = 0; i < 4; i++) {
    fd = syscall(SYS_openat2, dir, name, &how, sizeof how);
    if (fd >= 0 || errno != EAGAIN) break;
  }
  if (fd < 0) return errno;
  DIR *entries = fdopendir((int)fd);
  if (!entries) {
    int err = errno;
    close((int)fd);
    return err;
  }
  int err = 0;
  struct dirent *entry;
  errno = 0;
  while (!err && (entry = readdir(entries))) {
    if (!strcmp(entry->d_name, ".") || !strcmp(entry->d_name, "..")) continue;
    struct stat st;
    if (fstatat((int)fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
      if (errno != ENOENT) err = errno;
    } else if (S_ISDIR(st.st_mode)) {
      err = remove_tree((int)fd, entry->d_name, depth + 1);
    } else if (unlinkat((int)fd, entry->d_name, 0) < 0 && errno != ENOENT) {
      err = errno;
    }
    errno = 0;
  }
  if (!err && errno) err = errno;
  closedir(entries);
  if (!err && unlinkat(dir, name, AT_REMOVEDIR) < 0) err = errno;
  return err;
}

/* rootDelete(pid, startTicks, path, recursive): the entry itself, found in its parent without
 * following it (a link is removed, never its target). A directory: removed when empty
 * (ENOTEMPTY otherwise), or with everything below it when recursive (remove_tree). */
napi_value ns_root_delete(napi_env env, napi_callback_info info) {
  root_call_t call;
  if (begin(env, info, 4, &call) < 0) return NULL;
  bool recursive = false;
  if (napi_get_value_bool(env, call.argv[3], &recursive) != napi_ok) {
    return refuse(env, &call, false, "recursive must be a boolean");
  }
  int dir = -1;
  const char *name;
  int err = open_parent(&call.p, call.path, &dir, &name);
  struct stat st;
  if (!err && fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) < 0) err = errno;
  if (!err) {
    if (!S_ISDIR(st.st_mode)) {
      if (unlinkat(dir, name, 0) < 0) err = errno;
    } else if (recursive) {
      err = remove_tree(dir, name, 0);
    } else if (unlinkat(dir, name, AT_REMOVEDIR) < 0) {
      err = errno == EEXIST ? ENOTEMPTY : errno;
    }
  }
  if (dir >= 0) close(dir);
  return finish(env, err, err == EINVAL ? "not a file name" : NULL, NULL, &call);
}

/* rootRename(pid, startTicks, from, to, overwrite): renameat2 between the two parents, both
 * opened in the same pinned root (a rename out of it cannot be expressed), with
 * RENAME_NOREPLACE unless overwrite (EEXIST then). renameat2 follows neither last component:
 * a link is renamed, or replaced, itself. */
napi_value ns_root_rename(napi_env env, napi_callback_info info) {
  root_call_t call;
  if (begin(env, info, 5, &call) < 0) return NULL;
  bool overwrite = false;
  char *to = path_arg(env, call.argv[3]);
  if (!to || napi_get_value_bool(env, call.argv[4], &overwrite) != napi_ok) {
    free(to);
    return refuse(env, &call, false, "to must be a string, overwrite a boolean");
  }
  int from_dir = -1, to_dir = -1;
  const char *from_name, *to_name;
  int err = open_parent(&call.p, call.path, &from_dir, &from_name);
  if (!err) err = open_parent(&call.p, to, &to_dir, &to_name);
  if (!err && renameat2(from_dir, from_name, to_dir, to_name, overwrite ? 0 : RENAME_NOREPLACE) < 0) {
    err = errno;
    /* NFS, 9p and some FUSE file systems refuse RENAME_NOREPLACE (EINVAL): look, then rename. The
       gap between the two is inside the container's own folders, so it can only lose a file the
       container made there in that instant, never reach out of the root. */
    struct stat st;
    if (err == EINVAL && !overwrite) {
      if (fstatat(to_dir, to_name, &st, AT_SYMLINK_NOFOLLOW) == 0) err = EEXIST;
      else if (errno != ENOENT) err = errno;
      else err = renameat(from_dir, from_name, to_dir, to_name) < 0 ? errno : 0;
    }
  }
  if (from_dir >= 0) close(from_dir);
  if (to_dir >= 0) close(to_dir);
  free(to);
  return finish(env, err, err == EINVAL ? "not a file name, or a folder moved into itself" : NULL, NULL, &call);
}
