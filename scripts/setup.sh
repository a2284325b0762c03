#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine: the Debian packages the build and the tests
# need (installed when missing, as root or through sudo), then the npm packages (npm ci, which
# also builds the native addon). The VS Code server for the extension tests is provisioned on
# first use by `npm test` / `npm start` (scripts/vscode-setup.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

# What each is for: the native addon (python3, make, g++), real namespaces in tests (iproute2,
# util-linux, procps), the browser tests (chromium), the VS Code server's native modules
# (libkrb5-dev), the benchmark's peak-memory figure (time), the helper's capture verb (tcpdump),
# the "run through sudo" route of isolated terminals and shells and the browser test of the
# privileged view through a sudoers rule (sudo), multi-range user namespace maps through
# newuidmap/newgidmap (uidmap), the walkthrough's veth experiment and its test (iputils-ping),
# container images without a registry for the Open Shell tests (busybox-static: one static binary
# a chrooted "image" can run; capsh from libcap2-bin starts it), the host tools Trace Syscalls and
# Attach gdb run against container processes, and their tests (strace, gdb).
packages=(python3 make g++ iproute2 util-linux procps chromium libkrb5-dev time tcpdump sudo uidmap iputils-ping busybox-static libcap2-bin strace gdb)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "setup: missing Debian packages: ${missing[*]}; install them with: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# newuidmap/newgidmap (unshare --map-users/--map-groups) refuse even root IDs that /etc/subuid and
# /etc/subgid do not give it; the ID-maps tests map root's range, so root gets one when it has
# none (as useradd gives a new user; 1000000 is above where useradd starts, 100000).
if [[ $(id -u) -eq 0 ]]; then
  for file in /etc/subuid /etc/subgid; do
    grep -qE '^(root|0):' "$file" 2>/dev/null || { echo "setup: adding root:1000000:65536 to $file"; echo 'root:1000000:65536' >> "$file"; }
  done
fi

# The real container engines the container tests start (test/integration/support/engines.ts):
# Docker, Podman (rootful and rootless: runc, conmon, netavark, slirp4netns, catatonit), containerd
# with ctr, LXC, systemd-nspawn, and busybox-static for the local image (no registry is reached).
# A temporary policy-rc.d that exits 101 keeps the package scripts from starting any daemon: a
# test starts the ones it needs and stops them again.
engines=(docker.io containerd podman crun runc conmon netavark aardvark-dns containernetworking-plugins
  slirp4netns uidmap fuse-overlayfs catatonit lxc systemd-container busybox-static iptables nftables)
missing=()
for package in "${engines[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})) && [[ $(id -u) -eq 0 ]]; then
  echo "setup: installing the container engines: ${missing[*]}"
  policy=/usr/sbin/policy-rc.d
  had_policy=0; [[ -e $policy ]] && had_policy=1
  ((had_policy)) || { printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; }
  trap '((had_policy)) || rm -f "$policy"' EXIT
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  ((had_policy)) || rm -f "$policy"
  trap - EXIT
elif ((${#missing[@]})); then
  echo "setup: the container tests need: ${missing[*]} (install them as root with a policy-rc.d that exits 101)" >&2
fi

npm ci --no-audit --no-fund
