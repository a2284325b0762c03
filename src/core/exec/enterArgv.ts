// The command line that joins a process' namespaces and becomes no more than that process before
// the program runs: nsinspect-enter (native/nsinspect_enter.c explains why nsenter cannot).
import { dropOptions, type DropTo } from './dropCredentials';
import { joinedTypes, type NsenterCommandRequest, type NsenterResult } from './nsenterArgv';

export function enterDroppedArgv(program: string, request: NsenterCommandRequest, drop: DropTo): NsenterResult {
  if (request.command.length === 0 || request.command[0] === '') return { ok: false, message: 'No program to run inside.' };
  const target = request.target;
  if (target.kind !== 'process') return { ok: false, message: 'Privileges can only be taken from a process.' };
  const joined = joinedTypes(target, request);
  if (!Array.isArray(joined)) return joined;
  const argv = [program, '--target', String(target.pid), '--ns', joined.join(',')];
  if (joined.includes('mnt')) argv.push('--root', '--wd');
  argv.push(...dropOptions(drop), '--', ...request.command);
  return { ok: true, argv, joined };
}
