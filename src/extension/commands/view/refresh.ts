import type { CommandFactory } from '../commandContext';
import { CANCELLED, withCancellableProgress } from '../../cancellableProgress';

/**
 * Discovers again; a slow one shows a notification with Cancel (cancelled: the view keeps the
 * last result). Returns the result (undefined when discovery failed or was cancelled) for tests.
 */
export const refresh: CommandFactory = (ctx) => async () => {
  const result = await withCancellableProgress('Refreshing the Namespaces view', (signal) => ctx.view.refresh(signal));
  if (result === CANCELLED) ctx.log.info('refresh cancelled: the view shows the previous result');
  return result === CANCELLED ? undefined : result;
};
