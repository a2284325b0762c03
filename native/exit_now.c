/*
 * exitNow(code): ends the process at once with _exit(), for the command line once its output is
 * written (synchronously). Node's own exit first shuts its platform down, which waits for
 * background work still running (an optimizing compile, concurrent marking): 5 to 200 ms after a
 * large discovery, measured. Nothing is left to flush: output goes out with writeSync.
 */
#include "native.h"
#include <unistd.h>

napi_value ns_exit_now(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t code = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) == napi_ok && argc >= 1) napi_get_value_int32(env, argv[0], &code);
  _exit(code);
}
