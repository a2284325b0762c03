import type { CommandFactory } from '../commandContext';

/** Discovers again; returns the result (undefined when discovery failed) for tests. */
export const refresh: CommandFactory = (ctx) => () => ctx.view.refresh();
