/* The two halves of the nsnative addon; module.c registers them. */
#ifndef NSNATIVE_H
#define NSNATIVE_H
#include <node_api.h>

/* probe(path): namespace ioctls (ns_probe.c). */
napi_value ns_probe(napi_env env, napi_callback_info info);

/* scanTasks(procRoot, pids, nsfsDev, ownPidNs, fdCandidates): raw per-process data, off the main thread. */
napi_value ns_scan_tasks(napi_env env, napi_callback_info info);

#endif
