// The messages between the ID-maps panel and its webview, and the checks the extension runs on
// everything the webview sends (and on the state it saved, which a restore hands back).
import { isOneOf, isShortString, isUint, withKeys } from '../messages/messageChecks';
import type { IdKind, IdMapsModel, Translation } from './idMapsTypes';

export const ID_MAPS_VIEW_TYPE = 'nsInspector.idMaps';

export type ToIdMapsWebview =
  /** gone: the namespace no longer exists; model is the last one seen (null if never seen). */
  | { type: 'model'; model: IdMapsModel | null; gone: boolean; target: IdMapsState; updated: string }
  | { type: 'translation'; request: number; translation: Translation }
  | { type: 'translationError'; request: number; message: string };

export type FromIdMapsWebview =
  /** `text` is what the user typed: the extension parses it again. */
  | { type: 'translate'; request: number; kind: IdKind; from: number; text: string }
  | { type: 'refresh' };

/** What a panel saves for a restore after a window reload. */
export interface IdMapsState {
  dev: number;
  ino: number;
}

const KINDS = ['uid', 'gid'] as const;

export function checkIdMapsMessage(message: unknown): FromIdMapsWebview | undefined {
  const refresh = withKeys(message, ['type']);
  if (refresh?.type === 'refresh') return { type: 'refresh' };
  const m = withKeys(message, ['type', 'request', 'kind', 'from', 'text']);
  if (!m || m.type !== 'translate' || !isUint(m.request) || !isOneOf(m.kind, KINDS) || !isUint(m.from) || !isShortString(m.text, 100)) return undefined;
  return { type: 'translate', request: m.request, kind: m.kind, from: m.from, text: m.text };
}

export function checkIdMapsState(state: unknown): IdMapsState | undefined {
  const s = withKeys(state, ['dev', 'ino']);
  return s && isUint(s.dev) && isUint(s.ino) && s.ino > 0 ? { dev: s.dev, ino: s.ino } : undefined;
}
