import { describe, expect, it } from 'vitest';
import { linkIsShownHere } from './shown-here';

const at = (pathname: string, search = '') => ({ pathname, search });

describe('linkIsShownHere', () => {
  it('matches the page on screen, whatever the order of its query', () => {
    expect(linkIsShownHere('/chat?room=3', at('/chat', '?room=3'))).toBe(true);
    expect(linkIsShownHere('/data?status=refunded&q=ada', at('/data', '?q=ada&status=refunded'))).toBe(true);
    expect(linkIsShownHere('/notifications', at('/notifications'))).toBe(true);
  });

  it('does not match another room, another query or another page', () => {
    expect(linkIsShownHere('/chat?room=3', at('/chat', '?room=4'))).toBe(false);
    expect(linkIsShownHere('/chat?room=3', at('/chat'))).toBe(false);
    expect(linkIsShownHere('/data?status=refunded', at('/data'))).toBe(false);
    expect(linkIsShownHere('/lab', at('/chat', '?room=3'))).toBe(false);
  });

  it('never matches a notification without a link', () => {
    expect(linkIsShownHere(null, at('/chat'))).toBe(false);
    expect(linkIsShownHere(undefined, at('/'))).toBe(false);
  });
});
