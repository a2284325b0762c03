import type { Locator, Page } from 'playwright-core';
import { runCommand } from './palette';
import { answerInputBox } from './inputBox';
import { expandTreeItem, namespaceItem, treeItem } from './tree';

/**
 * Filters the Namespaces view to one namespace by its inode (on a busy host its row may be far
 * down a long list) and expands its type's group and, with `expand`, the namespace itself to
 * show its processes. Returns the namespace's item.
 */
export async function showFilteredNamespace(page: Page, view: Locator, type: string, ino: number, options: { expand?: boolean; name?: string } = {}): Promise<Locator> {
  await runCommand(page, 'Namespace Inspector: Filter Namespaces...', { asks: true });
  await answerInputBox(page, String(ino));
  await expandTreeItem(treeItem(view, type));
  const item = namespaceItem(view, type, ino, options.name);
  if (options.expand) await expandTreeItem(item);
  return item;
}
