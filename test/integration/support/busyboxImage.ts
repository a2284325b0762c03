// A container image without a registry: a folder with Debian's static busybox (busybox-static)
// and its applet links, or one with no shell at all, and a process started in it the way an
// engine would: chrooted, in new mount/PID/UTS/net/IPC namespaces, with fewer capabilities and
// no_new_privs. Made under a directory of the caller's, killed by the NamespaceLab.
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { deepestDescendant, waitForCommand, type NamespaceLab } from './namespaces';

export const BUSYBOX = '/bin/busybox';
const APPLETS = ['sh', 'ps', 'sleep', 'cat', 'grep', 'id', 'ls', 'hostname', 'readlink', 'wc'];

/** A root with /bin/busybox and links for the applets the tests use; /bin/sh is the image's shell. */
export function busyboxRoot(dir: string, name: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'proc'));
  mkdirSync(join(root, 'work'));
  copyFileSync(BUSYBOX, join(root, 'bin', 'busybox'));
  for (const applet of APPLETS) symlinkSync('busybox', join(root, 'bin', applet));
  return root;
}

/** A root with only a static binary that is no shell by its name: /sleep (busybox picks its applet by argv[0]). */
export function shelllessRoot(dir: string, name: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'proc'), { recursive: true });
  copyFileSync(BUSYBOX, join(root, 'sleep'));
  return root;
}

export interface ImageProcessOptions {
  /** Capabilities dropped from the bounding set (capsh names). */
  drop: string[];
  hostname: string;
  /** capsh options for the credentials (e.g. --uid=N), given after the chroot and the drop. */
  credentials?: string[];
  /** What runs in the root, argv[0] a path inside it. */
  command: string[];
}

/** Starts `command` chrooted into root in new namespaces, with /proc mounted; its PID once it runs. */
export async function startInImage(lab: NamespaceLab, root: string, options: ImageProcessOptions): Promise<number> {
  // The root, hostname and capsh arguments go as "$1", "$2" and the rest: no path is spliced into the script.
  const script = 'mount -t proc proc "$1/proc" && hostname "$2" && root=$1 && shift 2 && exec capsh "--chroot=$root" "$@"';
  const [program, ...args] = options.command;
  const capsh = [`--drop=${options.drop.join(',')}`, ...(options.credentials ?? []), '--no-new-privs', `--shell=${program}`, '--', ...args];
  const child = lab.start(['unshare', '--mount', '--pid', '--uts', '--net', '--ipc', '--fork', '--propagation', 'private', '--', 'sh', '-c', script, 'sh', root, options.hostname, ...capsh]);
  const pid = await deepestDescendant(child.pid!, 1);
  await waitForCommand(pid, program.split('/').pop()!);
  return pid;
}
