// The interfaces and addresses of one network namespace, for its details document: the topology's
// own `ip` batch run in that namespace alone, only when the document is shown.
import { processNamespaces } from '../exec/processNamespaces';
import type { Namespace } from '../model/namespace';
import { ipArgv, netnsEntry } from './netnsEntry';
import { IP_BATCH, parseIpBatch } from './parseIpBatch';
import { runArgv } from './runArgv';
import type { NetInterface } from './topology';

export async function readNamespaceInterfaces(
  ns: Namespace,
  procRoot = '/proc',
  run: (argv: string[], input: string) => Promise<string> = (argv, input) => runArgv(argv, input, undefined, 10_000),
): Promise<NetInterface[] | { error: string }> {
  const own = processNamespaces('self', procRoot);
  const entry = netnsEntry(ns, own.net ?? -1, own.mnt ?? -1, procRoot);
  if (!entry) return { error: 'nothing in this mount namespace opens it (held only elsewhere)' };
  try {
    return parseIpBatch(await run(ipArgv(entry, ['-j', '-d', '-b', '-']), IP_BATCH), `${ns.id.dev}:${ns.id.ino}`).interfaces;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

