/* The parts of the nsnative addon; module.c registers them. */
#ifndef NSNATIVE_H
#define NSNATIVE_H
#include <node_api.h>
#include <sys/stat.h>

/* A namespace record: dev, ino, CLONE_NEW* type, owner dev, owner ino, parent dev, parent ino,
   owner UID; -1 where the kernel gives none (the top of the visible tree, a type with no parent,
   a namespace that is not a user namespace). */
#define NS_FIELDS 8

/* Fills rec from the namespace open at fd (stat'ed as st) through the NS_GET_* ioctls. Returns
   fds of its owner and parent (or -1) in *owner and *parent: the caller follows or closes them. */
void ns_describe(int fd, const struct stat *st, double rec[NS_FIELDS], int *owner, int *parent);

/* probe(path): namespace ioctls (ns_probe.c). */
napi_value ns_probe(napi_env env, napi_callback_info info);

/* scanTasks(procRoot, pids, nsfsDev, ownPidNs, fdCandidates, threads, nice, onChunk): raw per-process data,
   read on threads of its own and handed over chunk by chunk. */
napi_value ns_scan_tasks(napi_env env, napi_callback_info info);

/* netnsIds(fromPath, toPaths): nsids a network namespace gave to others (netns_ids.c). */
napi_value ns_netns_ids(napi_env env, napi_callback_info info);

/* exitNow(code): _exit at once, for the command line (exit_now.c). */
napi_value ns_exit_now(napi_env env, napi_callback_info info);

/* netnsListening(nsPath): listening TCP and unconnected UDP sockets of a network namespace,
   in /proc/net format (netns_listening.c). */
napi_value ns_netns_listening(napi_env env, napi_callback_info info);

/* rootStat / rootReaddir / rootRead: files of a process's root, resolved inside it with openat2
   RESOLVE_IN_ROOT, pinned to the process by its start time (root_files.c). */
napi_value ns_root_stat(napi_env env, napi_callback_info info);
napi_value ns_root_readdir(napi_env env, napi_callback_info info);
napi_value ns_root_read(napi_env env, napi_callback_info info);
/* rootWrite: a whole file written inside the root (root_files.c). */
napi_value ns_root_write(napi_env env, napi_callback_info info);
/* rootMkdir, rootDelete, rootRename: relative to the parent opened in the root (root_files.c). */
napi_value ns_root_mkdir(napi_env env, napi_callback_info info);
napi_value ns_root_delete(napi_env env, napi_callback_info info);
napi_value ns_root_rename(napi_env env, napi_callback_info info);

/* utsHostnames(paths): the hostname inside each UTS namespace (uts_hostnames.c). */
napi_value ns_uts_hostnames(napi_env env, napi_callback_info info);

/* A JS string argument as a malloc'ed C string (NULL when it is not one). */
char *ns_string_arg(napi_env env, napi_value value);

/* Opens a namespace file for reading; -1 unless it is one (ns_open.c). */
int ns_open(const char *path);

#endif
