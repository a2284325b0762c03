import * as http from 'node:http';

/** The most an engine's answer may be: a listing of thousands of containers fits well below. */
const MAX_BODY = 16 * 1024 * 1024;

/**
 * GET a JSON document from an HTTP server on a unix socket (Docker's and Podman's APIs), with
 * Node's own client. Rejects with a short reason on a timeout over the whole exchange (a socket
 * that accepts and never answers), a refused or unreadable socket, a status other than 200, an
 * oversized body or JSON that does not parse.
 */
export function getJsonOverUnixSocket(socketPath: string, path: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(value);
    };
    const request = http.request({ socketPath, path, method: 'GET', headers: { Host: 'localhost', Accept: 'application/json' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        finish(new Error(`${path}: HTTP ${response.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) finish(new Error(`${path}: answer larger than ${MAX_BODY} bytes`));
        else chunks.push(chunk);
      });
      response.on('end', () => {
        try {
          finish(null, JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          finish(new Error(`${path}: the answer is not JSON`));
        }
      });
      response.on('error', (error) => finish(error));
    });
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref?.();
    request.on('error', (error: NodeJS.ErrnoException) => finish(new Error(error.code === 'EACCES' ? 'permission denied on the socket' : error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? 'not running' : error.message)));
    request.end();
  });
}
