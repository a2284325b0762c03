// Capability numbers to names (include/uapi/linux/capability.h, capabilities(7)), and the 64-bit
// masks of /proc/PID/status decoded into them. Bits the table does not know (a newer kernel) keep
// their number: "CAP_41".
const NAMES = [
  'CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP',
  'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'IPC_OWNER',
  'SYS_MODULE', 'SYS_RAWIO', 'SYS_CHROOT', 'SYS_PTRACE', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_NICE',
  'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'LEASE', 'AUDIT_WRITE', 'AUDIT_CONTROL', 'SETFCAP',
  'MAC_OVERRIDE', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'AUDIT_READ', 'PERFMON', 'BPF',
  'CHECKPOINT_RESTORE',
].map((name) => `CAP_${name}`);

export function capabilityName(bit: number): string {
  return NAMES[bit] ?? `CAP_${bit}`;
}

/** The names of the bits set in a 16-hex-digit mask, lowest bit first; null for a malformed mask. */
export function decodeCapabilityMask(mask: string): string[] | null {
  if (!/^[0-9a-f]{1,16}$/i.test(mask)) return null;
  const value = BigInt(`0x${mask}`);
  const names: string[] = [];
  for (let bit = 0; bit < 64; bit++) if ((value >> BigInt(bit)) & 1n) names.push(capabilityName(bit));
  return names;
}
