{
  "targets": [
    {
      "target_name": "nsioctl",
      "sources": ["nsioctl.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
