import type { Request } from '@playwright/test';
import { test, expect, newUsername } from './fixtures';

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
