// A network action's target comes from the last collection of the picture: by the time someone
// clicks, the process may have exited and its PID been reused by a process in another namespace,
// or a named namespace deleted and made again. Right before acting, the target must still open
// the namespace (dev, inode) that was shown; otherwise the action would change the wrong one.
import { statSync } from 'node:fs';
import { netTargetPath, netTargetText, type NetTarget } from '../helper/netTarget';

export type TargetCheck = { ok: true; unchecked?: string } | { ok: false; message: string };

/**
 * Whether `target` still opens the namespace `key` ("dev:ino"). A target the caller may not stat
 * (another user's process) is left to the helper and its policy, said in `unchecked`.
 */
export function targetStillIn(target: NetTarget, key: string, shownAs: string, procRoot = '/proc', netnsDir = '/run/netns'): TargetCheck {
  if (target.kind === 'host') return { ok: true };
  const path = netTargetPath(target, procRoot, netnsDir);
  let now: { dev: number; ino: number };
  try {
    now = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { ok: true, unchecked: `${path} is not readable by this user (${code}): the helper checks it` };
    return { ok: false, message: `${capitalized(netTargetText(target))} is gone since the picture was refreshed (${shownAs}): nothing was changed. Refresh and try again.` };
  }
  if (`${now.dev}:${now.ino}` === key) return { ok: true };
  return {
    ok: false,
    message:
      `${capitalized(netTargetText(target))} is now net:[${now.ino}], not net:[${key.split(':')[1]}] (${shownAs}) as when the picture was refreshed ` +
      '(the process exited and its PID was reused, or the name was made again): nothing was changed. Refresh and try again.',
  };
}

function capitalized(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
