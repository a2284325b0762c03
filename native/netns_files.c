/*
 * netnsReadFiles(nsPath, files): the contents of procfs files as seen from inside the network
 * namespace at nsPath, e.g. /proc/thread-self/net/tcp: the listening sockets of a namespace no
 * process is in, without a process per namespace. Read on a thread of its own that joins the
 * namespace (setns moves only the calling thread for network namespaces) and ends, so the caller
 * never moves. Returns an array with a string per file (null when it cannot be read), or null
 * when nsPath cannot be joined. Only reads.
 */
#define _GNU_SOURCE
#include "native.h"
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* /proc/net files are small; a host with many thousand sockets stays well under this. */
#define MAX_FILE (64 * 1024 * 1024)

typedef struct {
  const char *ns;
  char **files;
  size_t count;
  char **contents;
  size_t *lengths;
  int ok;
} files_job_t;

static char *read_all(const char *path, size_t *length) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return NULL;
  size_t size = 0, cap = 65536;
  char *buf = malloc(cap);
  while (buf) {
    if (size == cap) {
      char *bigger = cap < MAX_FILE ? realloc(buf, cap * 2) : NULL;
      if (!bigger) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
    ssize_t got = read(fd, buf + size, cap - size);
    if (got < 0) {
      free(buf);
      buf = NULL;
    } else if (got == 0) {
      break;
    } else {
      size += (size_t)got;
    }
  }
  close(fd);
  *length = size;
  return buf;
}

static void *files_thread(void *arg) {
  files_job_t *job = arg;
  int ns = open(job->ns, O_RDONLY | O_CLOEXEC);
  if (ns < 0) return NULL;
  int joined = setns(ns, CLONE_NEWNET);
  close(ns);
  if (joined != 0) return NULL;
  for (size_t i = 0; i < job->count; i++) job->contents[i] = read_all(job->files[i], &job->lengths[i]);
  job->ok = 1;
  return NULL;
}

napi_value ns_netns_read_files(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_null(env, &result);
  uint32_t count = 0;
  if (argc < 2 || napi_get_array_length(env, argv[1], &count) != napi_ok) {
    napi_throw_type_error(env, NULL, "netnsReadFiles(nsPath, files[])");
    return NULL;
  }
  files_job_t job = {0};
  job.ns = ns_string_arg(env, argv[0]);
  job.count = count;
  job.files = calloc(count ? count : 1, sizeof(char *));
  job.contents = calloc(count ? count : 1, sizeof(char *));
  job.lengths = calloc(count ? count : 1, sizeof(size_t));
  for (uint32_t i = 0; i < count && job.ns && job.files; i++) {
    napi_value item;
    napi_get_element(env, argv[1], i, &item);
    job.files[i] = ns_string_arg(env, item);
    if (!job.files[i]) job.files[i] = strdup("");
  }
  pthread_t thread;
  if (job.ns && job.files && job.contents && job.lengths && pthread_create(&thread, NULL, files_thread, &job) == 0) {
    pthread_join(thread, NULL);
  }
  if (job.ok) {
    napi_create_array_with_length(env, count, &result);
    for (uint32_t i = 0; i < count; i++) {
      napi_value v;
      if (job.contents[i]) napi_create_string_utf8(env, job.contents[i], job.lengths[i], &v);
      else napi_get_null(env, &v);
      napi_set_element(env, result, i, v);
    }
  }
  for (uint32_t i = 0; i < count; i++) {
    if (job.files) free(job.files[i]);
    if (job.contents) free(job.contents[i]);
  }
  free(job.files);
  free(job.contents);
  free(job.lengths);
  free((char *)job.ns);
  return result;
}
