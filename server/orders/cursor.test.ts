import { describe, expect, it } from 'vitest';
import { createCursorCodec, type CursorState } from './cursor.js';

const state: CursorState = {
  sort: 'amount',
  order: 'desc',
  direction: 'next',
  key: { value: 12_345, id: 67 },
  asOf: 42,
  query: 'abcdefgh12345678',
};

describe('cursors', () => {
  const codec = createCursorCodec('a-secret-that-is-long-enough-for-tests');

  it('round-trips and is URL-safe', () => {
    const token = codec.encode(state);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(codec.decode(token)).toEqual(state);
    expect(codec.decode(codec.encode({ ...state, direction: 'prev', key: null }))).toEqual({ ...state, direction: 'prev', key: null });
  });

  it('refuses a changed position, a changed signature and cursors signed with another secret', () => {
    const token = codec.encode(state);
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(Buffer.from(body, 'base64url').toString().replace('12345', '99999')).toString('base64url');
    expect(codec.decode(`${forged}.${mac}`)).toBeUndefined();
    expect(codec.decode(`${body}.${mac.slice(0, -2)}AA`)).toBeUndefined();
    expect(createCursorCodec('another-secret-that-is-long-enough').decode(token)).toBeUndefined();
  });

  it('gives a walk the same end-of-list cursor on every page, signed by its own secret', () => {
    const last: CursorState = { ...state, direction: 'prev', key: null };
    const token = codec.encode(last);
    expect(codec.encode({ ...last })).toBe(token);
    expect(codec.encode({ ...last, asOf: 43 })).not.toBe(token);
    const other = createCursorCodec('another-secret-that-is-long-enough');
    expect(other.encode(last)).not.toBe(token);
    expect(codec.decode(other.encode(last))).toBeUndefined();
  });

  it('refuses garbage without throwing', () => {
    for (const junk of ['', 'abc', 'a.b', 'a.b.c', '....', `${Buffer.from('{').toString('base64url')}.x`]) {
      expect(codec.decode(junk)).toBeUndefined();
    }
  });
});
