import type { Locator, Page } from 'playwright-core';

/** An activity-bar entry by its title (the view container's `title` in package.json). */
export function activityBarEntry(page: Page, title: string): Locator {
  // The <li> carries an empty aria-label when not selected; its <a> always has the title, for
  // built-in entries followed by the keybinding, e.g. "Explorer (Ctrl+Shift+E)".
  const label = `a.action-label[aria-label="${title}"], > a.action-label[aria-label^="${title} ("]`;
  return page.locator(`.part.activitybar li.action-item:has(> ${label})`);
}

/** Clicks the entry (unless its container is already open) and waits for the side bar to show it. */
export async function openViewContainer(page: Page, title: string): Promise<Locator> {
  const entry = activityBarEntry(page, title);
  if ((await entry.getAttribute('aria-selected')) !== 'true') await entry.click();
  const sideBar = page.locator('.part.sidebar');
  await sideBar.locator('.composite.title', { hasText: title }).waitFor();
  return sideBar;
}
