// Docker's default capability set for a container (what `docker run` gives without --cap-add,
// --cap-drop or --privileged). The list is moby's DefaultCapabilities in oci/caps/defaults.go
// (github.com/moby/moby); the integration test checks it against a default container here.
export const DEFAULT_CONTAINER_CAPS_SOURCE = "Docker's default container set (moby/moby oci/caps/defaults.go)";

export const DEFAULT_CONTAINER_CAPS: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

/** What a set has on top of the default set, and what it lacks of it. */
export function compareWithDefault(names: readonly string[]): { added: string[]; dropped: string[] } {
  const have = new Set(names);
  const defaults = new Set(DEFAULT_CONTAINER_CAPS);
  return { added: names.filter((name) => !defaults.has(name)), dropped: DEFAULT_CONTAINER_CAPS.filter((name) => !have.has(name)) };
}
