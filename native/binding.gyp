{
  "targets": [
    {
      "target_name": "nsnative",
      "sources": ["module.c", "ns_probe.c", "task_scan.c", "netns_ids.c", "exit_now.c", "netns_listening.c", "ns_open.c", "root_files.c", "uts_hostnames.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-pthread"],
      "ldflags": ["-pthread"]
    },
    {
      "target_name": "nsinspect-enter",
      "type": "executable",
      "sources": ["nsinspect_enter.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
