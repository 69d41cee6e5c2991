import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// axe-core's rules (WCAG 2.x A and AA, and its best practices) on every page and on the overlays, in both
// themes. A finding is reported with where it is, so the failure says what to fix.
async function findings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.impact ?? 'unrated'} ${v.id}: ${n.target.join(' ')}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`pages and overlays pass axe in the ${colorScheme} theme`, async ({ signedInPage: page }) => {
    await page.emulateMedia({ colorScheme });
    const ready = {
      '/data': page.getByRole('table', { name: /orders/i }).getByRole('row').nth(1),
      '/notifications': page.getByRole('heading', { level: 1, name: 'Notifications' }),
      '/chat': page.getByRole('heading', { level: 1, name: '#general' }),
      '/lab': page.locator('[data-lane="websocket"] [data-state="open"]'),
    };
    for (const [path, shown] of Object.entries(ready)) {
      await page.goto(path);
      await expect(shown).toBeVisible({ timeout: 15_000 });
      if (path === '/chat') {
        // A room with a message shows its last activity in the room list: audited as well.
        await page.getByRole('textbox', { name: 'Message' }).fill(`checking the room list (${colorScheme})`);
        await page.getByRole('textbox', { name: 'Message' }).press('Enter');
        await expect(page.getByRole('navigation', { name: 'Rooms' }).locator('time').first()).toBeVisible();
      }
      expect(await findings(page), path).toEqual([]);
    }

    // Every order status has a badge of its own colour.
    for (const status of ['paid', 'shipped', 'cancelled', 'refunded']) {
      await page.goto(`/data?status=${status}`);
      await expect(page.getByRole('table', { name: /orders/i }).locator('tbody .status-badge').first()).toBeVisible();
      expect(await findings(page), `/data?status=${status}`).toEqual([]);
    }

    await page.getByRole('button', { name: /^Notifications/ }).click();
    await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeVisible();
    expect(await findings(page), 'the bell panel').toEqual([]);
    await page.keyboard.press('Escape');

    await page.goto('/data');
    await page.getByRole('button', { name: 'New order' }).click();
    await expect(page.getByRole('dialog', { name: 'New order' })).toBeVisible();
    expect(await findings(page), 'the new order dialog').toEqual([]);
  });
}

test('the sign-in page passes axe', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await findings(page)).toEqual([]);
});
