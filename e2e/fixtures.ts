// Shared e2e fixtures: a fresh user per test, signed in by cookie (not through the UI), and a page that
// fails the test on any console error or uncaught exception.
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

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

/**
 * Records console errors (except allowed ones) and uncaught exceptions of a page. The `page` fixture does this by
 * itself; pages a test opens in contexts of its own call it and check `unexpectedProblems` at the end.
 */
export function recordPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (allowedErrors.get(page)?.some((pattern) => pattern.test(msg.text()))) return;
    problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return problems;
}

/** A 401 from /api/auth/me while signed out is expected and logged by the browser itself. */
export const unexpectedProblems = (problems: string[]): string[] => problems.filter((p) => !/401 \(Unauthorized\)/.test(p));

/** Creates an account through the API; the answer also signs it in on that request context (cookie). */
export async function registerUser(request: APIRequestContext, prefix = 'e2e'): Promise<TestUser> {
  const user = { username: newUsername(prefix), password: 'e2e password 123' };
  const res = await request.post('/api/auth/register', { data: user });
  expect(res.status()).toBe(201);
  return user;
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => {
    const problems = recordPageProblems(page);
    await use(page);
    expect(unexpectedProblems(problems), 'console errors on the page').toEqual([]);
  },
  user: async ({ request }, use) => {
    await use(await registerUser(request));
  },
  signedInPage: async ({ page, user }, use) => {
    const res = await page.request.post('/api/auth/login', { data: user });
    expect(res.status()).toBe(200);
    await use(page);
  },
});

export { expect };
