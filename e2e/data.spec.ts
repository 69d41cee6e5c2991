import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { Order } from '../server/contract/orders';
import { test, expect, allowConsoleError } from './fixtures';

let seq = 0;
/** A customer name no other test (or the seed) uses, so searches find exactly the orders a test made. */
function uniqueCustomer(label: string): string {
  seq += 1;
  return `Zz${label}${Date.now().toString(36)}${process.pid % 1000}${seq}`;
}

async function createOrder(request: APIRequestContext, customer: string, amountCents: number, status = 'shipped'): Promise<Order> {
  // Shipped orders are never touched by the simulated activity, so the test's orders stay as it left them.
  const res = await request.post('/api/orders', { data: { customer, item: 'Test widget', amount_cents: amountCents, status } });
  expect(res.status()).toBe(201);
  return (await res.json()) as Order;
}

// Each test drives a live table over the full seeded database with many round trips: give them triple time.
test.slow();

/** Playwright pages are always visible; this makes the page believe it was sent to the background (or back). */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

const ordersTable = (page: Page) => page.getByRole('table', { name: /^Orders/ });
const orderRows = (page: Page) => ordersTable(page).locator('tbody tr[data-order-id]');
const rowOf = (page: Page, id: number) => ordersTable(page).locator(`tbody tr[data-order-id="${id}"]`);
const costCell = (page: Page, row: string, column: number): Locator =>
  page.getByRole('region', { name: 'Cost' }).getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').nth(column);

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search customer or item').fill(text);
  await page.getByLabel('Search customer or item').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${text}`));
}

test('pages through the list with every page control', async ({ signedInPage: page }, testInfo) => {
  await page.goto('/data');
  await expect(orderRows(page)).toHaveCount(25);
  await expect(page.getByText(/^Showing 1–25 of/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('data-page.png'), fullPage: true });

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Showing 26–50 of/)).toBeVisible();
  await expect(page.getByLabel('Page', { exact: true })).toHaveValue('2');

  await page.getByLabel('Page', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByText(/^Showing 101–125 of/)).toBeVisible();
  await page.getByLabel('Page size').selectOption('50');
  // Row 101 stays in view: it is on page 3 of 50.
  await expect(page).toHaveURL(/page=3&page_size=50/);
  await expect(orderRows(page)).toHaveCount(50);

  await page.getByRole('button', { name: 'Last page' }).click();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeEnabled();
  await page.getByRole('button', { name: 'First page' }).click();
  await expect(page.getByText(/^Showing 1–50 of/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  // Back returns to the previous page of the list: page moves are history entries.
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  await expect(page).toHaveURL(/page=\d+/);
});

test('filters and sorts, and a reload keeps the view', async ({ signedInPage: page }) => {
  const customer = uniqueCustomer('sort');
  const small = await createOrder(page.request, customer, 500);
  const large = await createOrder(page.request, customer, 2_000);
  const middle = await createOrder(page.request, customer, 1_250);

  await page.goto('/data');
  await page.getByRole('checkbox', { name: 'Shipped' }).check();
  await expect(page).toHaveURL(/status=shipped/);
  await expect(ordersTable(page).locator('tbody .status-badge').first()).toHaveText('Shipped');
  for (const badge of await ordersTable(page).locator('tbody .status-badge').allTextContents()) expect(badge).toBe('Shipped');

  await search(page, customer);
  await expect(orderRows(page)).toHaveCount(3);
  const amountHeader = page.getByRole('columnheader', { name: 'Amount' });
  await page.getByRole('button', { name: 'Amount' }).click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(orderRows(page).locator('.cell-amount')).toHaveText(['$20.00', '$12.50', '$5.00']);
  await page.getByRole('button', { name: 'Amount' }).click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(orderRows(page).locator('.cell-amount')).toHaveText(['$5.00', '$12.50', '$20.00']);
  await expect(page).toHaveURL(/sort=amount&order=asc/);

  await page.reload();
  await expect(page.getByLabel('Search customer or item')).toHaveValue(customer);
  await expect(page.getByRole('checkbox', { name: 'Shipped' })).toBeChecked();
  await expect(page.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(orderRows(page)).toHaveCount(3);
  await expect(orderRows(page).locator('.cell-id')).toHaveText([small.id, middle.id, large.id].map(String));

  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'ID' })).toHaveAttribute('aria-sort', 'descending');
  await expect(orderRows(page).locator('.cell-id')).toHaveText([middle.id, large.id, small.id].map(String));
});

test('an order created elsewhere is announced by polling and shown on request', async ({ signedInPage: page }) => {
  const customer = uniqueCustomer('new');
  await page.goto('/data');
  await page.getByLabel('Polling').selectOption({ label: '1 s' });
  await search(page, customer);
  await expect(page.getByText('No orders match these filters.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live, every 1 s' })).toBeVisible();

  const order = await createOrder(page.request, customer, 4_200);
  const show = page.getByRole('button', { name: 'Show new orders' });
  await expect(show).toBeVisible();
  await expect(page.getByText('1 new order', { exact: true })).toBeVisible();
  // Announced, not inserted: rows never move on their own.
  await expect(orderRows(page)).toHaveCount(0);

  await show.click();
  await expect(rowOf(page, order.id)).toContainText(customer);
  await expect(rowOf(page, order.id)).toContainText('$42.00');
  await expect(show).toBeHidden();

  // A hidden tab stops polling and says so; it catches up as soon as it is visible again.
  await setVisibility(page, 'hidden');
  await expect(page.getByRole('status').filter({ hasText: 'Paused while this tab is hidden' })).toBeVisible();
  await createOrder(page.request, customer, 100);
  await page.waitForTimeout(2_500);
  await expect(show).toBeHidden();
  await setVisibility(page, 'visible');
  await expect(page.getByText('1 new order', { exact: true })).toBeVisible();
});

test('an edit shows at once, is rolled back when the server fails, then saves', async ({ signedInPage: page }) => {
  allowConsoleError(page, /status of 500/);
  const customer = uniqueCustomer('edit');
  const order = await createOrder(page.request, customer, 4_200);
  let failuresLeft = 1;
  await page.route(`**/api/orders/${order.id}`, async (route) => {
    if (route.request().method() !== 'PATCH' || failuresLeft === 0) return route.fallback();
    failuresLeft -= 1;
    // Slow enough to see the optimistic row before the failure arrives.
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: '/api/problems/internal',
        title: 'Something went wrong on our side',
        status: 500,
        detail: 'The database is on fire.',
        code: 'internal',
      }),
    });
  });

  await page.goto('/data');
  await search(page, customer);
  const row = rowOf(page, order.id);
  await expect(row).toContainText('Shipped');

  await page.getByRole('button', { name: `Edit order ${order.id}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit order ${order.id}` });
  await dialog.getByLabel('Status').selectOption({ label: 'Refunded' });
  await dialog.getByLabel('Amount').fill('43.5');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Refunded');
  await expect(row).toContainText('$43.50');

  await expect(page.getByRole('alert')).toContainText(`Your change to order ${order.id} was not saved. The database is on fire.`);
  await expect(row).toContainText('Shipped');
  await expect(row).toContainText('$42.00');

  await page.getByRole('button', { name: `Edit order ${order.id}` }).click();
  await dialog.getByLabel('Status').selectOption({ label: 'Refunded' });
  await dialog.getByLabel('Amount').fill('43.5');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Order ${order.id} saved.`)).toBeVisible();
  await expect(row).toContainText('Refunded');
  const saved = (await (await page.request.get(`/api/orders/${order.id}`)).json()) as Order;
  expect(saved).toMatchObject({ status: 'refunded', amount_cents: 4_350, version: 2 });
});

test('a conflicting edit is refused and the newer version is shown', async ({ signedInPage: page }) => {
  allowConsoleError(page, /status of 412/);
  const customer = uniqueCustomer('conflict');
  const order = await createOrder(page.request, customer, 1_000);
  await page.goto('/data');
  // Without polling the page cannot learn about the other change before the person saves.
  await page.getByLabel('Polling').selectOption({ label: 'Off' });
  await search(page, customer);
  await expect(rowOf(page, order.id)).toContainText('$10.00');

  const res = await page.request.patch(`/api/orders/${order.id}`, { data: { status: 'refunded', amount_cents: 9_999 } });
  expect(res.status()).toBe(200);

  await page.getByRole('button', { name: `Edit order ${order.id}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit order ${order.id}` });
  await dialog.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('alert')).toHaveText(
    new RegExp(`Someone changed order ${order.id}: now refunded, \\$99\\.99\\. Your change was not saved\\.`),
  );
  await expect(rowOf(page, order.id)).toContainText('Refunded');
  await expect(rowOf(page, order.id)).toContainText('$99.99');
});

test('creates an order with an exact amount and deletes it', async ({ signedInPage: page }) => {
  const customer = uniqueCustomer('ui');
  await page.goto('/data');
  await search(page, customer);
  await expect(page.getByText('No orders match these filters.')).toBeVisible();

  await page.getByRole('button', { name: 'New order', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New order' });
  await dialog.getByLabel('Customer').fill(customer);
  await dialog.getByLabel('Item').fill('Teapot');
  await dialog.getByLabel('Amount').fill('1.234');
  await dialog.getByRole('button', { name: 'Create order' }).click();
  await expect(dialog.getByLabel('Amount')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('with at most two decimals')).toBeVisible();
  await dialog.getByLabel('Amount').fill('0.07');
  await dialog.getByRole('button', { name: 'Create order' }).click();
  await expect(dialog).toBeHidden();

  const created = page.getByText(/^Order \d+ created\.$/);
  await expect(created).toBeVisible();
  const id = Number((await created.textContent())?.match(/\d+/)?.[0]);
  const row = rowOf(page, id);
  await expect(row).toContainText('Teapot');
  await expect(row).toContainText('$0.07');
  const stored = (await (await page.request.get(`/api/orders/${id}`)).json()) as Order;
  expect(stored).toMatchObject({ customer, item: 'Teapot', amount_cents: 7, status: 'pending' });

  await page.getByRole('button', { name: `Delete order ${id}` }).click();
  await page.getByRole('dialog', { name: `Delete order ${id}?` }).getByRole('button', { name: 'Delete' }).click();
  await expect(row).toContainText('Deleted');
  await expect(page.getByText(`Order ${id} deleted.`)).toBeVisible();
  expect((await page.request.get(`/api/orders/${id}`)).status()).toBe(404);
});

test('infinite scroll loads more rows as the list is scrolled, and counts what it cost', async ({ signedInPage: page }, testInfo) => {
  await page.goto('/data');
  await page.getByRole('radio', { name: 'Infinite scroll' }).check();
  await expect(page).toHaveURL(/view=infinite/);
  await expect(page.getByText(/^25 rows in memory \(1 page of 25/)).toBeVisible();
  await expect(costCell(page, 'Requests', 1)).toHaveText('1');
  await expect(costCell(page, 'Rows loaded', 1)).toHaveText('25');
  await expect(costCell(page, 'Last server time', 1)).toHaveText(/ms$/);

  const scroller = page.getByRole('region', { name: 'Orders, scroll to load more' });
  for (const rows of [50, 75]) {
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(page.getByText(new RegExp(`^${rows} rows in memory`))).toBeVisible();
  }
  await expect(costCell(page, 'Requests', 1)).toHaveText('3');
  // Only the rows near the viewport are in the DOM, each with its position in the whole list.
  expect(await orderRows(page).count()).toBeLessThan(75);
  await expect(ordersTable(page).locator('tbody tr[aria-rowindex="51"]')).toBeAttached();
  await page.screenshot({ path: testInfo.outputPath('data-page-infinite.png'), fullPage: true });

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Infinite scroll' })).toBeChecked();
});
