import type { Locator, Page } from 'playwright-core';

/** A view (pane) in the side bar by its name. */
export function sideBarView(page: Page, name: string): Locator {
  // "Name Section", or "Name Section: detail" for some built-in views.
  return page.locator(`.part.sidebar .pane:has(> .pane-header[aria-label^="${name} Section"])`);
}

/** The viewsWelcome content a view shows while its tree is empty. */
export function welcomeContent(view: Locator): Locator {
  return view.locator('.welcome-view-content');
}
