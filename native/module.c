/*
 * nsnative: what discovery needs from the kernel that Node.js cannot do or cannot do fast.
 * Node-API is ABI-stable, so one binary per CPU architecture serves Node.js and every
 * Electron-based VS Code. Everything here only reads, except the changes to a container's files
 * that the user allowed (root_files.c: rootWrite, rootMkdir, rootDelete, rootRename).
 */
#include "native.h"

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  napi_value fn;
  napi_create_function(env, "probe", NAPI_AUTO_LENGTH, ns_probe, NULL, &fn);
  napi_set_named_property(env, exports, "probe", fn);
  napi_create_function(env, "scanTasks", NAPI_AUTO_LENGTH, ns_scan_tasks, NULL, &fn);
  napi_set_named_property(env, exports, "scanTasks", fn);
  napi_create_function(env, "netnsIds", NAPI_AUTO_LENGTH, ns_netns_ids, NULL, &fn);
  napi_set_named_property(env, exports, "netnsIds", fn);
  napi_create_function(env, "exitNow", NAPI_AUTO_LENGTH, ns_exit_now, NULL, &fn);
  napi_set_named_property(env, exports, "exitNow", fn);
  napi_create_function(env, "netnsListening", NAPI_AUTO_LENGTH, ns_netns_listening, NULL, &fn);
  napi_set_named_property(env, exports, "netnsListening", fn);
  napi_create_function(env, "rootStat", NAPI_AUTO_LENGTH, ns_root_stat, NULL, &fn);
  napi_set_named_property(env, exports, "rootStat", fn);
  napi_create_function(env, "rootReaddir", NAPI_AUTO_LENGTH, ns_root_readdir, NULL, &fn);
  napi_set_named_property(env, exports, "rootReaddir", fn);
  napi_create_function(env, "rootRead", NAPI_AUTO_LENGTH, ns_root_read, NULL, &fn);
  napi_set_named_property(env, exports, "rootRead", fn);
  napi_create_function(env, "rootWrite", NAPI_AUTO_LENGTH, ns_root_write, NULL, &fn);
  napi_set_named_property(env, exports, "rootWrite", fn);
  napi_create_function(env, "rootMkdir", NAPI_AUTO_LENGTH, ns_root_mkdir, NULL, &fn);
  napi_set_named_property(env, exports, "rootMkdir", fn);
  napi_create_function(env, "rootDelete", NAPI_AUTO_LENGTH, ns_root_delete, NULL, &fn);
  napi_set_named_property(env, exports, "rootDelete", fn);
  napi_create_function(env, "rootRename", NAPI_AUTO_LENGTH, ns_root_rename, NULL, &fn);
  napi_set_named_property(env, exports, "rootRename", fn);
  napi_create_function(env, "utsHostnames", NAPI_AUTO_LENGTH, ns_uts_hostnames, NULL, &fn);
  napi_set_named_property(env, exports, "utsHostnames", fn);
  return exports;
}
