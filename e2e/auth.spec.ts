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
