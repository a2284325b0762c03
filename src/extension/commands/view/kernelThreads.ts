// "Show Kernel Threads" / "Hide Kernel Threads" in the view's title menu: the setting
// nsInspector.showKernelThreads, which the view follows like its other settings.
import { saveShowKernelThreads } from '../../views/namespaces/viewSettings';
import type { CommandFactory } from '../commandContext';

export function setKernelThreadsShown(show: boolean): CommandFactory {
  return () => () => saveShowKernelThreads(show);
}
