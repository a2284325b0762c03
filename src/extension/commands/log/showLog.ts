import type { CommandFactory } from '../commandContext';

/** Reveals the "Namespace Inspector" log output channel. */
export const showLog: CommandFactory = (ctx) => () => ctx.log.show(true);
