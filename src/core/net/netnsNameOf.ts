// The `ip netns` name of a network namespace the view shows, for revealing it after a command.
import type { Namespace } from '../model/namespace';
import { NETNS_RUN_DIR } from './netnsEntry';

/** Its name when it is bind-mounted at /run/netns/NAME (directly, not deeper). */
export function netnsNameOf(ns: Namespace): string | undefined {
  const mount = ns.bindMounts.find((m) => m.path.startsWith(NETNS_RUN_DIR) && !m.path.slice(NETNS_RUN_DIR.length).includes('/'));
  return mount?.path.slice(NETNS_RUN_DIR.length);
}
