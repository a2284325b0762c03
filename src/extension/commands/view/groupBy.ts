// One handler factory for the four "Group by …" commands: they differ only in the grouping.
import type { Grouping } from '../../../core/tree/grouping';
import type { CommandFactory } from '../commandContext';

export function groupBy(grouping: Grouping): CommandFactory {
  return (ctx) => () => ctx.view.setGrouping(grouping);
}
