// Translate: one UID or GID, given in one namespace of the chain, in every namespace of it.
import { toInside, toOutside } from './idMapMath';
import type { IdKind, IdMapsModel, Translation, TranslatedId } from './idMapsTypes';

export function translateId(model: IdMapsModel, kind: IdKind, fromInode: number, id: number): Translation | null {
  const from = model.levels.find((l) => l.inode === fromInode);
  if (!from) return null;
  const overflow = model.overflow[kind];
  const hostMapOf = (i: number) => model.levels[i].maps[kind].lines.map((l) => ({ inside: l.inside, outside: l.host, count: l.count }));
  const fromMap = from.maps[kind];
  const host = from.top ? id : fromMap.state === 'unknown' ? undefined : toOutside(hostMapOf(model.levels.indexOf(from)), id);
  const levels = model.levels.map((level, i): TranslatedId => {
    if (level === from) return { inode: level.inode, state: 'mapped', id };
    if (host === undefined || level.maps[kind].state === 'unknown') return { inode: level.inode, state: 'unknown', id: overflow };
    const there = host === null ? null : level.top ? host : toInside(hostMapOf(i), host);
    return there === null ? { inode: level.inode, state: 'unmapped', id: overflow } : { inode: level.inode, state: 'mapped', id: there };
  });
  return { kind, from: fromInode, id, host: host ?? null, levels };
}
