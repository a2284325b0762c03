/*
 * netnsIds(fromPath, toPaths): the network namespace ids (nsid) that the network namespace at
 * fromPath has given to each namespace in toPaths, as `ip -j link` prints them in link_netnsid.
 * iproute2 names an nsid only for namespaces bind-mounted under /run/netns; this resolves it for
 * any namespace file (/proc/PID/ns/net, a bind mount, an fd) the same way `ip netns list-id`
 * does: RTM_GETNSID with NETNSA_FD, asked from inside fromPath's namespace.
 *
 * The question is asked on a thread of its own that joins fromPath's namespace (setns affects
 * only the calling thread for network namespaces) and ends, so the caller never moves. It only
 * reads: peernet2id does not assign an id. Returns an array of numbers: the nsid, -1 when none
 * is assigned, -2 when that path cannot be opened; null when fromPath cannot be joined.
 */
#define _GNU_SOURCE
#include "native.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct {
  const char *from;
  char **to;
  size_t count;
  int *ids;
  int ok;
} ids_job_t;

static int ask_nsid(int sock, int fd, unsigned seq) {
  struct {
    struct nlmsghdr n;
    struct rtgenmsg g;
    char pad[3];
    struct nlattr a;
    uint32_t fd;
  } req;
  memset(&req, 0, sizeof(req));
  req.n.nlmsg_len = sizeof(req);
  req.n.nlmsg_type = RTM_GETNSID;
  req.n.nlmsg_flags = NLM_F_REQUEST;
  req.n.nlmsg_seq = seq;
  req.g.rtgen_family = AF_UNSPEC;
  req.a.nla_len = NLA_HDRLEN + sizeof(uint32_t);
  req.a.nla_type = NETNSA_FD;
  req.fd = (uint32_t)fd;
  if (send(sock, &req, sizeof(req), 0) < 0) return -1;
  char buf[1024];
  ssize_t len = recv(sock, buf, sizeof(buf), 0);
  if (len < (ssize_t)NLMSG_HDRLEN) return -1;
  struct nlmsghdr *h = (struct nlmsghdr *)buf;
  if (h->nlmsg_type != RTM_NEWNSID) return -1;
  struct rtgenmsg *g = NLMSG_DATA(h);
  struct nlattr *a = (struct nlattr *)((char *)g + NLMSG_ALIGN(sizeof(*g)));
  int rest = (int)h->nlmsg_len - (int)((char *)a - (char *)h);
  while (rest >= (int)NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && (int)a->nla_len <= rest) {
    if (a->nla_type == NETNSA_NSID) {
      int32_t id;
      memcpy(&id, (char *)a + NLA_HDRLEN, sizeof(id));
      return id < 0 ? -1 : id;
    }
    int step = NLA_ALIGN(a->nla_len);
    rest -= step;
    a = (struct nlattr *)((char *)a + step);
  }
  return -1;
}

static void *ids_thread(void *arg) {
  ids_job_t *job = arg;
  int from = ns_open(job->from);
  if (from < 0) return NULL;
  int joined = setns(from, CLONE_NEWNET);
  close(from);
  if (joined != 0) return NULL;
  int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (sock < 0) return NULL;
  struct timeval tv = {2, 0};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  for (size_t i = 0; i < job->count; i++) {
    int fd = ns_open(job->to[i]);
    if (fd < 0) {
      job->ids[i] = -2;
      continue;
    }
    job->ids[i] = ask_nsid(sock, fd, (unsigned)i + 1);
    close(fd);
  }
  close(sock);
  job->ok = 1;
  return NULL;
}

char *ns_string_arg(napi_env env, napi_value value) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &len) != napi_ok) return NULL;
  char *s = malloc(len + 1);
  if (s) napi_get_value_string_utf8(env, value, s, len + 1, &len);
  return s;
}

napi_value ns_netns_ids(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_null(env, &result);
  uint32_t count = 0;
  if (argc < 2 || napi_get_array_length(env, argv[1], &count) != napi_ok) {
    napi_throw_type_error(env, NULL, "netnsIds(fromPath, toPaths[])");
    return NULL;
  }
  ids_job_t job = {0};
  job.from = ns_string_arg(env, argv[0]);
  job.count = count;
  job.to = calloc(count ? count : 1, sizeof(char *));
  job.ids = calloc(count ? count : 1, sizeof(int));
  for (uint32_t i = 0; i < count && job.from; i++) {
    napi_value item;
    napi_get_element(env, argv[1], i, &item);
    job.to[i] = ns_string_arg(env, item);
    if (!job.to[i]) job.to[i] = strdup("");
  }
  pthread_t thread;
  if (job.from && job.to && job.ids && pthread_create(&thread, NULL, ids_thread, &job) == 0) {
    pthread_join(thread, NULL);
  }
  if (job.ok) {
    napi_create_array_with_length(env, count, &result);
    for (uint32_t i = 0; i < count; i++) {
      napi_value v;
      napi_create_int32(env, job.ids[i], &v);
      napi_set_element(env, result, i, v);
    }
  }
  for (uint32_t i = 0; i < count && job.to; i++) free(job.to[i]);
  free(job.to);
  free(job.ids);
  free((char *)job.from);
  return result;
}
