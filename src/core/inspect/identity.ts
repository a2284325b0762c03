// UIDs and GIDs of a process on the host and inside its user namespace. /proc/PID/status gives
// them as the reader's user namespace sees them (the host's, for a reader there); the process'
// uid_map, read by that reader, maps inside -> the reader's IDs (user_namespaces(7)), so the
// inverse gives the IDs inside.
import { toInside } from '../idmaps/idMapMath';
import type { ProcessCredentials } from '../parsers/credentials';
import type { IdMapRange } from '../parsers/idMap';
import type { Identity, TranslatedIdentity } from './inspectTypes';

const ROLES = ['real', 'effective', 'saved', 'filesystem'] as const;

function translate(hostIds: readonly number[], map: readonly IdMapRange[] | null): TranslatedIdentity[] {
  return hostIds.slice(0, 4).map((host, i) => ({ role: ROLES[i], host, inside: map === null ? null : toInside(map, host) }));
}

/** `fsIds`: the fourth (filesystem) UID and GID of status, which parseCredentials leaves out. */
export function identityOf(credentials: ProcessCredentials, fsIds: { uid: number; gid: number } | null, uidMap: IdMapRange[] | null, gidMap: IdMapRange[] | null, userNamespace: number | null): Identity {
  const uids = fsIds ? [...credentials.uid, fsIds.uid] : credentials.uid;
  const gids = fsIds ? [...credentials.gid, fsIds.gid] : credentials.gid;
  return { userNamespace, uids: translate(uids, uidMap), gids: translate(gids, gidMap), groups: credentials.groups };
}
