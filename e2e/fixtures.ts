// Shared e2e fixtures: a fresh user per test, signed in by cookie (not through the UI), and a page that
// fails the test on any console error or uncaught exception.
import { test as base, expect, type Page } from '@playwright/test';

export interface TestUser {
  username: string;
  password: string;
}

let seq = 0;
export function newUsername(prefix = 'e2e'): string {
  seq += 1;
  return `${prefix}_${Date.now().toString(36)}_${process.pid % 1000}_${seq}`.slice(0, 32);
}

const allowedErrors = new WeakMap<Page, RegExp[]>();

/**
 * Lets one expected console error through, e.g. the line Chromium logs for a deliberately failed request.
 * Every other console error still fails the test.
 */
export function allowConsoleError(page: Page, pattern: RegExp): void {
  allowedErrors.set(page, [...(allowedErrors.get(page) ?? []), pattern]);
}

interface Fixtures {
  user: TestUser;
  signedInPage: Page;
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if (allowedErrors.get(page)?.some((pattern) => pattern.test(msg.text()))) return;
      problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    await use(page);
    // A 401 from /api/auth/me while signed out is expected and logged by the browser itself.
    const unexpected = problems.filter((p) => !/401 \(Unauthorized\)/.test(p));
    expect(unexpected, 'console errors on the page').toEqual([]);
  },
  user: async ({ request }, use) => {
    const user = { username: newUsername(), password: 'e2e password 123' };
    const res = await request.post('/api/auth/register', { data: user });
    expect(res.status()).toBe(201);
    await use(user);
  },
  signedInPage: async ({ page, user }, use) => {
    const res = await page.request.post('/api/auth/login', { data: user });
    expect(res.status()).toBe(200);
    await use(page);
  },
});

export { expect };
