import { describe, expect, it } from 'vitest';
import { TYPING_EXPIRY_MS } from '../../../../server/contract/chat';
import { activeTypers, applyTypingEvent, nextExpiry, typingText } from './typing-state';

const ev = (userId: number, username: string, typing = true) => ({ roomId: 1, userId, username, typing });

describe('typing state', () => {
  it('shows a typer until the expiry passes without a renewal', () => {
    const state = applyTypingEvent(undefined, ev(1, 'alice'), 1000);
    expect(activeTypers(state, 1000 + TYPING_EXPIRY_MS - 1)).toEqual(['alice']);
    expect(activeTypers(state, 1000 + TYPING_EXPIRY_MS)).toEqual([]);
    const renewed = applyTypingEvent(state, ev(1, 'alice'), 3000);
    expect(activeTypers(renewed, 1000 + TYPING_EXPIRY_MS)).toEqual(['alice']);
  });

  it('clears a typer at once on typing: false', () => {
    const state = applyTypingEvent(applyTypingEvent(undefined, ev(1, 'alice'), 0), ev(1, 'alice', false), 10);
    expect(activeTypers(state, 10)).toEqual([]);
  });

  it('knows when the next indicator lapses', () => {
    let state = applyTypingEvent(undefined, ev(1, 'alice'), 0);
    state = applyTypingEvent(state, ev(2, 'bob'), 500);
    expect(nextExpiry(state, 100)).toBe(TYPING_EXPIRY_MS);
    expect(nextExpiry(state, TYPING_EXPIRY_MS + 600)).toBeUndefined();
  });
});

describe('typingText', () => {
  it('names one, two, three and more typers', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['alice'])).toBe('alice is typing…');
    expect(typingText(['alice', 'bob'])).toBe('alice and bob are typing…');
    expect(typingText(['alice', 'bob', 'carol'])).toBe('alice, bob and carol are typing…');
    expect(typingText(['a', 'b', 'c', 'd', 'e'])).toBe('a, b and 3 others are typing…');
  });
});
