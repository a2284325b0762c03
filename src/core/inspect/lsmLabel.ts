// The LSM label of a process: /proc/PID/attr/current (SELinux, Smack; the first major LSM) and
// /proc/PID/attr/apparmor/current (AppArmor's own since 5.8). Without an LSM the kernel answers
// EINVAL: no label, not an error. The label ends in a newline (AppArmor) or a NUL (SELinux).
import type { ProcReader } from './procReader';

export function lsmLabels(reader: ProcReader): { module: string; label: string }[] {
  const labels: { module: string; label: string }[] = [];
  const apparmor = reader.optional('attr/apparmor/current');
  const current = reader.optional('attr/current');
  const clean = (text: string) => text.replace(/[\0\n]+$/, '');
  if (apparmor !== null && clean(apparmor)) labels.push({ module: 'apparmor', label: clean(apparmor) });
  if (current !== null && clean(current) && clean(current) !== labels[0]?.label) labels.push({ module: 'current', label: clean(current) });
  return labels;
}
