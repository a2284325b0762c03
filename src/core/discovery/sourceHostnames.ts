import type { NativeAddon } from './nativeAddon';
import type { DiscoverySource } from './context';

/**
 * The hostname of every UTS namespace, what `hostname` prints inside it: the addon's thread joins
 * each namespace and asks uname (no file under /proc holds another namespace's hostname). All of
 * them in one call, on every discovery: a few microseconds per namespace, and a hostname changed
 * inside (`hostname experiment` after `unshare -u`) shows at the next refresh.
 */
export function hostnameSource(addon: Pick<NativeAddon, 'utsHostnames'>): DiscoverySource {
  return {
    name: 'hostnames',
    async run(ctx) {
      const uts = [...ctx.result.namespaces.entries()].filter(([key, ns]) => ns.type === 'uts' && ctx.openPaths.has(key));
      if (!uts.length) return;
      const names = addon.utsHostnames(uts.map(([key]) => ctx.openPaths.get(key) as string));
      uts.forEach(([, ns], i) => {
        const name = names[i];
        if (name) ns.hostname = name;
      });
    },
  };
}
