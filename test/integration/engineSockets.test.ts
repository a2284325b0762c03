// Engines that are down, hang or refuse: discovery keeps ids, the catalog says why once, and no
// answer takes longer than its timeout. Real unix sockets; the refusal as a real non-root user.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as http from 'node:http';
import { spawnSync } from 'node:child_process';
import { ContainerCatalog } from '../../src/core/containers/containerCatalog';
import { getJsonOverUnixSocket } from '../../src/core/containers/unixHttp';
import { DEFAULT_ENGINE_PATHS } from '../../src/core/containers/engineReaders';
import { emptyResult } from '../../src/core/model/result';
import type { DiscoveryResult } from '../../src/core/model/result';
import type { ContainerRef } from '../../src/core/model/container';

const DIR = '/tmp/nsi-containers-sockets';
const ID = 'a'.repeat(64);

function resultWith(ref: ContainerRef): DiscoveryResult {
  const result = emptyResult(0, true);
  result.processes.set(10, { pid: 10, ppid: 1, command: 'sleep', cmdline: ['sleep'], cmdlineTruncated: false, uid: 0, startTicks: 1, nspid: [10], cgroup: '/', container: ref, threads: 1, namespaces: {} });
  return result;
}

function listen(server: net.Server, socket: string): Promise<void> {
  return new Promise((resolve) => server.listen(socket, resolve));
}

describe('engine sockets that are down, hang or refuse', () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { mode: 0o755 });
  const servers: net.Server[] = [];
  after(() => {
    for (const server of servers) server.close();
    fs.rmSync(DIR, { recursive: true, force: true });
  });

  it('a socket that accepts and never answers times out, and the log says so once', async () => {
    const socket = `${DIR}/hang.sock`;
    const held: net.Socket[] = [];
    const server = net.createServer((connection) => held.push(connection));
    servers.push(server);
    await listen(server, socket);
    const log: string[] = [];
    const catalog = new ContainerCatalog({ timeoutMs: 300, log: (line) => log.push(line), paths: { ...DEFAULT_ENGINE_PATHS, dockerSocket: socket } });
    const result = resultWith({ engine: 'docker', id: ID });
    const started = Date.now();
    assert.equal(await catalog.refresh(result), false);
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    await catalog.refresh(result);
    catalog.apply(result);
    assert.equal(result.processes.get(10)?.container?.facts, undefined, 'ids only');
    assert.equal(log.length, 1, log.join('\n'));
    assert.match(log[0], /docker .*no answer within 300 ms.*ids only/);
    for (const connection of held) connection.destroy();
  });

  it('a socket that is not there: "not running", discovery keeps the id', async () => {
    const log: string[] = [];
    const catalog = new ContainerCatalog({ log: (line) => log.push(line), paths: { ...DEFAULT_ENGINE_PATHS, dockerSocket: `${DIR}/none.sock` } });
    const result = resultWith({ engine: 'docker', id: ID });
    await catalog.refresh(result);
    catalog.apply(result);
    assert.equal(result.processes.get(10)?.container?.id, ID);
    assert.match(log.join('\n'), /not running/);
  });

  it('an answer that is not JSON, or not a list, names nothing', async () => {
    const socket = `${DIR}/junk.sock`;
    const server = http.createServer((_, response) => response.end('<html>'));
    servers.push(server);
    await listen(server, socket);
    await assert.rejects(getJsonOverUnixSocket(socket, '/containers/json', 500), /not JSON/);
  });

  it('odd characters in names stay as they are (escaping is the view\'s job)', async () => {
    const socket = `${DIR}/odd.sock`;
    const name = '/we`ird] **name**\n<img src=x>';
    const server = http.createServer((_, response) => response.end(JSON.stringify([{ Id: ID, Names: [name], Image: 'img\u202e', State: 'running', Labels: { a: 'b', n: 5 } }])));
    servers.push(server);
    await listen(server, socket);
    const catalog = new ContainerCatalog({ paths: { ...DEFAULT_ENGINE_PATHS, dockerSocket: socket } });
    const result = resultWith({ engine: 'docker', id: ID });
    assert.equal(await catalog.refresh(result), true);
    catalog.apply(result);
    const facts = result.processes.get(10)?.container?.facts;
    assert.equal(facts?.name, name.slice(1));
    assert.deepEqual(facts?.labels, { a: 'b' }, 'labels that are not strings are dropped');
  });

  it('a socket the user may not open: "permission denied", said once', () => {
    const socket = `${DIR}/private.sock`;
    const server = http.createServer((_, response) => response.end('[]'));
    servers.push(server);
    return listen(server, socket).then(() => {
      fs.chmodSync(socket, 0o600);
      // The catalog in a child process as nobody, against the root-only socket.
      const script = `
        const { ContainerCatalog } = require('./src/core/containers/containerCatalog');
        const { DEFAULT_ENGINE_PATHS } = require('./src/core/containers/engineReaders');
        const { emptyResult } = require('./src/core/model/result');
        const log = [];
        const catalog = new ContainerCatalog({ log: (l) => log.push(l), paths: { ...DEFAULT_ENGINE_PATHS, dockerSocket: ${JSON.stringify(socket)} } });
        const result = emptyResult(0, false);
        result.processes.set(10, { pid: 10, ppid: 1, cmdline: [], cgroup: '/', container: { engine: 'docker', id: ${JSON.stringify(ID)} }, namespaces: {} });
        catalog.refresh(result).then(() => catalog.refresh(result)).then(() => console.log(JSON.stringify(log)));`;
      const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(run.status, 0, run.stderr);
      const log = JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
      assert.equal(log.length, 1);
      assert.match(log[0], /permission denied on the socket/);
    });
  });
});
