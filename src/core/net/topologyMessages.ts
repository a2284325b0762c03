// Messages between the topology webview and the extension, and the checks every incoming one
// passes before anything acts on it (the page is untrusted input).
import { isOneOf, isShortString, isUint, withKeys } from '../messages/messageChecks';
import type { Topology } from './topology';

export interface CaptureInfo {
  id: string;
  namespaceKey: string;
  ifname: string;
  file: string;
}

export type ToTopologyWebview =
  | { type: 'topology'; topology: Topology; collectMs: number }
  | { type: 'error'; message: string }
  | { type: 'captures'; captures: CaptureInfo[] }
  | { type: 'exportRequest'; requestId: number; format: 'svg' | 'png' }
  | { type: 'focus'; namespaceKey: string };

export const NAMESPACE_ACTIONS = ['openShell', 'showInTree', 'showIdMaps', 'connectFrom', 'deleteNamespace'] as const;
export const INTERFACE_ACTIONS = ['linkUp', 'linkDown', 'capture'] as const;
export const GLOBAL_ACTIONS = ['refresh', 'createNamespace', 'connect', 'exportSvg', 'exportPng'] as const;

export type NamespaceAction = (typeof NAMESPACE_ACTIONS)[number];
export type InterfaceAction = (typeof INTERFACE_ACTIONS)[number];
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

export type FromTopologyWebview =
  | { type: 'namespaceAction'; action: NamespaceAction; namespaceKey: string }
  | { type: 'interfaceAction'; action: InterfaceAction; namespaceKey: string; ifname: string }
  | { type: 'globalAction'; action: GlobalAction }
  | { type: 'stopCapture'; captureId: string }
  | { type: 'exported'; requestId: number; format: 'svg' | 'png'; data: string }
  | { type: 'rendered'; namespaces: number; interfaces: number; wires: number; ms: number };

/** What the webview keeps with setState() and a restored panel gets back. */
export interface TopologyViewState {
  view: { x: number; y: number; k: number } | null;
  selected: string | null;
  search: string;
  /** Where each box was (namespace key → x, y), so a rebuilt page draws them where they were. */
  positions?: Record<string, [number, number]>;
}

/** More boxes than this are not remembered (the page lays them out anew). */
export const MAX_SAVED_POSITIONS = 5000;

const NAMESPACE_KEY = /^\d+:\d+$/;
// IFNAMSIZ is 16 with the NUL; no '/', whitespace or ':' (the kernel's dev_valid_name, and ip's).
export const IFNAME = /^[A-Za-z0-9_.@+-]{1,15}$/;
const MAX_EXPORT = 64 * 1024 * 1024;

export function validateFromTopologyWebview(message: unknown): FromTopologyWebview | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  switch (type) {
    case 'namespaceAction': {
      const m = withKeys(message, ['type', 'action', 'namespaceKey']);
      if (!m || !isOneOf(m.action, NAMESPACE_ACTIONS) || !isShortString(m.namespaceKey, 64) || !NAMESPACE_KEY.test(m.namespaceKey)) return undefined;
      return { type, action: m.action, namespaceKey: m.namespaceKey };
    }
    case 'interfaceAction': {
      const m = withKeys(message, ['type', 'action', 'namespaceKey', 'ifname']);
      if (!m || !isOneOf(m.action, INTERFACE_ACTIONS) || !isShortString(m.namespaceKey, 64) || !NAMESPACE_KEY.test(m.namespaceKey)) return undefined;
      if (!isShortString(m.ifname, 15) || !IFNAME.test(m.ifname)) return undefined;
      return { type, action: m.action, namespaceKey: m.namespaceKey, ifname: m.ifname };
    }
    case 'globalAction': {
      const m = withKeys(message, ['type', 'action']);
      return m && isOneOf(m.action, GLOBAL_ACTIONS) ? { type, action: m.action } : undefined;
    }
    case 'stopCapture': {
      const m = withKeys(message, ['type', 'captureId']);
      return m && isShortString(m.captureId, 64) && /^[\w-]+$/.test(m.captureId) ? { type, captureId: m.captureId } : undefined;
    }
    case 'exported': {
      const m = withKeys(message, ['type', 'requestId', 'format', 'data']);
      if (!m || !isUint(m.requestId) || !isOneOf(m.format, ['svg', 'png'] as const) || !isShortString(m.data, MAX_EXPORT)) return undefined;
      return { type, requestId: m.requestId, format: m.format, data: m.data };
    }
    case 'rendered': {
      const m = withKeys(message, ['type', 'namespaces', 'interfaces', 'wires', 'ms']);
      if (!m || !isUint(m.namespaces) || !isUint(m.interfaces) || !isUint(m.wires) || typeof m.ms !== 'number' || !Number.isFinite(m.ms)) return undefined;
      return { type, namespaces: m.namespaces, interfaces: m.interfaces, wires: m.wires, ms: m.ms };
    }
    default:
      return undefined;
  }
}

function validPositions(value: unknown): Record<string, [number, number]> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > MAX_SAVED_POSITIONS) return undefined;
  const out: Record<string, [number, number]> = {};
  for (const [key, at] of entries) {
    if (!NAMESPACE_KEY.test(key) || !Array.isArray(at) || at.length !== 2 || !at.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e7)) return undefined;
    out[key] = [at[0] as number, at[1] as number];
  }
  return out;
}

export function validateTopologyViewState(state: unknown): TopologyViewState | undefined {
  const m = withKeys(state, ['view', 'selected', 'search', 'positions']) ?? withKeys(state, ['view', 'selected', 'search']);
  if (!m) return undefined;
  const positions = 'positions' in m ? validPositions(m.positions) : undefined;
  if ('positions' in m && !positions) return undefined;
  const view = m.view === null ? null : withKeys(m.view, ['x', 'y', 'k']);
  if (view === undefined) return undefined;
  if (view && ![view.x, view.y, view.k].every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  if (view && ((view.k as number) <= 0 || (view.k as number) > 100)) return undefined;
  if (m.selected !== null && !isShortString(m.selected, 200)) return undefined;
  if (!isShortString(m.search, 200)) return undefined;
  return { view: view ? { x: view.x as number, y: view.y as number, k: view.k as number } : null, selected: m.selected as string | null, search: m.search, ...(positions ? { positions } : {}) };
}
