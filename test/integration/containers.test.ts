// Real engines, real containers with names of their own: attribution (cgroup path and monitor
// ancestry), names and facts from the engines' own state. Run as root.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { discover } from '../../src/core/discovery/discover';
import { collectTopology } from '../../src/core/net/collectTopology';
import { containerTooltip } from '../../src/core/tree/containerText';
import { ContainerCatalog } from '../../src/core/containers/containerCatalog';
import type { DiscoveryResult } from '../../src/core/model/result';
import type { ContainerRef } from '../../src/core/model/container';
import { spawnSync } from 'node:child_process';
import { EngineLab, TAG, must, run } from './support/engines';

const markdownIt = createRequire(__filename)('markdown-it') as (options: object) => { render(src: string): string };

const lab = new EngineLab();
const log: string[] = [];

async function discoverNamed(): Promise<DiscoveryResult> {
  const result = await discover();
  const catalog = new ContainerCatalog({ log: (line) => log.push(line), timeoutMs: 2000 });
  await catalog.refresh(result);
  catalog.apply(result);
  return result;
}

function containerOfPid(result: DiscoveryResult, pid: number): ContainerRef | null {
  const info = result.processes.get(pid);
  assert.ok(info, `pid ${pid} was not discovered`);
  return info.container;
}

async function waitForPid(read: () => number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const pid = read();
    if (pid > 0 && fs.existsSync(`/proc/${pid}`)) return pid;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the container has no process');
}

/** The `sleep` below a monitor's child chain (runc's init exec()s into it). */
async function sleeperUnder(pid: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const found = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).find((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').startsWith('/bin/busybox\0sleep') && isDescendant(Number(p), pid);
      } catch {
        return false;
      }
    });
    if (found) return Number(found);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sleep under ${pid}`);
}

function isDescendant(pid: number, ancestor: number): boolean {
  for (let p = pid, i = 0; p > 1 && i < 64; i++) {
    if (p === ancestor) return true;
    try {
      p = Number(/^PPid:\s*(\d+)/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))![1]);
    } catch {
      return false;
    }
  }
  return false;
}

describe('containers of real engines', { concurrency: false }, () => {
  before(() => lab.makeImage());
  after(() => lab.cleanup());

  it('Docker: attributed by cgroup and shim, named by the API with image, state, labels and compose project', async () => {
    await lab.docker();
    const name = `${TAG}-docker-web`;
    const odd = 'a\n**b** [x](https://e.example) <img src=x> \u202egnp.exe `code`';
    const id = lab.dockerRun(name, ['--label', 'com.docker.compose.project=nsi-shop', '--label', 'tier=front', '--label', `note=${odd}`]);
    const pid = await waitForPid(() => Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', id]).trim()));
    const container = containerOfPid(await discoverNamed(), pid);
    assert.equal(container?.engine, 'docker');
    assert.equal(container?.id, id);
    assert.equal(container?.facts?.name, name);
    assert.equal(container?.facts?.image, `${TAG}-busybox`);
    assert.equal(container?.facts?.state, 'running');
    assert.equal(container?.facts?.composeProject, 'nsi-shop');
    assert.equal(container?.facts?.labels?.tier, 'front');
    // Odd characters arrive as the engine has them, and leave the tooltip escaped.
    assert.equal(container?.facts?.labels?.note, odd);
    const tooltip = containerTooltip(container!);
    // Rendered by a real CommonMark renderer (HTML and bare links on): no link, image or HTML.
    const html = markdownIt({ html: true, linkify: true }).render(tooltip);
    assert.ok(!tooltip.includes('\u202e') && !/<a |<img/.test(html), html);
    assert.ok(container?.sharesWithHost?.includes('user'), 'a rootful Docker container shares the host user namespace');
    assert.ok(!container?.sharesWithHost?.includes('net'));
    // The topology labels its network namespace with its name.
    const discovery = await discoverNamed();
    const topology = await collectTopology({ discovery });
    const netIno = discovery.processes.get(pid)!.namespaces.net;
    assert.equal(topology.namespaces.find((n) => n.inode === netIno)?.label, `docker ${name}`);
  });

  it('Docker: a container on the host network is flagged so', async () => {
    await lab.docker();
    const id = lab.dockerRun(`${TAG}-docker-hostnet`, ['--network', 'host', '--pid', 'host']);
    const pid = await waitForPid(() => Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', id]).trim()));
    const container = containerOfPid(await discoverNamed(), pid);
    assert.deepEqual(container?.sharesWithHost?.filter((t) => t === 'net' || t === 'pid').sort(), ['net', 'pid']);
  });

  it('the command line: `containers` lists the name whole, `discover` shows engine:name', async () => {
    await lab.docker();
    const name = `${TAG}-docker-a-rather-long-name-that-a-table-must-not-cut`;
    const id = lab.dockerRun(name);
    const pid = await waitForPid(() => Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', id]).trim()));
    const cli = (args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const listing = JSON.parse(cli(['containers', '--json']).stdout);
    const entry = listing.containers.find((c: { id: string }) => c.id === id);
    assert.equal(entry?.name, name);
    assert.equal(entry?.engine, 'docker');
    assert.equal(entry?.state, 'running');
    assert.ok(entry?.pids.includes(pid));
    assert.match(cli(['containers']).stdout, new RegExp(`^docker\\s+${name}\\s`, 'm'));
    assert.match(cli(['discover', '--pid', String(pid)]).stdout, new RegExp(`docker:${name}\\s`));
  });

  it('a container that exits while discovery reads it leaves discovery whole', async () => {
    await lab.docker();
    for (let i = 0; i < 3; i++) {
      const name = `${TAG}-docker-brief${i}`;
      lab.dockerRun(name, [], ['sleep', '0.3']);
      const result = await discoverNamed();
      assert.ok(result.processes.size > 0);
      run(['docker', 'rm', '-f', name]);
      await discoverNamed();
    }
  });

  it('Podman (rootful): attributed, named through the libpod API', async () => {
    await lab.podman();
    const name = `${TAG}-podman-db`;
    const id = lab.podmanRun(name, ['--label', 'role=db']);
    const pid = await waitForPid(() => Number(must(['podman', 'inspect', '-f', '{{.State.Pid}}', id]).trim()));
    const container = containerOfPid(await discoverNamed(), pid);
    assert.equal(container?.engine, 'podman');
    assert.equal(container?.id, id);
    assert.equal(container?.monitorName, name, 'conmon -n carries the name');
    assert.equal(container?.facts?.name, name);
    assert.equal(container?.facts?.image, `localhost/${TAG}-busybox:latest`);
    assert.equal(container?.facts?.labels?.role, 'db');
  });

  it('Podman (rootless, cgroup "/"): conmon names it and its owner, the user\'s own API socket its facts', async () => {
    const uid = 4242;
    const podman = lab.rootlessPodman(uid);
    const imported = podman(['import', lab.tarball, `localhost/${TAG}-busybox`]);
    assert.equal(imported.status, 0, imported.stderr);
    const name = `${TAG}-rootless-app`;
    const started = podman(['run', '-d', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', '--network', 'none', '--name', name, '--label', 'owner=rootless', `localhost/${TAG}-busybox`, 'sleep', '3600']);
    assert.equal(started.status, 0, started.stderr);
    const id = started.stdout.trim();
    await lab.rootlessPodmanService(uid);
    const pid = await waitForPid(() => Number(podman(['inspect', '-f', '{{.State.Pid}}', id]).stdout.trim()));
    assert.match(fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8'), /^0::\/$/m, 'no cgroup of its own');
    const container = containerOfPid(await discoverNamed(), pid);
    assert.equal(container?.engine, 'podman');
    assert.equal(container?.id, id);
    assert.equal(container?.evidence, 'ancestry');
    assert.equal(container?.ownerUid, uid);
    assert.equal(container?.facts?.name, name);
    assert.equal(container?.facts?.labels?.owner, 'rootless');
    assert.ok(!container?.sharesWithHost?.includes('user'), 'its own user namespace (the pause process\')');
  });

  it('containerd k8s.io through ctr: cgroup /k8s.io/ID says nothing, the shim names it', async () => {
    const image = await lab.containerdImage();
    const id = `${TAG}-ctr-plain`;
    lab.ctrRun(image, id);
    const pid = await waitForPid(() => lab.ctrPid(id));
    assert.match(fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8'), new RegExp(`/k8s\\.io/${id}`));
    const container = containerOfPid(await discoverNamed(), pid);
    assert.equal(container?.engine, 'containerd');
    assert.equal(container?.id, id);
    assert.equal(container?.namespace, 'k8s.io');
    assert.equal(container?.evidence, 'ancestry');
  });

  it('a kubelet-style pod: sandbox and app share network, cgroups under kubepods, CRI names', async () => {
    const image = await lab.containerdImage();
    const uid = 'a1b2c3d4-0000-4000-8000-00000000c0de';
    const sandbox = 'c'.repeat(63) + '1';
    const app = 'c'.repeat(63) + '2';
    const cri = (kind: string, name: string) => [
      '--annotation', `io.kubernetes.cri.container-type=${kind}`, '--annotation', `io.kubernetes.cri.container-name=${name}`,
      '--annotation', `io.kubernetes.cri.sandbox-name=${TAG}-pod`, '--annotation', 'io.kubernetes.cri.sandbox-namespace=nsi-team',
      '--annotation', `io.kubernetes.cri.image-name=${image}`,
    ];
    lab.ctrRun(image, sandbox, ['--cgroup', `/kubepods/besteffort/pod${uid}/${sandbox}`, ...cri('sandbox', 'POD')]);
    const sandboxPid = await waitForPid(() => lab.ctrPid(sandbox));
    lab.ctrRun(image, app, ['--cgroup', `/kubepods/besteffort/pod${uid}/${app}`, '--with-ns', `network:/proc/${sandboxPid}/ns/net`, '--with-ns', `ipc:/proc/${sandboxPid}/ns/ipc`, '--with-ns', `uts:/proc/${sandboxPid}/ns/uts`, ...cri('container', 'shop-app')]);
    const appPid = await waitForPid(() => lab.ctrPid(app));
    const result = await discoverNamed();
    const container = containerOfPid(result, appPid);
    assert.equal(container?.engine, 'kubernetes');
    assert.equal(container?.id, app);
    assert.equal(container?.pod, uid);
    assert.equal(container?.facts?.name, 'shop-app');
    assert.equal(container?.facts?.podName, `${TAG}-pod`);
    assert.equal(container?.facts?.podNamespace, 'nsi-team');
    // The shared network namespace is the sandbox's (its senior process).
    const net = [...result.namespaces.values()].find((ns) => ns.type === 'net' && ns.pids.includes(appPid));
    assert.equal(net?.container?.id, sandbox);
  });

  it('LXC: the monitor names it, the config folder gives its root filesystem', async () => {
    const name = `${TAG}-lxc1`;
    lab.lxcStart(name);
    const pid = await waitForPid(() => lab.lxcPid(name));
    const container = containerOfPid(await discoverNamed(), pid);
    assert.equal(container?.engine, 'lxc');
    assert.equal(container?.id, name);
    assert.equal(container?.facts?.name, name);
    assert.match(container?.facts?.image ?? '', new RegExp(`/var/lib/lxc/${name}/rootfs`));
  });

  it('systemd-nspawn without machined: cgroup /payload says nothing, --machine names it', async () => {
    const name = `${TAG}-nspawn1`;
    const child = await lab.nspawn(name);
    const pid = await sleeperUnder(child.pid!);
    const container = containerOfPid(await discoverNamed(), pid);
    assert.equal(container?.engine, 'nspawn');
    assert.equal(container?.id, name);
    assert.equal(container?.evidence, 'ancestry');
    assert.ok(!container?.sharesWithHost?.includes('net'), '--private-network');
  });
});
