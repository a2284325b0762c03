import type { CommandFactory } from '../commandContext';

/** Back from the privileged view to what this user can see without the helper. */
export const leavePrivileged: CommandFactory = (ctx) => () => ctx.view.setPrivileged(false);
