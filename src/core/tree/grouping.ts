/** The ways the Namespaces view can arrange the namespaces. */
export const GROUPINGS = ['type', 'userNamespace', 'pidNamespace', 'container'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const GROUPING_TITLES: Record<Grouping, string> = {
  type: 'by Type',
  userNamespace: 'by User Namespace',
  pidNamespace: 'by PID Namespace',
  container: 'by Container',
};

export function isGrouping(value: unknown): value is Grouping {
  return typeof value === 'string' && (GROUPINGS as readonly string[]).includes(value);
}
