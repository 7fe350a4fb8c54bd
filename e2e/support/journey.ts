import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, screenshot, seriousA11yIssues } from './browser.ts';
import { type RunningServer, type ServerOptions, startServer } from './server.ts';

export interface Journey {
  server: RunningServer;
  browser: Browser;
  /** The context and page of the test running now (closed after the file, if still open). */
  context: BrowserContext | undefined;
  page: Page;
}

/**
 * One server and one browser for a journey file, started before its tests and closed after them,
 * and `expectAccessible(name)`: a screenshot (`<prefix>-<name>.png`) and an axe scan with no
 * serious or critical finding.
 */
export function journey(prefix: string, options: ServerOptions = {}) {
  const state = { context: undefined } as Journey;
  beforeAll(async () => {
    state.server = await startServer(options);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.context?.close();
    await state.browser?.close();
    await state.server?.close();
  });
  async function expectAccessible(name: string) {
    await screenshot(state.page, `${prefix}-${name}`);
    expect(await seriousA11yIssues(state.page), `axe on ${name}`).toEqual([]);
  }
  return { state, expectAccessible };
}
