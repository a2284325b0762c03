async function main() {



let t0 = performance.now();
await runTool('ip', ['-j','link'], {});
console.log('first runTool', performance.now() - t0);
t0 = performance.now();
for (let i=0;i<10;i++) await runTool('ip', ['-n','tt-a','-j','-d','-s','-b','-'], {input:'addr show\nroute show table all\nnetns list-id\n'});
console.log('10 ip batch', performance.now() - t0);
t0 = performance.now();
for (let i=0;i<10;i++) await runTool('ip', ['-n','tt-a','-j','-d','link'], {});
console.log('10 ip link', performance.now() - t0);
t0 = performance.now();
for (let i=0;i<10;i++) execFileSync('ip', ['-n','tt-a','-j','-d','link']);
console.log('10 ip link execFileSync', performance.now() - t0);
const pids = (await import('node:fs')).readdirSync('/proc').filter(x=>/^\d+$/.test(x)).map(Number);
t0 = performance.now();
const s = listeningSockets('/proc', 1, pids, ()=>undefined);
console.log('sockets', performance.now() - t0, s);
}
import { runTool } from '../src/core/exec/runTool';
import { listeningSockets } from '../src/core/net/procNetSockets';
import { execFileSync } from 'node:child_process';
main();
