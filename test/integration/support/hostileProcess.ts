// A real process that tries to inject Markdown and HTML into whatever shows it: its argv[0] (set
// with bash's `exec -a`) holds a double-backtick run, newlines, a link, an image, an <img> tag, a
// bidi override and 3000 more characters; its comm (the name of the symlink it runs through, as
// long as the kernel keeps: 15 bytes) holds a backtick run, a link and a newline. It runs alone in
// a new UTS namespace whose hostname (that namespace's label) holds a newline, a link and a bidi
// override too (set with sethostname(2) from Perl, which takes any bytes; `hostname` refuses
// them and a write to /proc/sys/kernel/hostname stops at the newline). Removed by the lab's cleanup() and remove().
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NamespaceLab, nsInode, waitForCommand } from './namespaces';

export const HOSTILE_LINK = '[x](https://example.invalid)';
export const HOSTILE_IMAGE = '![i](https://example.invalid/i.png)';
/** 14 bytes: the kernel keeps 15 of a comm. */
export const HOSTILE_COMM = '``[x](a.io)\n``';
/** At most 64 bytes: the kernel's limit for a hostname. */
export const HOSTILE_HOSTNAME = 'evil\n[h](https://example.invalid)\u202Etxt';
export const HOSTILE_ARGV0 =
  `sleep \`\` ${HOSTILE_LINK} \`\`\n\n${HOSTILE_IMAGE}\n<img src="https://example.invalid/i.png">\n` +
  `<a href="https://example.invalid">a</a> \u202Etxt.exe ${'A'.repeat(3000)}`;

export interface HostileProcess {
  pid: number;
  utsIno: number;
  remove(): void;
}

export async function startHostileProcess(lab: NamespaceLab): Promise<HostileProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'nsi-ui-hardening-'));
  const link = join(dir, HOSTILE_COMM);
  symlinkSync('/bin/sleep', link);
  const pid = lab.start(['unshare', '--uts', 'bash', '-c', 'perl -e \'require "syscall.ph"; syscall(&SYS_sethostname, $ARGV[0], length $ARGV[0]) == 0 or die "sethostname: $!"\' "$2" && exec -a "$0" "$1" 600', HOSTILE_ARGV0, link, HOSTILE_HOSTNAME]).pid!;
  await waitForCommand(pid, HOSTILE_COMM.trim());
  return { pid, utsIno: nsInode(pid, 'uts'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
