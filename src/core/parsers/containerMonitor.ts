// The engines' monitor processes: each is the parent of a container's first process and names
// the container in its argv. Captured argv: test/fixtures/containers/.
import type { ContainerRef } from '../model/container';

/** The container whose monitor this argv is, or null. `uid` is the monitor process' owner. */
export function containerFromMonitor(argv: readonly string[], uid: number): ContainerRef | null {
  const program = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '';
  if (program === 'conmon') return conmon(argv, uid);
  if (program.startsWith('containerd-shim')) return containerdShim(argv);
  if (program === 'systemd-nspawn') return nspawn(argv);
  if (program === 'lxc-start') return lxcStart(argv);
  // A daemonised lxc-start renames itself: "[lxc monitor] /var/lib/lxc NAME".
  if (argv[0]?.startsWith('[lxc monitor] ')) return lxcMonitor(argv);
  return null;
}

/** The value of a flag in "-f V", "--flag V" or "--flag=V" form; the first occurrence. */
function flagValue(argv: readonly string[], names: readonly string[], skipValueOf: readonly string[] = []): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (skipValueOf.includes(arg)) {
      i++;
      continue;
    }
    if (arg === '--') return undefined;
    for (const name of names) {
      if (arg === name) return argv[i + 1];
      if (name.startsWith('--') && arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

const HEX64 = /^[0-9a-f]{64}$/;

function conmon(argv: readonly string[], uid: number): ContainerRef | null {
  // --exit-command-arg values are podman's own argv (they carry the id again, never a name flag).
  const skip = ['--exit-command-arg', '--runtime-arg', '--log-path', '--log-tag'];
  const id = flagValue(argv, ['-c', '--cid'], skip)?.toLowerCase();
  if (!id || !HEX64.test(id)) return null;
  const name = flagValue(argv, ['-n', '--name'], skip);
  return { engine: 'podman', id, ...(name ? { monitorName: name } : {}), ...(uid !== 0 ? { ownerUid: uid } : {}) };
}

function containerdShim(argv: readonly string[]): ContainerRef | null {
  const namespace = flagValue(argv, ['-namespace', '--namespace']);
  const id = flagValue(argv, ['-id', '--id']);
  if (!namespace || !id) return null;
  // Docker's containers live in containerd's "moby" namespace.
  if (namespace === 'moby') return { engine: 'docker', id };
  return { engine: 'containerd', id, namespace };
}

function nspawn(argv: readonly string[]): ContainerRef | null {
  let name = flagValue(argv, ['-M', '--machine']);
  if (!name) {
    // Without --machine, nspawn names the machine after its directory or image.
    const dir = flagValue(argv, ['-D', '--directory', '-i', '--image'])?.replace(/\/+$/, '');
    name = dir ? dir.slice(dir.lastIndexOf('/') + 1) : undefined;
  }
  return name ? { engine: 'nspawn', id: name, monitorName: name } : null;
}

function lxcStart(argv: readonly string[]): ContainerRef | null {
  const name = flagValue(argv, ['-n', '--name']);
  return name ? { engine: 'lxc', id: name, monitorName: name } : null;
}

function lxcMonitor(argv: readonly string[]): ContainerRef | null {
  // "[lxc monitor] LXCPATH NAME" as one argument (the monitor rewrites its whole command line).
  const match = /^\[lxc monitor\] \S+ (.+)$/s.exec(argv.join(' '));
  return match ? { engine: 'lxc', id: match[1], monitorName: match[1] } : null;
}
