import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../playwright.config';
import type { TestUser } from './fixtures';
import { allowConsoleError, expect, recordPageProblems, registerUser, test, unexpectedProblems } from './fixtures';

// A broadcast reaches every user that exists, including those of other tests in this file: they run one at a time
// so that each can count its own user's notifications exactly. Each test signs several people in (argon2 hashes
// on a busy machine) and drives more than one page: give them triple time.
test.describe.configure({ mode: 'serial' });
test.slow();

const ADMIN: TestUser = { username: 'admin', password: E2E_ADMIN_PASSWORD };

/** One admin session for the file, for sending through the API. */
let admin: APIRequestContext;
test.beforeAll(async ({ playwright }, workerInfo) => {
  admin = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
  expect((await admin.post('/api/auth/login', { data: ADMIN })).status()).toBe(200);
});
test.afterAll(async () => {
  await admin.dispose();
});

let seq = 0;
const uniqueTitle = (label: string) => {
  seq += 1;
  return `${label} ${Date.now().toString(36)}${seq}`;
};

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });
const panel = (page: Page) => page.getByRole('dialog', { name: 'Notifications' });
const toasts = (page: Page) => page.getByRole('region', { name: 'New notifications' });
const sseStatus = (page: Page) => page.getByRole('listitem').filter({ hasText: 'SSE:' });
/** The next stream a page opens that resumes after a given position rather than starting at "now". */
const resumingStream = (page: Page) => page.waitForRequest(/\/api\/notifications\/stream\?last_event_id=[1-9]\d*$/);
const historyTitles = (page: Page) => page.getByRole('list', { name: 'All notifications' }).locator('.notification-title');

async function send(to: string, title: string, extra: Record<string, string> = {}): Promise<number> {
  const res = await admin.post('/api/notifications', { data: { to, title, ...extra } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { recipients: number }).recipients;
}

/** Another person (a new account unless credentials are given) in a browser context of their own. */
async function otherPerson(browser: Browser, baseURL: string | undefined, credentials?: TestUser) {
  const context: BrowserContext = await browser.newContext({ baseURL });
  // Registering signs the new account in (the answer sets the cookie); given credentials sign in.
  const person = credentials ?? (await registerUser(context.request, 'e2e_b'));
  if (credentials) expect((await context.request.post('/api/auth/login', { data: credentials })).status()).toBe(200);
  const page = await context.newPage();
  const problems = recordPageProblems(page);
  return { context, page, person, problems };
}

test('an admin broadcast reaches two people as a toast and in the bell', async ({ signedInPage: page, browser, baseURL }, testInfo) => {
  const other = await otherPerson(browser, baseURL);
  for (const p of [page, other.page]) {
    await p.goto('/data');
    await expect(sseStatus(p)).toContainText('Connected (leader)');
    await expect(bell(p)).toHaveAccessibleName('Notifications');
  }

  const title = uniqueTitle('Maintenance tonight');
  expect(await send('all', title, { body: 'The dashboard restarts at 22:00.', level: 'warning' })).toBeGreaterThanOrEqual(2);

  for (const [i, p] of [page, other.page].entries()) {
    await expect(toasts(p).getByText(title)).toBeVisible();
    await expect(bell(p)).toHaveAccessibleName('Notifications, 1 unread');
    await bell(p).click();
    await expect(bell(p)).toHaveAttribute('aria-expanded', 'true');
    await expect(panel(p).getByRole('listitem').filter({ hasText: title })).toBeVisible();
    await p.screenshot({ path: testInfo.outputPath(`bell-panel-and-toast-${i + 1}.png`) });
    // Escape closes the panel and gives the focus back to the bell.
    await p.keyboard.press('Escape');
    await expect(panel(p)).toHaveCount(0);
    await expect(bell(p)).toBeFocused();
  }

  expect(unexpectedProblems(other.problems)).toEqual([]);
  await other.context.close();
});

test('reading in one tab clears the badge in the other, and the stream moves when its tab closes', async ({ signedInPage: page, user }) => {
  // The first tab to open takes the stream; the fixture's page becomes the second tab.
  const leader = await page.context().newPage();
  const leaderProblems = recordPageProblems(leader);
  await leader.goto('/notifications');
  await expect(sseStatus(leader)).toContainText('Connected (leader)');
  await page.goto('/data');
  await expect(sseStatus(page)).toContainText('Connected (via another tab)');

  await send(user.username, uniqueTitle('First'));
  await send(user.username, uniqueTitle('Second'));
  await expect(bell(leader)).toHaveAccessibleName('Notifications, 2 unread');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 2 unread');

  await bell(page).click();
  await panel(page).getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell(leader)).toHaveAccessibleName('Notifications');
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await page.keyboard.press('Escape');

  // Closing the leading tab hands the stream to this one, which resumes after the last id it saw: a notification
  // sent during the hand-over still arrives, once.
  expect(unexpectedProblems(leaderProblems)).toEqual([]);
  const takeover = resumingStream(page);
  await leader.close();
  const third = uniqueTitle('After the hand-over');
  await send(user.username, third);
  await takeover;
  await expect(sseStatus(page)).toContainText('Connected (leader)');
  await expect(toasts(page).getByText(third)).toHaveCount(1);
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
});

test('notifications sent while the network is down arrive once each, in order, when it is back', async ({ signedInPage: page, user }) => {
  // Requests fail while offline (the health check, the socket), and the browser logs each.
  allowConsoleError(page, /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|WebSocket connection/);
  await page.goto('/notifications');
  await expect(sseStatus(page)).toContainText('Connected (leader)');
  await expect(page.getByRole('button', { name: 'Send notification' })).toHaveCount(0);
  const before = uniqueTitle('Before the cut');
  await send(user.username, before);
  await expect(historyTitles(page)).toHaveText([new RegExp(`^${before}`)]);

  await page.context().setOffline(true);
  await expect(sseStatus(page)).toContainText('Offline');
  const missed = [1, 2, 3].map((n) => uniqueTitle(`While offline ${n}`));
  for (const title of missed) await send(user.username, title);
  const resumed = resumingStream(page);
  await page.context().setOffline(false);
  await resumed;

  await expect(sseStatus(page)).toContainText('Connected (leader)');
  const expected = [...missed].reverse().concat(before);
  await expect(historyTitles(page)).toHaveText(expected.map((title) => new RegExp(`^${title}`)));
  await expect(bell(page)).toHaveAccessibleName('Notifications, 4 unread');
  // Still exactly once each after everything settled (the replay and the refetch both brought them).
  await page.waitForTimeout(1_000);
  await expect(historyTitles(page)).toHaveCount(4);
});

test('with toasts off a notification only shows in the list, where it is read, filtered and deleted', async ({ signedInPage: page, user }) => {
  await page.goto('/notifications');
  await expect(sseStatus(page)).toContainText('Connected (leader)');
  await page.getByLabel('Show new notifications as toasts').uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // Away from the Notifications page (which never toasts), so that only the setting keeps the toast away.
  await page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
  await expect(sseStatus(page)).toContainText('Connected (leader)');
  const title = uniqueTitle('Quiet');
  await send(user.username, title);
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await page.waitForTimeout(600); // longer than toasts take to gather a burst
  // Counted once, not awaited: a toast that did show would be gone by itself within seconds.
  expect(await toasts(page).getByText(title).count()).toBe(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Notifications' }).click();
  await expect(historyTitles(page)).toHaveText([new RegExp(`^${title}`)]);

  await page.getByRole('button', { name: `Mark read: ${title}` }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await page.getByRole('checkbox', { name: 'Unread only' }).check();
  await expect(page).toHaveURL(/unread=1/);
  await expect(page.getByText('No unread notifications.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Unread only' }).uncheck();
  await page.getByRole('button', { name: `Delete: ${title}` }).click();
  await expect(page.getByText('No notifications yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No notifications yet.')).toBeVisible();
});

test('an admin sends with the form and the person follows its link from the bell', async ({ signedInPage: page, user, browser, baseURL }, testInfo) => {
  await page.goto('/data');
  await expect(sseStatus(page)).toContainText('Connected (leader)');

  const sender = await otherPerson(browser, baseURL, ADMIN);
  await sender.page.goto('/notifications');
  const form = sender.page.getByRole('region', { name: 'Send a notification' });
  const title = uniqueTitle('Refunds need a look');
  await form.getByLabel('To', { exact: true }).fill(user.username);
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Body', { exact: true }).fill('Three refunds above 1,000.00 since this morning.');
  await form.getByLabel('Level', { exact: true }).selectOption('warning');
  await form.getByLabel('Link', { exact: true }).fill('/notifications');
  await form.getByRole('button', { name: 'Send notification' }).click();
  await expect(form.getByText('Sent to 1 recipient.')).toBeVisible();
  await expect(form.getByLabel('Title', { exact: true })).toHaveValue('');

  await expect(toasts(page).getByText(title)).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await bell(page).click();
  await panel(page).getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(panel(page)).toHaveCount(0);
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(historyTitles(page)).toHaveText([title]);
  await page.screenshot({ path: testInfo.outputPath('notifications-page.png'), fullPage: true });
  // A full-page shot of a scrolled page repeats the sticky header halfway down.
  await sender.page.evaluate(() => window.scrollTo(0, 0));
  await sender.page.screenshot({ path: testInfo.outputPath('notifications-page-admin.png'), fullPage: true });

  // Broadcasts reach the sender too, and their history already shows them: no toast lands on the form, so a
  // second one can be sent at once.
  for (const label of ['First of two', 'Second of two']) {
    const broadcast = uniqueTitle(label);
    await form.getByLabel('To', { exact: true }).fill('all');
    await form.getByLabel('Title', { exact: true }).fill(broadcast);
    await form.getByRole('button', { name: 'Send notification' }).click();
    await expect(form.getByLabel('Title', { exact: true })).toHaveValue('');
    await expect(historyTitles(sender.page).first()).toHaveText(new RegExp(`^${broadcast}`));
  }
  await sender.page.waitForTimeout(600); // longer than toasts take to gather a burst
  expect(await toasts(sender.page).locator('.toast').count()).toBe(0); // once: a toast would leave by itself

  expect(unexpectedProblems(sender.problems)).toEqual([]);
  await sender.context.close();
});
