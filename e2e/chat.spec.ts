// Chat between two people in two browser contexts: live messages, typing, an offline queue sent in order on
// reconnect, edits and deletes made meanwhile, and unread badges; and a long conversation, virtualized.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { allowConsoleError, expect, recordPageProblems, registerUser, test, unexpectedProblems, type TestUser } from './fixtures';

interface Person {
  user: TestUser;
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function signIn(browser: Browser, baseURL: string | undefined): Promise<Person> {
  const context = await browser.newContext({ baseURL });
  const user = await registerUser(context.request, 'chat');
  const res = await context.request.post('/api/auth/login', { data: user });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  return { user, context, page, problems: recordPageProblems(page) };
}

const roomView = (page: Page) => page.getByRole('region', { name: /^Room / });
const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
const messageWith = (page: Page, text: string) => messages(page).filter({ hasText: text });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });

async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

test.slow();

test('two people chat, see typing, queue while offline and get unread badges', async ({ browser, baseURL }, testInfo) => {
  const alice = await signIn(browser, baseURL);
  const bob = await signIn(browser, baseURL);
  // Requests bob's page makes while offline (reconnect attempts, the room list) fail, and Chromium says so.
  allowConsoleError(bob.page, /ERR_INTERNET_DISCONNECTED/);
  const tag = Date.now().toString(36);

  for (const { page } of [alice, bob]) {
    await page.goto('/chat');
    await expect(page).toHaveURL(/\/chat\?room=\d+/);
    await expect(page.getByRole('heading', { name: '#general' })).toBeVisible();
    await expect(roomView(page).getByText('Connected', { exact: true })).toBeVisible();
  }

  // Each sees the other's message exactly once.
  await send(alice.page, `hello bob ${tag}`);
  await expect(messageWith(alice.page, `hello bob ${tag}`)).toContainText('Sent');
  await expect(messageWith(bob.page, `hello bob ${tag}`)).toHaveCount(1);
  await send(bob.page, `hi alice ${tag}`);
  await expect(messageWith(alice.page, `hi alice ${tag}`)).toHaveCount(1);
  await expect(messageWith(bob.page, `hi alice ${tag}`)).toHaveCount(1);
  await send(alice.page, `soon gone ${tag}`);
  await expect(messageWith(bob.page, `soon gone ${tag}`)).toHaveCount(1);
  await expect(roomView(alice.page).getByText(/Online:/)).toContainText(bob.user.username);

  // Typing shows for the other person only.
  await composer(bob.page).pressSequentially('typing…', { delay: 20 });
  await expect(alice.page.getByText(`${bob.user.username} is typing`)).toBeVisible();
  await composer(bob.page).fill('');

  // Offline: two messages wait as pending, then arrive once each, in order, when back.
  await bob.context.setOffline(true);
  await expect(roomView(bob.page).getByText(/Offline/)).toBeVisible();
  await send(bob.page, `queued one ${tag}`);
  await send(bob.page, `queued two ${tag}`);
  await expect(messageWith(bob.page, `queued one ${tag}`)).toContainText('Sending…');
  await expect(messageWith(bob.page, `queued two ${tag}`)).toContainText('Sending…');
  await bob.page.waitForTimeout(1000);
  await expect(messageWith(alice.page, `queued one ${tag}`)).toHaveCount(0);
  // Meanwhile alice edits one message and deletes another.
  await messageWith(alice.page, `hello bob ${tag}`).getByRole('button', { name: 'Edit' }).click();
  await alice.page.getByRole('textbox', { name: 'Edit message' }).fill(`hello bob, edited ${tag}`);
  await alice.page.getByRole('textbox', { name: 'Edit message' }).press('Enter');
  await messageWith(alice.page, `soon gone ${tag}`).getByRole('button', { name: 'Delete' }).click();
  await expect(messageWith(alice.page, `hello bob, edited ${tag}`)).toContainText('(edited)');
  await expect(messageWith(alice.page, `soon gone ${tag}`)).toHaveCount(0);
  await bob.context.setOffline(false);
  await expect(messageWith(bob.page, `queued one ${tag}`)).toContainText('Sent', { timeout: 20_000 });
  await expect(messageWith(bob.page, `queued two ${tag}`)).toContainText('Sent');
  await expect(messageWith(alice.page, `queued one ${tag}`)).toHaveCount(1);
  await expect(messageWith(alice.page, `queued two ${tag}`)).toHaveCount(1);
  await expect(messageWith(bob.page, `hello bob, edited ${tag}`)).toHaveCount(1);
  await expect(messageWith(bob.page, `soon gone ${tag}`)).toHaveCount(0);
  const aliceTexts = await messages(alice.page).allTextContents();
  const first = aliceTexts.findIndex((t) => t.includes(`queued one ${tag}`));
  const second = aliceTexts.findIndex((t) => t.includes(`queued two ${tag}`));
  expect(first).toBeGreaterThan(-1);
  expect(second).toBe(first + 1);
  await alice.page.screenshot({ path: testInfo.outputPath('chat-page.png'), fullPage: true });

  // A direct message bob has not opened shows as unread for him at once (pushed, not polled), and clears once he
  // opens it.
  await alice.page.getByLabel('Username').fill(bob.user.username);
  await alice.page.getByRole('button', { name: 'Open conversation' }).click();
  await expect(alice.page.getByRole('heading', { name: bob.user.username })).toBeVisible();
  await send(alice.page, `just for you ${tag}`);
  await expect(messageWith(alice.page, `just for you ${tag}`)).toContainText('Sent');
  const rooms = bob.page.getByRole('navigation', { name: 'Rooms' });
  // A room's link is named by what it shows (name, last activity), then its unread count.
  const unreadLink = rooms.getByRole('link', { name: new RegExp(`^${alice.user.username} .*, 1 unread$`) });
  await expect(unreadLink).toBeVisible({ timeout: 3_000 });
  await unreadLink.click();
  await expect(messageWith(bob.page, `just for you ${tag}`)).toHaveCount(1);
  await rooms.getByRole('link', { name: /^general( |$)/ }).click();
  await expect(rooms.getByRole('link', { name: new RegExp(`^${alice.user.username}( [^,]*)?$`) })).toBeVisible();
  await bob.page.screenshot({ path: testInfo.outputPath('chat-page-bob.png'), fullPage: true });

  for (const person of [alice, bob]) {
    expect(unexpectedProblems(person.problems), `console errors for ${person.user.username}`).toEqual([]);
    await person.context.close();
  }
});

test('a mention reaches the bell, and shows as a toast only away from the room it was made in', async ({ browser, baseURL }) => {
  const alice = await signIn(browser, baseURL);
  const bob = await signIn(browser, baseURL);
  const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });
  const toasts = (page: Page) => page.getByRole('region', { name: 'New notifications' });
  const tag = Date.now().toString(36);
  for (const { page } of [alice, bob]) {
    await page.goto('/chat');
    await expect(roomView(page).getByText('Connected', { exact: true })).toBeVisible();
  }

  // Bob is reading #general: the message is in front of him, the bell counts it, no toast covers the room.
  await send(alice.page, `@${bob.user.username} look here ${tag}`);
  await expect(messageWith(bob.page, `look here ${tag}`)).toHaveCount(1);
  await expect(bell(bob.page)).toHaveAccessibleName('Notifications, 1 unread');
  await bob.page.waitForTimeout(600); // longer than toasts take to gather a burst
  // Counted once, not awaited: a toast that did show would be gone by itself within seconds.
  expect(await toasts(bob.page).getByText(`look here ${tag}`).count()).toBe(0);

  // Elsewhere in the app, the next mention is a toast.
  await bob.page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
  await send(alice.page, `@${bob.user.username} and now ${tag}`);
  await expect(toasts(bob.page).getByText(`and now ${tag}`)).toBeVisible();
  expect(await toasts(bob.page).getByText(`look here ${tag}`).count()).toBe(0);
  await expect(bell(bob.page)).toHaveAccessibleName('Notifications, 2 unread');

  for (const person of [alice, bob]) {
    expect(unexpectedProblems(person.problems), `console errors for ${person.user.username}`).toEqual([]);
    await person.context.close();
  }
});

test('a taken room name is refused clearly, a new room opens', async ({ signedInPage: page }) => {
  const name = `room-${Date.now().toString(36)}`;
  allowConsoleError(page, /409 \(Conflict\)/);
  await page.goto('/chat');
  await page.getByLabel('Room name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('heading', { name: `#${name}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name })).toBeVisible();
  await page.getByLabel('Room name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByText(`A room named "${name}" already exists.`)).toBeVisible();
});

test('a long conversation keeps only the rows in view in the page, newest first in sight', async ({ signedInPage: page }) => {
  const name = `long-${Date.now().toString(36)}`;
  await page.goto('/chat');
  await page.getByLabel('Room name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('heading', { name: `#${name}` })).toBeVisible();
  const tall = (n: number) => `long ${n} ${name}\n${'line\n'.repeat(30)}end ${n}`;
  for (let n = 1; n <= 10; n += 1) await send(page, tall(n));
  await expect(messageWith(page, `long 10 ${name}`)).toContainText('Sent');

  await expect(messageWith(page, `end 10`)).toBeInViewport();
  expect(await messages(page).count()).toBeLessThan(10);
  await page.getByRole('log', { name: 'Conversation' }).evaluate((log) => log.scrollTo({ top: 0 }));
  await expect(messageWith(page, `long 1 ${name}`)).toBeInViewport();
  await expect(messageWith(page, `long 10 ${name}`)).toHaveCount(0);
});
