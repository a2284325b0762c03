// The view's filter: one text that may be a command name, a PID, an inode, a hostname, or a container's id,
// name, image or pod name. Case-insensitive; numbers match exactly, text matches anywhere in the field.
import type { ContainerRef } from '../model/container';
import { containerSearchText } from './containerText';
import type { Namespace } from '../model/namespace';
import type { ProcessInfo } from '../model/process';

export interface TreeFilter {
  /** The text as the user typed it, for messages. */
  readonly text: string;
  /** The namespace itself matches (inode, label, shown name, container): all its processes are shown. */
  namespaceMatches(ns: Namespace, name?: string): boolean;
  processMatches(process: ProcessInfo): boolean;
}

/** A filter for the text, or undefined when the text is blank (no filter). */
export function compileFilter(text: string | undefined): TreeFilter | undefined {
  const needle = text?.trim().toLowerCase();
  if (!needle) return undefined;
  const number = /^\d+$/.test(needle) ? Number(needle) : undefined;
  const containerMatches = (container: ContainerRef | null) =>
    !!container &&
    (container.engine === needle || containerSearchText(container).some((word) => word.includes(needle)));
  return {
    text: text!.trim(),
    namespaceMatches: (ns, name) =>
      ns.id.ino === number ||
      ns.label.toLowerCase().includes(needle) ||
      !!ns.hostname?.toLowerCase().includes(needle) || !!name?.toLowerCase().includes(needle) || containerMatches(ns.container),
    processMatches: (p) =>
      number !== undefined
        ? p.pid === number || p.nspid.includes(number)
        : p.command.toLowerCase().includes(needle) || containerMatches(p.container),
  };
}
