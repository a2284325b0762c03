// Real container engines for the integration tests: a local busybox image (no registry), the
// daemons a test needs (started only if not already running, stopped only if started here),
// containers with names of their own ("nsi-containers-..."), and the host left as found:
// containers, bridges, nft tables, forwarding sysctls, engine cgroup folders, /run/user/UID.
// Facts behind each flag: /work/shared/design/CONTAINERS.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TAG = 'nsi-containers';
const WORK = `/tmp/${TAG}-engines`;
export const IMAGE = `${TAG}-busybox`;
const PODMAN_SOCKET = '/run/podman/podman.sock';
export const DOCKER_SOCKET = '/run/docker.sock';
/** Podman here: runc (crun refuses the hybrid cgroup layout) and limits root may set. */
export const PODMAN_RUN_FLAGS = ['--runtime', 'runc', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024'];
const SYSCTLS = ['net/ipv4/ip_forward', 'net/ipv6/conf/all/forwarding', 'net/ipv6/conf/default/forwarding', 'net/ipv4/conf/all/forwarding'];
const BRIDGES = ['docker0', 'podman0', 'lxcbr0', 'cni-podman0'];
/** The engines' state folders: removed at the end when the lab's daemons made them. */
const STATE_DIRS = ['/run/docker', '/run/containerd', '/run/containers', '/run/libpod', '/run/lxc', '/run/systemd/nspawn', '/var/lib/docker', '/var/lib/containerd', '/var/lib/containers'];

/** Mount points under a folder, deepest first (dockerd leaves /run/docker/netns/default, an nsfs bind mount). */
function mountsUnder(dir: string): string[] {
  const points = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((line) => line.split(' ')[4]).filter((point): point is string => !!point);
  return points.filter((point) => point === dir || point.startsWith(`${dir}/`)).sort((a, b) => b.length - a.length);
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** argv only, never a shell string. */
export function run(argv: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Run {
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', input: options.input, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: (result.stderr ?? '') + (result.error ? String(result.error) : '') };
}

export function must(argv: string[], options: Parameters<typeof run>[1] = {}): string {
  const result = run(argv, options);
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr.trim()}`);
  return result.stdout;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every folder below the cgroup roots, to remove what the engines leave behind. */
function cgroupFolders(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      found.add(full);
      walk(full, depth + 1);
    }
  };
  for (const root of fs.readdirSync('/sys/fs/cgroup')) walk(path.join('/sys/fs/cgroup', root), 0);
  return found;
}

function nftTables(): Set<string> {
  return new Set(run(['nft', 'list', 'tables']).stdout.split('\n').filter(Boolean));
}

/** Every process below `pid`, deepest first. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s*(\d+)/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))![1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Exited.
    }
  }
  const below = (p: number): number[] => (children.get(p) ?? []).flatMap((c) => [...below(c), c]);
  return below(pid);
}

/** A process we started, with its pid and the output it wrote. */
interface Daemon {
  name: string;
  child: ChildProcess;
}

/**
 * One lab per test file: make the image, start what is asked, clean up in `cleanup()` (call it in
 * `after`, it runs however the tests ended).
 */
export class EngineLab {
  private readonly daemons: Daemon[] = [];
  private readonly cleanups: (() => void)[] = [];
  private readonly sysctls = new Map<string, string>();
  private readonly linksBefore = new Set(run(['ip', '-o', 'link', 'show']).stdout.split('\n').map((line) => line.split(': ')[1]?.split('@')[0]));
  private readonly nftBefore = nftTables();
  private readonly cgroupsBefore = cgroupFolders();
  private readonly stateDirsBefore = new Set(STATE_DIRS.filter((dir) => fs.existsSync(dir)));
  readonly rootfs = path.join(WORK, 'rootfs');
  readonly tarball = path.join(WORK, 'rootfs.tar');

  constructor() {
    for (const name of SYSCTLS) {
      try {
        this.sysctls.set(name, fs.readFileSync(`/proc/sys/${name}`, 'utf8'));
      } catch {
        // Not on this kernel.
      }
    }
  }

  /** A busybox-static tree with passwd, group and os-release (nspawn refuses a tree without one). */
  makeImage(): void {
    if (fs.existsSync(this.tarball)) return;
    fs.rmSync(WORK, { recursive: true, force: true });
    for (const dir of ['bin', 'etc', 'usr/lib', 'proc', 'sys', 'dev', 'tmp', 'run', 'var', 'root']) fs.mkdirSync(path.join(this.rootfs, dir), { recursive: true });
    fs.copyFileSync('/bin/busybox', path.join(this.rootfs, 'bin/busybox'));
    fs.chmodSync(path.join(this.rootfs, 'bin/busybox'), 0o755);
    for (const applet of must(['/bin/busybox', '--list']).split('\n').filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox')) {
      fs.symlinkSync('busybox', path.join(this.rootfs, 'bin', applet));
    }
    fs.writeFileSync(path.join(this.rootfs, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    fs.writeFileSync(path.join(this.rootfs, 'etc/group'), 'root:x:0:\n');
    fs.writeFileSync(path.join(this.rootfs, 'usr/lib/os-release'), `ID=${TAG}\nNAME="${TAG} busybox"\n`);
    fs.symlinkSync('../usr/lib/os-release', path.join(this.rootfs, 'etc/os-release'));
    must(['tar', '-C', this.rootfs, '-cf', this.tarball, '.']);
    this.cleanups.push(() => fs.rmSync(WORK, { recursive: true, force: true }));
  }

  private startDaemon(name: string, argv: string[], env?: NodeJS.ProcessEnv): void {
    const log = fs.openSync(path.join(WORK, `${name}.log`), 'a');
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', log, log], env: env ?? process.env });
    fs.closeSync(log);
    this.daemons.push({ name, child });
  }

  async containerd(): Promise<void> {
    this.makeImage();
    if (run(['ctr', 'version'], { timeoutMs: 5000 }).status === 0) return;
    this.startDaemon('containerd', ['containerd']);
    await waitFor('containerd', () => run(['ctr', 'version'], { timeoutMs: 5000 }).status === 0);
  }

  async docker(): Promise<void> {
    await this.containerd();
    if (run(['docker', 'version'], { timeoutMs: 5000 }).status !== 0) {
      // Without --iptables=false Docker turns the host's FORWARD policy to DROP (other tests' bridges break).
      this.startDaemon('dockerd', ['dockerd', '--containerd=/run/containerd/containerd.sock', '--iptables=false', '--ip-forward=false', `--host=unix://${DOCKER_SOCKET}`]);
      await waitFor('dockerd', () => run(['docker', 'version'], { timeoutMs: 5000 }).status === 0, 60_000);
    }
    if (run(['docker', 'image', 'inspect', IMAGE]).status !== 0) {
      must(['docker', 'import', this.tarball, IMAGE]);
      this.cleanups.push(() => run(['docker', 'image', 'rm', '-f', IMAGE]));
    }
  }

  /** Rootful Podman with its API service on /run/podman/podman.sock. */
  async podman(): Promise<void> {
    this.makeImage();
    if (run(['podman', 'image', 'exists', `localhost/${IMAGE}`]).status !== 0) {
      must(['podman', 'import', this.tarball, `localhost/${IMAGE}`]);
      this.cleanups.push(() => run(['podman', 'image', 'rm', '-f', `localhost/${IMAGE}`]));
    }
    if (!fs.existsSync(PODMAN_SOCKET)) {
      if (!fs.existsSync(path.dirname(PODMAN_SOCKET))) this.cleanups.unshift(() => fs.rmSync(path.dirname(PODMAN_SOCKET), { recursive: true, force: true }));
      fs.mkdirSync(path.dirname(PODMAN_SOCKET), { recursive: true });
      this.startDaemon('podman-service', ['podman', 'system', 'service', '--time=0', `unix://${PODMAN_SOCKET}`]);
      await waitFor('the podman service', () => fs.existsSync(PODMAN_SOCKET));
    }
  }

  /** Image for containerd's namespace k8s.io, through a docker save archive. */
  async containerdImage(): Promise<string> {
    await this.docker();
    const archive = path.join(WORK, 'image.tar');
    if (!fs.existsSync(archive)) must(['docker', 'save', '-o', archive, IMAGE]);
    must(['ctr', '-n', 'k8s.io', 'images', 'import', archive]);
    const ref = `docker.io/library/${IMAGE}:latest`;
    this.cleanups.push(() => run(['ctr', '-n', 'k8s.io', 'images', 'rm', ref]));
    return ref;
  }

  /** A Docker container running `sleep`; removed at cleanup. */
  dockerRun(name: string, extra: string[] = [], command = ['sleep', '3600']): string {
    this.cleanups.push(() => run(['docker', 'rm', '-f', name]));
    return must(['docker', 'run', '-d', '--name', name, ...extra, IMAGE, ...command]).trim();
  }

  podmanRun(name: string, extra: string[] = []): string {
    this.cleanups.push(() => run(['podman', 'rm', '-f', '-t', '0', name]));
    return must(['podman', 'run', '-d', ...PODMAN_RUN_FLAGS, '--network', 'none', '--name', name, ...extra, `localhost/${IMAGE}`, 'sleep', '3600']).trim();
  }

  /** A containerd task in namespace k8s.io; `extra` for --cgroup, --with-ns, --annotation. */
  ctrRun(image: string, id: string, extra: string[] = []): void {
    this.cleanups.push(() => {
      run(['ctr', '-n', 'k8s.io', 'tasks', 'kill', '-s', 'SIGKILL', id]);
      for (let i = 0; i < 20 && run(['ctr', '-n', 'k8s.io', 'tasks', 'delete', id]).status !== 0 && run(['ctr', '-n', 'k8s.io', 'tasks', 'ls', '-q']).stdout.split('\n').includes(id); i++) {
        spawnSync('sleep', ['0.2']);
      }
      run(['ctr', '-n', 'k8s.io', 'containers', 'rm', id]);
    });
    must(['ctr', '-n', 'k8s.io', 'run', '-d', ...extra, image, id, 'sleep', '3600']);
  }

  /** The host PID of a containerd task. */
  ctrPid(id: string): number {
    const line = must(['ctr', '-n', 'k8s.io', 'tasks', 'ls']).split('\n').find((l) => l.split(/\s+/)[0] === id);
    return Number(line?.split(/\s+/)[1]);
  }

  lxcStart(name: string): void {
    this.cleanups.push(() => {
      run(['lxc-stop', '-k', '-n', name]);
      run(['lxc-destroy', '-n', name]);
    });
    must(['lxc-create', '-n', name, '-t', 'busybox']);
    const config = `/var/lib/lxc/${name}/config`;
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^lxc\.net\.0\.type\s*=.*$/m, '') + '\nlxc.net.0.type = empty\n');
    must(['lxc-start', '-n', name, '-d', '-s', 'lxc.init.cmd=/bin/busybox sleep 3600']);
  }

  lxcPid(name: string): number {
    return Number(must(['lxc-info', '-n', name, '-p', '-H']).trim());
  }

  /** systemd-nspawn without machined (no system bus here): --register=no --keep-unit. */
  async nspawn(name: string): Promise<ChildProcess> {
    this.makeImage();
    const child = spawn('systemd-nspawn', ['--quiet', '--register=no', '--keep-unit', `--machine=${name}`, '--private-network', '-D', this.rootfs, '/bin/busybox', 'sleep', '3600'], { detached: true, stdio: 'ignore' });
    this.cleanups.push(() => {
      // The payload is in a session of its own: killing nspawn alone would orphan it.
      for (const pid of [...descendants(child.pid!), child.pid!]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
      spawnSync('sleep', ['0.3']);
      fs.rmSync(`/run/systemd/nspawn/propagate/${name}`, { recursive: true, force: true });
    });
    return child;
  }

  /**
   * Rootless Podman as a user that exists only in throwaway mount namespaces: each command runs in
   * a fresh one whose /etc/passwd, /etc/group, /etc/subuid and /etc/subgid are copies with the
   * user added (bind mounts; the host's files are never written). /run/user/UID is made by hand
   * (no logind here) and removed again; vfs storage, runc, no network (no slirp4netns needed).
   */
  rootlessPodman(uid: number): (args: string[]) => Run {
    this.makeImage();
    const user = `${TAG}-u${uid}`;
    const home = path.join(WORK, `home-${uid}`);
    const etc = path.join(WORK, `etc-${uid}`);
    const runtime = `/run/user/${uid}`;
    if (!fs.existsSync(etc)) {
      fs.mkdirSync(etc, { recursive: true });
      fs.mkdirSync(home, { recursive: true });
      fs.chownSync(home, uid, uid);
      const madeRuntime = !fs.existsSync(runtime);
      fs.mkdirSync(runtime, { recursive: true, mode: 0o700 });
      fs.chownSync(runtime, uid, uid);
      const append = (file: string, line: string) => fs.writeFileSync(path.join(etc, path.basename(file)), `${fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''}${line}\n`);
      append('/etc/passwd', `${user}:x:${uid}:${uid}::${home}:/bin/sh`);
      append('/etc/group', `${user}:x:${uid}:`);
      append('/etc/subuid', `${user}:2000000:65536`);
      append('/etc/subgid', `${user}:2000000:65536`);
      this.cleanups.push(() => {
        // The user's pause process (catatonit -P) holds its user namespace; it is only ours to stop.
        for (const entry of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
          try {
            const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
            if (new RegExp(`^Uid:\\s+${uid}\\s`, 'm').test(status)) process.kill(Number(entry), 'SIGKILL');
          } catch {
            // Gone.
          }
        }
        spawnSync('sleep', ['0.3']);
        if (madeRuntime) fs.rmSync(runtime, { recursive: true, force: true });
        fs.rmSync(home, { recursive: true, force: true });
        fs.rmSync(etc, { recursive: true, force: true });
      });
    }
    // A fixed script; the podman arguments reach it as "$@", never as shell text.
    const script = 'for f in passwd group subuid subgid; do [ -e /etc/$f ] || : > /etc/$f; mount --bind "$ETC/$f" /etc/$f; done; exec setpriv --reuid="$UID_" --regid="$UID_" --clear-groups --inh-caps=-all podman --storage-driver vfs --runtime runc "$@"';
    const env = { PATH: process.env.PATH, HOME: home, XDG_RUNTIME_DIR: runtime, ETC: etc, UID_: String(uid), USER: user };
    const argv = (args: string[]) => ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', ...args];
    this.rootlessArgv.set(uid, { argv, env });
    return (args) => run(argv(args), { env });
  }

  private readonly rootlessArgv = new Map<number, { argv: (args: string[]) => string[]; env: NodeJS.ProcessEnv }>();

  /** The rootless user's API service on /run/user/UID/podman/podman.sock (after rootlessPodman). */
  async rootlessPodmanService(uid: number): Promise<string> {
    const { argv, env } = this.rootlessArgv.get(uid)!;
    const socket = `/run/user/${uid}/podman/podman.sock`;
    // Podman does not make the folder of a socket named on its command line.
    fs.mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
    fs.chownSync(path.dirname(socket), uid, uid);
    this.startDaemon(`podman-service-${uid}`, argv(['system', 'service', '--time=0', `unix://${socket}`]), env);
    await waitFor('the rootless podman service', () => fs.existsSync(socket));
    return socket;
  }

  /** Stops what was started here and puts the host back: call in `after`. */
  async cleanup(): Promise<void> {
    for (const undo of this.cleanups.splice(0).reverse()) {
      try {
        undo();
      } catch {
        // Keep cleaning.
      }
    }
    for (const daemon of this.daemons.splice(0).reverse()) {
      try {
        process.kill(daemon.child.pid!, 'SIGTERM');
      } catch {
        continue;
      }
      const until = Date.now() + 20_000;
      while (Date.now() < until && fs.existsSync(`/proc/${daemon.child.pid}`) && !/^State:\s*Z/m.test(fs.readFileSync(`/proc/${daemon.child.pid}/status`, 'utf8'))) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      try {
        process.kill(daemon.child.pid!, 'SIGKILL');
      } catch {
        // Ended.
      }
    }
    for (const dir of STATE_DIRS) {
      if (this.stateDirsBefore.has(dir) || !fs.existsSync(dir)) continue;
      for (const point of mountsUnder(dir)) run(['umount', '-l', point]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const link of BRIDGES) if (!this.linksBefore.has(link)) run(['ip', 'link', 'delete', link]);
    for (const table of nftTables()) if (!this.nftBefore.has(table)) run(['nft', 'delete', ...table.split(' ')]);
    for (const [name, value] of this.sysctls) {
      try {
        fs.writeFileSync(`/proc/sys/${name}`, value);
      } catch {
        // Read-only here.
      }
    }
    // Deepest first: a folder goes only once its children have.
    const left = [...cgroupFolders()].filter((dir) => !this.cgroupsBefore.has(dir)).sort((a, b) => b.length - a.length);
    for (const dir of left) {
      try {
        fs.rmdirSync(dir);
      } catch {
        // Still in use.
      }
    }
  }
}
