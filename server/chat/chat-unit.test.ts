import { describe, expect, it } from 'vitest';
import { mentionedNames, messageText } from './chat-service.js';
import { createSlidingWindow, createThrottle } from './limits.js';
import { createPresenceTracker } from './presence.js';
import { replay } from './replay.js';
import { JOIN_PAGE_SIZE, REPLAY_MAX, type Message } from '../contract/chat.js';

describe('chat rules', () => {
  it('trims text and counts characters, not UTF-16 units', () => {
    expect(messageText('  hi \n')).toBe('hi');
    expect(messageText('😀'.repeat(4000))).toHaveLength(8000);
    expect(() => messageText(' \t ')).toThrow(/1–4000/);
    expect(() => messageText('a'.repeat(4001))).toThrow(/4001/);
  });

  it('finds each @mention once, lower-cased, without trailing dots or e-mail addresses', () => {
    expect(mentionedNames('@Ann and @ann. cc @bob_2, mail me@example.com, @x')).toEqual(['ann', 'bob_2']);
  });

  it('allows max hits per sliding window', () => {
    let now = 0;
    const window = createSlidingWindow(2, 1000, () => now);
    expect([window.take(1), window.take(1), window.take(1), window.take(2)]).toEqual([true, true, false, true]);
    now = 999;
    expect(window.take(1)).toBe(false);
    expect(window.retryAfterMs(1)).toBe(1);
    now = 1000;
    expect(window.take(1)).toBe(true);
    window.refund(1);
    expect([window.take(1), window.take(1), window.take(1)]).toEqual([true, true, false]);
  });

  it('throttles per key', () => {
    let now = 0;
    const throttle = createThrottle(500, () => now);
    expect([throttle.pass('a'), throttle.pass('a'), throttle.pass('b')]).toEqual([true, false, true]);
    now = 500;
    expect(throttle.pass('a')).toBe(true);
    throttle.reset('a');
    expect(throttle.pass('a')).toBe(true);
  });

  it('tracks users, not sockets, and forgets them only after the grace period', async () => {
    const changes: number[] = [];
    const presence = createPresenceTracker((roomId) => changes.push(roomId));
    const ann = { id: 1, username: 'ann' };
    expect(presence.add(7, ann, 's1')).toBe(true);
    expect(presence.add(7, ann, 's2')).toBe(false);
    presence.remove(7, 1, 's1', 0);
    expect(presence.online(7)).toEqual([ann]);
    presence.remove(7, 1, 's2', 20);
    expect(presence.add(7, ann, 's3')).toBe(false); // back within the grace period: no change
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(changes).toEqual([]);
    presence.remove(7, 1, 's3', 0);
    expect(changes).toEqual([7]);
    expect(presence.online(7)).toEqual([]);
    presence.close();
  });

  it('catches up in pages: cut short, it resumes from the last change sent, else from the version read first', async () => {
    const changes = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ seq: i + 1, version: from + i }) as Message);
    const repo = (changed: Message[]) => ({
      lastVersion: async () => 900,
      before: async (_room: number, _before: number | undefined, limit: number) => changes(1, Math.min(limit, 60)),
      changedSince: async (_room: number, _since: number, limit: number) => changed.slice(0, limit),
    });
    const long = await replay(repo(changes(11, REPLAY_MAX + 20)), 1, 10);
    expect([long.messages.length, long.hasMore, long.version]).toEqual([REPLAY_MAX, true, 10 + REPLAY_MAX]);
    const short = await replay(repo(changes(11, 3)), 1, 10);
    expect([short.messages.length, short.hasMore, short.version]).toEqual([3, false, 900]);
    const first = await replay(repo([]), 1, undefined);
    expect([first.messages.length, first.hasMore, first.version]).toEqual([JOIN_PAGE_SIZE, true, 900]);
  });
});
