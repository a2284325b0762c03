import type { Locator, Page } from 'playwright-core';

/** A view (pane) in the side bar by its name. */
export function sideBarView(page: Page, name: string): Locator {
  // "Name Section", "Name Section: detail" for some built-in views, "Name - description Section"
  // for a view with a description (the Namespaces view shows its grouping there).
  const header = `.pane-header[aria-label^="${name} Section"], > .pane-header[aria-label^="${name} - "]`;
  return page.locator(`.part.sidebar .pane:has(> ${header})`);
}

/** The viewsWelcome content a view shows while its tree is empty. */
export function welcomeContent(view: Locator): Locator {
  return view.locator('.welcome-view-content');
}
