/*
 * netnsListening(nsPath): the listening TCP sockets and unconnected UDP sockets of the network
 * namespace at nsPath, as the text of /proc/net/{tcp,tcp6,udp,udp6} (a header line, then one
 * line per socket with the same fields), so one parser reads both. Asked of the kernel through
 * sock_diag (NETLINK_SOCK_DIAG, inet_diag with a state filter), which walks only the listening
 * hash: reading /proc/net/tcp walks the whole established hash, about 7 ms a file on this host,
 * in every namespace. When sock_diag is not there, the /proc file itself is read (all of it;
 * the parser keeps the listening ones).
 *
 * Read on a thread of its own that joins the namespace (setns moves only the calling thread for
 * network namespaces) and ends, so the caller never moves. Returns an array of 4 strings, or null
 * when nsPath cannot be joined. Only reads.
 */
#define _GNU_SOURCE
#include "native.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define TCP_LISTEN_STATE 10
#define TCP_CLOSE_STATE 7
#define HEADER "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"

typedef struct {
  char *data;
  size_t len, cap;
} text_t;

static int append(text_t *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 4096;
    while (cap < t->len + n + 1) cap *= 2;
    char *bigger = realloc(t->data, cap);
    if (!bigger) return -1;
    t->data = bigger;
    t->cap = cap;
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = '\0';
  return 0;
}

/* One /proc/net line: the address words as the kernel prints them there (%08X of each 32-bit
   word as it lies in memory), the port in host order. */
static int append_socket(text_t *t, unsigned n, const struct inet_diag_msg *m) {
  char line[256], addr[33] = "", rem[33] = "";
  int words = m->idiag_family == AF_INET6 ? 4 : 1;
  for (int i = 0; i < words; i++) {
    snprintf(addr + 8 * i, 9, "%08X", m->id.idiag_src[i]);
    snprintf(rem + 8 * i, 9, "%08X", m->id.idiag_dst[i]);
  }
  int len = snprintf(line, sizeof(line), "%4u: %s:%04X %s:%04X %02X 00000000:00000000 00:00000000 00000000 %5u        0 %u\n", n, addr,
                     ntohs(m->id.idiag_sport), rem, ntohs(m->id.idiag_dport), m->idiag_state, m->idiag_uid, m->idiag_inode);
  return len > 0 ? append(t, line, (size_t)len) : -1;
}

/* The sockets of one family and protocol in one state, through sock_diag; -1 when it cannot answer. */
static int diag_dump(int family, int protocol, int state, text_t *out) {
  int sock = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (sock < 0) return -1;
  struct timeval tv = {2, 0};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  struct {
    struct nlmsghdr n;
    struct inet_diag_req_v2 r;
  } req;
  memset(&req, 0, sizeof(req));
  req.n.nlmsg_len = sizeof(req);
  req.n.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  req.n.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.n.nlmsg_seq = 1;
  req.r.sdiag_family = (unsigned char)family;
  req.r.sdiag_protocol = (unsigned char)protocol;
  req.r.idiag_states = 1u << state;
  if (send(sock, &req, sizeof(req), 0) < 0) {
    close(sock);
    return -1;
  }
  char buf[65536];
  unsigned count = 0;
  int result = -1;
  for (;;) {
    ssize_t got = recv(sock, buf, sizeof(buf), 0);
    if (got <= 0) break;
    struct nlmsghdr *h = (struct nlmsghdr *)buf;
    int done = 0, failed = 0;
    for (; got > 0 && NLMSG_OK(h, (int)got); h = NLMSG_NEXT(h, got)) {
      if (h->nlmsg_type == NLMSG_DONE) {
        done = 1;
        break;
      }
      if (h->nlmsg_type == NLMSG_ERROR || h->nlmsg_len < NLMSG_LENGTH(sizeof(struct inet_diag_msg))) {
        failed = 1;
        break;
      }
      const struct inet_diag_msg *m = NLMSG_DATA(h);
      if (m->idiag_state == state && append_socket(out, count++, m) != 0) {
        failed = 1;
        break;
      }
    }
    if (failed) break;
    if (done) {
      result = 0;
      break;
    }
  }
  close(sock);
  return result;
}

static int read_file(const char *path, text_t *out) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char buf[65536];
  ssize_t got;
  while ((got = read(fd, buf, sizeof(buf))) > 0) {
    if (append(out, buf, (size_t)got) != 0) break;
  }
  close(fd);
  return got == 0 ? 0 : -1;
}

static const struct {
  const char *file;
  int family, protocol, state;
} KINDS[4] = {
    {"/proc/thread-self/net/tcp", AF_INET, IPPROTO_TCP, TCP_LISTEN_STATE},
    {"/proc/thread-self/net/tcp6", AF_INET6, IPPROTO_TCP, TCP_LISTEN_STATE},
    {"/proc/thread-self/net/udp", AF_INET, IPPROTO_UDP, TCP_CLOSE_STATE},
    {"/proc/thread-self/net/udp6", AF_INET6, IPPROTO_UDP, TCP_CLOSE_STATE},
};

typedef struct {
  const char *ns;
  text_t texts[4];
  int ok;
} listening_job_t;

static void *listening_thread(void *arg) {
  listening_job_t *job = arg;
  int ns = ns_open(job->ns);
  if (ns < 0) return NULL;
  int joined = setns(ns, CLONE_NEWNET);
  close(ns);
  if (joined != 0) return NULL;
  for (int i = 0; i < 4; i++) {
    text_t *t = &job->texts[i];
    append(t, HEADER, strlen(HEADER));
    if (diag_dump(KINDS[i].family, KINDS[i].protocol, KINDS[i].state, t) != 0) {
      t->len = 0;
      if (read_file(KINDS[i].file, t) != 0) t->len = 0;
    }
  }
  job->ok = 1;
  return NULL;
}

napi_value ns_netns_listening(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_null(env, &result);
  if (argc < 1) {
    napi_throw_type_error(env, NULL, "netnsListening(nsPath)");
    return NULL;
  }
  listening_job_t job;
  memset(&job, 0, sizeof(job));
  job.ns = ns_string_arg(env, argv[0]);
  pthread_t thread;
  if (job.ns && pthread_create(&thread, NULL, listening_thread, &job) == 0) pthread_join(thread, NULL);
  if (job.ok) {
    napi_create_array_with_length(env, 4, &result);
    for (uint32_t i = 0; i < 4; i++) {
      napi_value v;
      napi_create_string_utf8(env, job.texts[i].data ? job.texts[i].data : "", job.texts[i].len, &v);
      napi_set_element(env, result, i, v);
    }
  }
  for (int i = 0; i < 4; i++) free(job.texts[i].data);
  free((char *)job.ns);
  return result;
}
