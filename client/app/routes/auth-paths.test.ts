import { describe, expect, it } from 'vitest';
import { afterSignInPath } from './auth-paths';

describe('afterSignInPath', () => {
  it('returns to the page the person came from', () => {
    expect(afterSignInPath('/chat?room=general')).toBe('/chat?room=general');
  });

  it('goes home without a usable return path', () => {
    expect(afterSignInPath(null)).toBe('/data');
    expect(afterSignInPath('https://evil.example')).toBe('/data');
    expect(afterSignInPath('//evil.example')).toBe('/data');
  });

  it('never returns to a guest-only screen', () => {
    expect(afterSignInPath('/sign-in')).toBe('/data');
    expect(afterSignInPath('/register?returnTo=%2Fchat')).toBe('/data');
  });
});
