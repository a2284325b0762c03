// The helper's settings, read in one place: where it is installed and how a privileged step gets
// root (nsInspector.helper.elevation). The helper's plan and the terminals' sudo routes (through
// CallerIdentity) both follow the same elevation.
import * as vscode from 'vscode';
import type { ElevationMode } from '../../core/helper/elevation';

export const DEFAULT_INSTALL_PATH = '/usr/local/libexec/nsinspect-helper';

export interface HelperSettings {
  elevation: ElevationMode;
  installPath: string;
}

export function readHelperSettings(): HelperSettings {
  const config = vscode.workspace.getConfiguration('nsInspector.helper');
  return {
    elevation: config.get<ElevationMode>('elevation', 'auto'),
    installPath: config.get<string>('installPath', DEFAULT_INSTALL_PATH) || DEFAULT_INSTALL_PATH,
  };
}
