/*
 * The namespace ioctls Node.js cannot call (NS_GET_USERNS, NS_GET_PARENT, NS_GET_NSTYPE,
 * NS_GET_OWNER_UID).
 *
 * probe(path, ancestors) opens a namespace file (/proc/PID/ns/TYPE, a bind mount,
 * /proc/PID/fd/N) and returns a flat array of records for that namespace and, when `ancestors`
 * is true, every namespace reachable from it through its owner and parent links, up to the
 * initial user namespace (namespaces no process may be in any more are reachable only so):
 *   [dev, ino, cloneFlag, ownerDev, ownerIno, parentDev, parentIno, ownerUid, ...]
 * with -1 where a link does not exist (EPERM at the top of the visible tree, or the type has no
 * parent) or ownerUid does not apply. It returns null when the path cannot be opened or is no
 * namespace file.
 */
#define _GNU_SOURCE
#include "native.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdbool.h>
#include <stdint.h>

#define NSIO 0xb7
#define NS_GET_USERNS _IO(NSIO, 0x1)
#define NS_GET_PARENT _IO(NSIO, 0x2)
#define NS_GET_NSTYPE _IO(NSIO, 0x3)
#define NS_GET_OWNER_UID _IO(NSIO, 0x4)

/* A probe with ancestors follows at most this many namespaces (user namespaces nest 32 deep). */
#define MAX_RECORDS 256

typedef struct {
  double values[NS_FIELDS * MAX_RECORDS];
  int count;
} records_t;

static int already_recorded(const records_t *r, double dev, double ino) {
  for (int i = 0; i < r->count; i++) {
    if (r->values[i * NS_FIELDS] == dev && r->values[i * NS_FIELDS + 1] == ino) return 1;
  }
  return 0;
}

void ns_describe(int fd, const struct stat *st, double rec[NS_FIELDS], int *owner, int *parent) {
  rec[0] = (double)st->st_dev;
  rec[1] = (double)st->st_ino;
  int type = ioctl(fd, NS_GET_NSTYPE);
  rec[2] = type < 0 ? -1 : (double)type;
  rec[3] = rec[4] = rec[5] = rec[6] = rec[7] = -1;
  *owner = ioctl(fd, NS_GET_USERNS);
  *parent = ioctl(fd, NS_GET_PARENT);
  if (type == 0x10000000 /* CLONE_NEWUSER */) {
    uid_t uid;
    if (ioctl(fd, NS_GET_OWNER_UID, &uid) == 0) rec[7] = (double)uid;
  }
  struct stat linked;
  if (*owner >= 0 && fstat(*owner, &linked) == 0) {
    rec[3] = (double)linked.st_dev;
    rec[4] = (double)linked.st_ino;
  }
  if (*parent >= 0 && fstat(*parent, &linked) == 0) {
    rec[5] = (double)linked.st_dev;
    rec[6] = (double)linked.st_ino;
  }
}

/* Records the namespace behind fd, then follows its owner and parent. Closes fd. */
static void walk(int fd, records_t *r, int depth, int max_depth) {
  struct stat st;
  if (r->count >= MAX_RECORDS || fstat(fd, &st) != 0 || already_recorded(r, (double)st.st_dev, (double)st.st_ino)) {
    close(fd);
    return;
  }
  int owner, parent;
  ns_describe(fd, &st, &r->values[r->count++ * NS_FIELDS], &owner, &parent);
  close(fd);
  int links[2] = {owner, parent};
  for (int i = 0; i < 2; i++) {
    if (links[i] < 0) continue;
    if (depth < max_depth) walk(links[i], r, depth + 1, max_depth);
    else close(links[i]);
  }
}

napi_value ns_probe(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  char path[4096];
  size_t len = 0;
  if (argc < 1 || napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len) != napi_ok ||
      len >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "probe(path, ancestors): path must be a string shorter than 4095 bytes");
    return NULL;
  }
  napi_value result;
  /* The path may meanwhile name something else (an fd number reused for a FIFO or a device):
     only an nsfs file is opened, and only it gets the ioctls. */
  int fd = ns_open(path);
  if (fd < 0) {
    napi_get_null(env, &result);
    return result;
  }
  records_t *records = calloc(1, sizeof *records);
  if (!records) {
    close(fd);
    napi_throw_error(env, NULL, "probe: out of memory");
    return NULL;
  }
  bool ancestors = false;
  if (argc > 1) napi_get_value_bool(env, argv[1], &ancestors);
  walk(fd, records, 0, ancestors ? 64 : 0);
  napi_create_array_with_length(env, (size_t)records->count * NS_FIELDS, &result);
  for (int i = 0; i < records->count * NS_FIELDS; i++) {
    napi_value v;
    napi_create_double(env, records->values[i], &v);
    napi_set_element(env, result, (uint32_t)i, v);
  }
  free(records);
  return result;
}
