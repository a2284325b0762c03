import type { DiscoveryResult } from '../../../core/model/result';
import type { CommandFactory } from '../commandContext';
import { showHelperError } from '../helper/showHelperError';
import { CANCELLED, withCancellableProgress } from '../../cancellableProgress';

/**
 * "Show All Namespaces (privileged)", from the limited-view item: discovery from the privileged
 * helper's snapshot, through the same parsers, under a notification with Cancel (cancelled: the
 * view stays as it was). Returns the result (tests use it).
 */
export const showAllPrivileged: CommandFactory = (ctx) => async (): Promise<DiscoveryResult | undefined> => {
  try {
    const result = await withCancellableProgress('Reading all namespaces with the privileged helper', (signal) => ctx.view.setPrivileged(true, signal), 0);
    if (result !== CANCELLED) return result;
    ctx.log.info('privileged view cancelled: the view shows what it showed before');
    return undefined;
  } catch (error) {
    await showHelperError('Could not show all namespaces', error);
    return undefined;
  }
};
