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
 * parent) or ownerUid does not apply. It returns null when the path cannot be opened.
 */
#define _GNU_SOURCE
#include "native.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdbool.h>
#include <stdint.h>

#define NSIO 0xb7
#define NS_GET_USERNS _IO(NSIO, 0x1)
#define NS_GET_PARENT _IO(NSIO, 0x2)
#define NS_GET_NSTYPE _IO(NSIO, 0x3)
#define NS_GET_OWNER_UID _IO(NSIO, 0x4)

#define FIELDS 8
#define MAX_RECORDS 256

typedef struct {
  double values[FIELDS * MAX_RECORDS];
  int count;
} records_t;

static int already_recorded(const records_t *r, double dev, double ino) {
  for (int i = 0; i < r->count; i++) {
    if (r->values[i * FIELDS] == dev && r->values[i * FIELDS + 1] == ino) return 1;
  }
  return 0;
}

/* Records the namespace behind fd, then follows its owner and parent. Closes fd. */
static void walk(int fd, records_t *r, int depth, int max_depth) {
  struct stat st;
  if (r->count >= MAX_RECORDS || fstat(fd, &st) != 0) {
    close(fd);
    return;
  }
  double dev = (double)st.st_dev, ino = (double)st.st_ino;
  if (already_recorded(r, dev, ino)) {
    close(fd);
    return;
  }
  double *rec = &r->values[r->count * FIELDS];
  r->count++;
  rec[0] = dev;
  rec[1] = ino;
  int type = ioctl(fd, NS_GET_NSTYPE);
  rec[2] = type < 0 ? -1 : (double)type;
  rec[3] = rec[4] = rec[5] = rec[6] = rec[7] = -1;

  int owner = ioctl(fd, NS_GET_USERNS);
  int parent = ioctl(fd, NS_GET_PARENT);
  if (type == 0x10000000 /* CLONE_NEWUSER */) {
    uid_t uid;
    if (ioctl(fd, NS_GET_OWNER_UID, &uid) == 0) rec[7] = (double)uid;
  }
  close(fd);

  struct stat ost;
  if (owner >= 0 && fstat(owner, &ost) == 0) {
    rec[3] = (double)ost.st_dev;
    rec[4] = (double)ost.st_ino;
  }
  struct stat pst;
  if (parent >= 0 && fstat(parent, &pst) == 0) {
    rec[5] = (double)pst.st_dev;
    rec[6] = (double)pst.st_ino;
  }
  if (owner >= 0) {
    if (depth < max_depth) walk(owner, r, depth + 1, max_depth);
    else close(owner);
  }
  if (parent >= 0) {
    if (depth < max_depth) walk(parent, r, depth + 1, max_depth);
    else close(parent);
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
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    napi_get_null(env, &result);
    return result;
  }
  static records_t records;
  records.count = 0;
  bool ancestors = false;
  if (argc > 1) napi_get_value_bool(env, argv[1], &ancestors);
  walk(fd, &records, 0, ancestors ? 64 : 0);
  napi_create_array_with_length(env, (size_t)records.count * FIELDS, &result);
  for (int i = 0; i < records.count * FIELDS; i++) {
    napi_value v;
    napi_create_double(env, records.values[i], &v);
    napi_set_element(env, result, (uint32_t)i, v);
  }
  return result;
}
