import { openVsCodeSession, CONTAINER_TITLE, type VsCodeSession, type WorkspaceFiles } from './session';
import { openViewContainer } from './activityBar';
import { waitUntilExtensionsActivated } from './workbench';
import { widenSideBar } from './sideBar';

/** A workbench with the Namespaces view open, the extension active, and room for long labels. */
export async function openNamespacesSession(testFile: string, files?: WorkspaceFiles): Promise<VsCodeSession> {
  const session = await openVsCodeSession(testFile, files);
  await openViewContainer(session.page, CONTAINER_TITLE);
  await waitUntilExtensionsActivated(session.page);
  await widenSideBar(session.page, 440);
  return session;
}
