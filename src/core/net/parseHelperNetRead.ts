// What the privileged helper's `net-read TARGET...` prints (see NETREAD in
// helper/nsinspect-helper), split into its parts per target. The parts are then read by the same
// parsers the unprivileged collection uses (parseIpBatch, parseProcNetListing, socketHolders).

export interface NetReadTarget {
  /** The namespace the helper opened for it, "dev:ino" (the key discovery gives it). */
  key?: string;
  /** Output of `ip -j -d -s -b -` with IP_BATCH, run inside. */
  ip?: string;
  /** "FILE:LINE" lines of its /proc/net/{tcp,tcp6,udp,udp6}, read inside. */
  sockets?: string;
  /** nsid (as this namespace's links name it) -> the index of the target it stands for. */
  nsids: Map<number, number>;
  /** Why it could not be read (gone, not a network namespace, ...). */
  error?: string;
}

export interface HelperNetRead {
  nsfsDev: number;
  /** In the order of the targets given. */
  targets: NetReadTarget[];
  /** "/proc/PID/fd/N socket:[INODE]" records of every process. */
  socketFds: string[];
}

/** Sections: NUL, "@@NAME" or "@@NAME INDEX", NUL, then the section's bytes. */
export function parseHelperNetRead(text: string, targetCount: number): HelperNetRead {
  const parts = text.split(/\0@@([a-z]+)(?: (\d+))?\0/);
  const targets: NetReadTarget[] = Array.from({ length: targetCount }, () => ({ nsids: new Map() }));
  const global = new Map<string, string>();
  for (let i = 1; i + 2 < parts.length; i += 3) {
    const [name, index, body] = [parts[i], parts[i + 1], parts[i + 2]];
    if (index === undefined) {
      global.set(name, body);
      continue;
    }
    const target = targets[Number(index)];
    if (!target) throw new Error(`the helper's net-read names target ${index} of ${targetCount}`);
    switch (name) {
      case 'ns': {
        const [dev, ino] = body.trim().split(' ').map(Number);
        target.key = `${dev}:${ino}`;
        break;
      }
      case 'ip':
        target.ip = body;
        break;
      case 'sockets':
        target.sockets = body;
        break;
      case 'nsids':
        for (const line of body.split('\n')) {
          const match = /^(\d+) (\d+)$/.exec(line);
          if (match) target.nsids.set(Number(match[2]), Number(match[1]));
        }
        break;
      case 'error':
        target.error = body.trim();
        break;
    }
  }
  if (!global.has('end')) throw new Error('the helper\'s net-read is incomplete (no end marker)');
  const nsfsDev = Number((global.get('nsfsdev') ?? '').trim());
  if (!Number.isInteger(nsfsDev)) throw new Error('the helper\'s net-read has no nsfs device');
  const socketFds = (global.get('fds') ?? '').split('\0').filter(Boolean);
  for (const [i, target] of targets.entries()) {
    if (target.error === undefined && (target.key === undefined || target.ip === undefined)) target.error = `the helper printed nothing for target ${i}`;
  }
  return { nsfsDev, targets, socketFds };
}
