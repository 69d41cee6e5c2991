import type { Request } from '@playwright/test';
import { allowConsoleError, expect, newUsername, test } from './fixtures';

test('a new user registers, signs out, signs in, reloads and stays signed in, and signs out', async ({ page }, testInfo) => {
  const username = newUsername('new');
  const password = 'a long password';

  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole('link', { name: /create an account|register/i }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/data/);
  await expect(page.getByRole('navigation')).toContainText('Data');
  await expect(page.getByText(username)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('shell.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(username)).toBeVisible();

  await page.reload();
  await expect(page.getByText(username)).toBeVisible();
  await expect(page).not.toHaveURL(/sign-in/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/chat');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a wrong password gets a clear message and no hint which part was wrong', async ({ page, user }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The username or the password is wrong.');
});

test('registration rules are explained next to the field', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Username').fill('a b');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/register/);
});

test('the shell shows every section, live connection status and honest placeholders', async ({ signedInPage: page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/data/);
  for (const name of ['Data', 'Notifications', 'Chat', 'Lab']) {
    await page.getByRole('navigation').getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}`));
    await expect(page.getByRole('main')).toBeVisible();
  }
  const status = page.getByRole('status').first();
  await expect(status).toContainText(/REST/);
  await expect(page.getByText(/WebSocket.*connected/i)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('lab-placeholder.png'), fullPage: true });
});

test('unknown client routes show a not-found page inside the shell', async ({ signedInPage: page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await expect(page.getByRole('navigation')).toBeVisible();
});

test('signing out over long polling leaves no refused request behind', async ({ signedInPage: page }) => {
  // Without WebSocket the tab's sockets run over long polling, where hanging up is a POST: sent after the
  // server had dropped the session's sockets, it would be refused with a 400 that the console reports.
  await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
  const pending = new Set<string>();
  page.on('request', (r) => r.url().includes('/socket.io/') && pending.add(r.url() + r.method()));
  const settle = (r: Request) => pending.delete(r.url() + r.method());
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);

  await page.goto('/chat');
  await expect(page.getByRole('status').filter({ hasText: 'WebSocket:' })).toContainText('Connected');
  await expect(page.getByRole('main').getByText('Connected', { exact: true })).toBeVisible(); // the chat socket too
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The page fixture fails the test on any console error; wait until every socket request has had its answer.
  await expect.poll(() => pending.size).toBe(0);
});

test('when the socket loses the server, the REST indicator checks at once instead of at its next poll', async ({ signedInPage: page }) => {
  // The WebSocket runs through a proxy the test can cut, and the health check is refused from the moment of the cut.
  let cut: (() => Promise<void>) | undefined;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    ws.connectToServer();
    cut = () => ws.close({ code: 4000, reason: 'cut by the test' });
  });
  allowConsoleError(page, /ERR_CONNECTION_REFUSED|ERR_FAILED/);
  const indicator = (name: string) =>
    page.getByRole('status', { name: 'Connection status' }).getByRole('listitem').filter({ hasText: `${name}:` });
  // Socket.IO starts on long polling and moves to the WebSocket once it has sent the upgrade packet ("5"): cut
  // before that and it just stays on polling.
  const upgraded = page.waitForEvent('websocket').then((ws) => ws.waitForEvent('framesent', (frame) => frame.payload === '5'));
  await page.goto('/data');
  await upgraded;
  await expect(indicator('REST')).toContainText('Online');
  await expect(indicator('WebSocket')).toContainText('Connected');

  // A fresh health check just now puts its next poll 15 s away (the browser's "online" event asks for one).
  const checked = page.waitForResponse('**/api/health');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await checked;
  await page.route('**/api/health', (route) => route.abort('connectionrefused'));
  await cut!();
  await expect(indicator('WebSocket')).not.toContainText('Connected');
  // Well before that poll, the socket's drop has made the indicator check.
  await expect(indicator('REST')).toContainText('Unreachable', { timeout: 5_000 });
  await page.unroute('**/api/health');
  await expect(indicator('WebSocket')).toContainText('Connected', { timeout: 15_000 });
  await expect(indicator('REST')).toContainText('Online', { timeout: 8_000 });
});
