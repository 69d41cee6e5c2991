import { describe, expect, it } from 'vitest';
import { mentionedNames, messageText } from './chat-service.js';
import { createSlidingWindow, createThrottle } from './limits.js';
import { createPresenceTracker } from './presence.js';

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
});
