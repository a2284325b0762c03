/*
 * utsHostnames(paths): the hostname (uname's nodename) of the UTS namespace at each path, what
 * `hostname` prints inside it. No file under /proc/PID holds another namespace's hostname
 * (/proc/sys/kernel/hostname answers for the reader's namespace, and /proc/PID/root/proc may be
 * any procfs), so one short-lived thread joins each namespace in turn and asks uname: setns with
 * CLONE_NEWUTS moves only the calling thread, and the thread ends, so the caller never moves.
 * Returns an array of strings, null where a path does not open a UTS namespace or cannot be
 * joined (joining needs CAP_SYS_ADMIN over the namespace's owner).
 */
#define _GNU_SOURCE
#include "native.h"
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

typedef struct {
  char **paths;
  size_t count;
  /* One nodename per path, "" with found[i] == 0 where it could not be read. */
  struct utsname *names;
  char *found;
} uts_job_t;

static void *uts_thread(void *arg) {
  uts_job_t *job = arg;
  for (size_t i = 0; i < job->count; i++) {
    int fd = job->paths[i] ? ns_open(job->paths[i]) : -1;
    if (fd < 0) continue;
    int joined = setns(fd, CLONE_NEWUTS);
    close(fd);
    if (joined == 0 && uname(&job->names[i]) == 0) job->found[i] = 1;
  }
  return NULL;
}

napi_value ns_uts_hostnames(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t count = 0;
  if (argc < 1 || napi_get_array_length(env, argv[0], &count) != napi_ok) {
    napi_throw_type_error(env, NULL, "utsHostnames(paths[])");
    return NULL;
  }
  uts_job_t job = {0};
  job.count = count;
  job.paths = calloc(count ? count : 1, sizeof(char *));
  job.names = calloc(count ? count : 1, sizeof(struct utsname));
  job.found = calloc(count ? count : 1, 1);
  if (job.paths && job.names && job.found) {
    for (uint32_t i = 0; i < count; i++) {
      napi_value item;
      napi_get_element(env, argv[0], i, &item);
      job.paths[i] = ns_string_arg(env, item);
    }
    pthread_t thread;
    if (pthread_create(&thread, NULL, uts_thread, &job) == 0) pthread_join(thread, NULL);
  }
  napi_create_array_with_length(env, count, &result);
  for (uint32_t i = 0; i < count; i++) {
    napi_value v;
    if (job.found && job.found[i]) {
      struct utsname *u = &job.names[i];
      napi_create_string_utf8(env, u->nodename, strnlen(u->nodename, sizeof u->nodename), &v);
    } else {
      napi_get_null(env, &v);
    }
    napi_set_element(env, result, i, v);
  }
  for (uint32_t i = 0; i < count && job.paths; i++) free(job.paths[i]);
  free(job.paths);
  free(job.names);
  free(job.found);
  return result;
}
