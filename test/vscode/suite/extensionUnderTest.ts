// Finds and activates this repo's extension inside the extension host under test.
import * as vscode from 'vscode';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'nsinspector.namespace-inspector';

export function extensionUnderTest(): vscode.Extension<NamespaceInspectorApi | undefined> {
  const extension = vscode.extensions.getExtension<NamespaceInspectorApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}

export async function activatedApi(): Promise<NamespaceInspectorApi> {
  const api = await extensionUnderTest().activate();
  if (!api) throw new Error('activate() returned no API: the extension took the unsupported-platform branch');
  return api;
}
