import type { Browser, Page, TestInfo } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../playwright.config';
import { allowConsoleError, expect, recordPageProblems, registerUser, test, unexpectedProblems } from './fixtures';

// The lab changes the stream's rate and cuts connections for everyone: its tests run one at a time, restore the
// rate they found, and wait for things a busy machine does slowly (sign-ins, a 10 s stream).
test.describe.configure({ mode: 'serial' });
test.slow();

const LANES = ['poll', 'long_poll', 'sse', 'websocket'] as const;

const figure = (page: Page, lane: string, name: string) => page.locator(`[data-lane="${lane}"] [data-figure="${name}"]`);
const count = async (page: Page, lane: string, name: string) => Number((await figure(page, lane, name).innerText()).replaceAll(',', ''));

async function openLab(browser: Browser, credentials: { username: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = recordPageProblems(page);
  // The drop fault cuts streams mid-response on purpose; Chromium logs each cut request as an error.
  allowConsoleError(page, /ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET/);
  expect((await page.request.post('/api/auth/login', { data: credentials })).status()).toBe(200);
  await page.goto('/lab');
  for (const lane of LANES) await expect(page.locator(`[data-lane="${lane}"] [data-state]`)).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  return { context, page, problems };
}

/** Waits until every lane has every change the others have, and checks none was lost, repeated or reordered. */
async function expectLanesAgree(page: Page, atLeast: number) {
  await expect
    .poll(async () => {
      const received = await Promise.all(LANES.map((lane) => count(page, lane, 'received')));
      return new Set(received).size === 1 && received[0]! >= atLeast;
    }, { timeout: 15_000 })
    .toBe(true);
  for (const lane of LANES) {
    for (const name of ['missing', 'duplicates', 'out-of-order']) expect(await count(page, lane, name), `${lane} ${name}`).toBe(0);
  }
}

async function setRate(page: Page, rate: number) {
  await page.getByLabel('Stream rate').fill(String(rate));
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(page.locator('.lab-ticker [data-figure="rate"]')).toHaveText(String(rate));
}

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

test('every lane gets every change once and in order, and recovers from dropped connections without loss', async ({ browser, request }, testInfo) => {
  const admin = await openLab(browser, { username: 'admin', password: E2E_ADMIN_PASSWORD });
  const viewer = await openLab(browser, await registerUser(request, 'lab'));
  const before = Number(await admin.page.locator('.lab-ticker input').getAttribute('placeholder'));
  try {
    await setRate(admin.page, 20);
    await admin.page.waitForTimeout(10_000);
    await setRate(admin.page, 0);
    for (const { page } of [admin, viewer]) await expectLanesAgree(page, 150);

    await setRate(admin.page, 20);
    await admin.page.getByRole('button', { name: 'Drop connections' }).click();
    await expect(admin.page.getByRole('status').filter({ hasText: /^Cut \d+ event streams?,/ })).toBeVisible();
    await admin.page.waitForTimeout(3000);
    await setRate(admin.page, 0);
    for (const { page } of [admin, viewer]) {
      await expectLanesAgree(page, 200);
      // Short polls are never held open, and a long poll may be between requests at the instant of the drop.
      for (const lane of ['sse', 'websocket']) expect(await count(page, lane, 'reconnects'), `${lane} reconnected`).toBeGreaterThanOrEqual(1);
    }
    // Only the page that sent the fault knows when it happened: it reports each lane's recovery.
    for (const lane of LANES) {
      await expect(admin.page.locator(`[data-lane="${lane}"] [data-fault="drop"]`)).toContainText(/Drop recovered in .*, lost 0,\s+duplicated 0/);
    }
    await keepScreenshot(admin.page, testInfo, 'lab-after-drop.png');
  } finally {
    await admin.page.request.put('/api/ticker', { data: { rate: Number.isFinite(before) ? before : 1 } });
  }
  for (const { context, problems } of [admin, viewer]) {
    expect(unexpectedProblems(problems)).toEqual([]);
    await context.close();
  }
});

test('a lane taken offline catches up when it comes back, and server faults are for admins only', async ({ signedInPage: page }) => {
  await page.goto('/lab');
  await expect(page.locator('[data-lane="sse"] [data-state]')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Drop connections' })).toBeDisabled();

  await page.getByRole('checkbox', { name: 'Offline Server-Sent Events' }).check();
  await expect(page.locator('[data-lane="sse"] [data-state]')).toHaveAttribute('data-state', 'offline');
  const created = await page.request.post('/api/orders', { data: { customer: 'Lab Offline', item: 'Probe', amount_cents: 100 } });
  expect(created.status()).toBe(201);
  await expect.poll(() => count(page, 'websocket', 'received')).toBeGreaterThan(await count(page, 'sse', 'received'));

  await page.getByRole('checkbox', { name: 'Offline Server-Sent Events' }).uncheck();
  await expect(page.locator('[data-lane="sse"] [data-state]')).toHaveAttribute('data-state', 'open');
  await expect.poll(async () => (await count(page, 'sse', 'received')) >= (await count(page, 'websocket', 'received'))).toBe(true);
  expect(await count(page, 'sse', 'missing')).toBe(0);
  expect(await count(page, 'sse', 'duplicates')).toBe(0);
});
