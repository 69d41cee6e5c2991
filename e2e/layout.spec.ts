import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Wide tables scroll inside their own frames; the page itself never scrolls sideways, on a phone or a laptop.
// Each page is judged once what makes it wide is on it: the orders' rows, a room, the lab's lanes.
const PAGES = [
  { path: '/data', ready: (page: Page) => page.getByRole('table', { name: /orders/i }).getByRole('row').nth(1) },
  { path: '/notifications', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'Notifications' }) },
  { path: '/chat', ready: (page: Page) => page.getByRole('heading', { level: 1, name: '#general' }) },
  { path: '/lab', ready: (page: Page) => page.locator('[data-lane="websocket"] [data-state="open"]') },
];

const sideways = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));

for (const width of [390, 1280]) {
  test(`no page scrolls sideways at ${width} px`, async ({ signedInPage: page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const { path, ready } of PAGES) {
      await page.goto(path);
      await expect(ready(page)).toBeVisible({ timeout: 15_000 });
      const { scrollWidth, clientWidth } = await sideways(page);
      expect(scrollWidth, `${path} is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
    }
  });
}

test('the lab compares the lanes in one table that fits a 1280 px window', async ({ signedInPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/lab');
  await expect(page.locator('[data-lane="websocket"] [data-state]')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  const frame = page.locator('.lab-table-scroll');
  const { scrollWidth, clientWidth } = await frame.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, 'the side-by-side table needs no scrollbar').toBeLessThanOrEqual(clientWidth);
  const last = await page.getByRole('columnheader', { name: 'Reconnects' }).boundingBox();
  const shown = await frame.boundingBox();
  expect(last!.x + last!.width, 'the last column is inside the card').toBeLessThanOrEqual(shown!.x + shown!.width + 0.5);
});

test('on a phone the header scrolls away with the page; on a laptop it stays', async ({ signedInPage: page }) => {
  const banner = page.getByRole('banner');
  for (const [width, stays] of [[390, false], [1280, true]] as const) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto('/data');
    await expect(page.getByRole('table', { name: /orders/i }).getByRole('row').nth(1)).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    if (stays) await expect(banner).toBeInViewport();
    else await expect(banner).not.toBeInViewport();
  }
});

test('on a phone the conversation comes before the forms to add a room', async ({ signedInPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/chat');
  await expect(page.getByRole('heading', { level: 1, name: '#general' })).toBeInViewport();
  const composer = await page.getByRole('textbox', { name: 'Message' }).boundingBox();
  const newRoom = await page.getByRole('form', { name: 'New room' }).boundingBox();
  expect(composer!.y).toBeLessThan(newRoom!.y);
});
