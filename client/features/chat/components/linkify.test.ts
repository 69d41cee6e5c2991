import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('splits text and http(s) links', () => {
    expect(linkify('see https://example.com/a?b=1 and http://x.org')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://x.org', href: 'http://x.org/' },
    ]);
  });

  it('leaves trailing punctuation out of the link', () => {
    expect(linkify('go to https://example.com.')).toEqual([
      { kind: 'text', text: 'go to ' },
      { kind: 'link', text: 'https://example.com', href: 'https://example.com/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never links javascript:, data: or other schemes, and keeps markup as text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '<a href="https://x.org">x</a>', 'ftp://x.org']) {
      const parts = linkify(text);
      expect(parts.every((p) => p.kind === 'text' || p.href.startsWith('http'))).toBe(true);
      expect(parts.map((p) => p.text).join('')).toBe(text);
    }
    expect(linkify('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
  });

  it('returns nothing for empty text and a single part for plain text', () => {
    expect(linkify('')).toEqual([]);
    expect(linkify('hello')).toEqual([{ kind: 'text', text: 'hello' }]);
  });
});
