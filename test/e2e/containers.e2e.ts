// "By container" as a user sees it with real engines running: each container's group is its
// name (with its engine's icon), image and state, the host network flagged; its tooltip lists
// the engine's facts. A screenshot of the grouping.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { treeItem } from './helpers/tree';
import { runCommand } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';
import { EngineLab, TAG } from '../integration/support/engines';

describe('containers in the Namespaces view', () => {
  const lab = new EngineLab();
  let session: VsCodeSession;
  const web = `${TAG}-e2e-web`;
  const db = `${TAG}-e2e-db`;
  const edge = `${TAG}-e2e-edge`;

  before(async () => {
    await lab.docker();
    lab.dockerRun(web, ['--label', 'com.docker.compose.project=nsi-shop']);
    lab.dockerRun(edge, ['--network', 'host']);
    await lab.podman();
    lab.podmanRun(db);
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    await session?.close();
    await lab.cleanup();
  });

  const view = () => sideBarView(session.page, 'Namespaces');

  it('groups by container with names, images, states and the host network flagged', async () => {
    await runCommand(session.page, 'Namespace Inspector: Group Namespaces by Container');
    const webGroup = treeItem(view(), web);
    await webGroup.waitFor({ timeout: 30_000 });
    // The engines answer in the background: the description fills in without a click.
    await webGroup.locator('.label-description', { hasText: `${TAG}-busybox · running` }).waitFor({ timeout: 30_000 });
    await treeItem(view(), db).locator('.label-description', { hasText: `localhost/${TAG}-busybox:latest · running` }).waitFor({ timeout: 30_000 });
    const edgeDescription = await treeItem(view(), edge).locator('.label-description').textContent();
    assert.match(edgeDescription ?? '', /host network/);
    assert.ok(await webGroup.locator('.codicon-package').count(), 'Docker\'s icon');
    assert.ok(await treeItem(view(), db).locator('.codicon-archive').count(), 'Podman\'s icon');
    await webGroup.hover();
    const hover = session.page.locator('.monaco-hover', { hasText: 'compose project: nsi-shop' });
    await hover.waitFor({ timeout: 10_000 });
    await saveScreenshot(session.page, 'tree-by-container-named');
  });
});
