// unshare(1) command lines for an isolated terminal or a program run in new namespaces. Argv only:
// the hostname and the program go in as arguments of a fixed script, never spliced into it.
import { isNsType, type NsType } from '../model/nsType';
import { hostnameProblem } from '../isolate/hostnameRule';
import { inOptionOrder, NAMESPACE_OPTION } from './namespaceOptions';

/** How a user who is not root gets the privileges that namespaces other than user need. */
export type PrivilegeRoute = 'userNamespace' | 'sudo';

export interface UnshareRequest {
  types: readonly string[];
  /** The program to run inside, as argv (a shell, or a script with its interpreter). */
  command: readonly string[];
  hostname?: string;
  /** Whether the caller is root (uid 0): then no route is needed. */
  isRoot: boolean;
  /** Chosen by a user who is not root and asked for types that need privileges. */
  privilege?: PrivilegeRoute;
  /** Inside a user namespace: root (the default) or the caller's own uid. */
  mapUser?: 'root' | 'current';
}

export type UnshareResult =
  | { ok: true; argv: string[]; types: NsType[] }
  | { ok: false; reason: 'invalid' | 'needsPrivilege'; message: string };

// "$1" is the hostname, the rest is the program: a fixed script with arguments.
const SET_HOSTNAME_SCRIPT = 'hostname "$1" && shift && exec "$@"';

export function unshareArgv(request: UnshareRequest): UnshareResult {
  const unknown = request.types.filter((t) => !isNsType(t));
  if (unknown.length) return invalid(`Unknown namespace type ${unknown.map((t) => `"${t}"`).join(', ')}.`);
  let types = [...new Set(request.types as NsType[])];
  if (types.length === 0) return invalid('Choose at least one namespace type to isolate.');
  if (request.command.length === 0 || request.command[0] === '') return invalid('No program to run inside.');
  if (request.hostname !== undefined) {
    const problem = hostnameProblem(request.hostname);
    if (problem) return invalid(problem);
    if (!types.includes('uts')) return invalid('A hostname needs a UTS namespace: add UTS to the chosen types.');
  }
  const needsPrivilege = !request.isRoot && types.some((t) => t !== 'user');
  const mapsUser = types.includes('user') || (needsPrivilege && request.privilege === 'userNamespace');
  // Mapped as themselves, the shell is no longer root inside once it runs: it could not set a hostname.
  if (request.hostname !== undefined && mapsUser && request.mapUser === 'current') {
    return invalid('Setting a hostname needs root inside the user namespace: map root (--map-root-user), or leave the hostname empty.');
  }
  const viaSudo = needsPrivilege && request.privilege === 'sudo';
  if (needsPrivilege && !request.privilege && !types.includes('user')) {
    return {
      ok: false,
      reason: 'needsPrivilege',
      message: `Only root may create ${types.join(', ')} namespaces: add a user namespace (you are root inside only) or run through sudo.`,
    };
  }
  if (needsPrivilege && request.privilege === 'userNamespace' && !types.includes('user')) types = [...types, 'user'];

  const argv = viaSudo ? ['sudo', '--', 'unshare'] : ['unshare'];
  for (const type of inOptionOrder(types)) argv.push(NAMESPACE_OPTION[type]);
  // Without a mapping the shell is "nobody" inside and cannot even set the hostname.
  if (types.includes('user')) argv.push(request.mapUser === 'current' ? '--map-current-user' : '--map-root-user');
  // A new PID namespace applies to children: fork so the shell is PID 1, mount a /proc that shows
  // only the new tree, and take the shell down with unshare when the terminal closes.
  if (types.includes('pid')) argv.push('--fork', '--kill-child', '--mount-proc');
  argv.push('--');
  if (request.hostname !== undefined) argv.push('sh', '-c', SET_HOSTNAME_SCRIPT, 'sh', request.hostname);
  argv.push(...request.command);
  return { ok: true, argv, types: inOptionOrder(types) };
}


function invalid(message: string): UnshareResult {
  return { ok: false, reason: 'invalid', message };
}
