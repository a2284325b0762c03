import type { CommandFactory } from '../commandContext';

export const clearFilter: CommandFactory = (ctx) => () => ctx.view.setFilter(undefined);
