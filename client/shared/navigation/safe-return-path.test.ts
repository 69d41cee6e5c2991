import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPathFor } from './safe-return-path';

describe('safeReturnPath', () => {
  it.each(['/data', '/chat?room=general', '/notifications#latest', '/lab/run/1'])('keeps the app path %s', (path) => {
    expect(safeReturnPath(path, '/data')).toBe(path);
  });

  it.each([
    null,
    undefined,
    '',
    'data',
    '//evil.example/data',
    '/\\evil.example',
    '/\t/evil.example',
    '/%0a/x\n',
    'https://evil.example/data',
    'javascript:alert(1)',
    ' /data',
  ])('falls back for %j', (path) => {
    expect(safeReturnPath(path, '/data')).toBe('/data');
  });

  it('normalises dot segments without leaving the origin', () => {
    expect(safeReturnPath('/../../chat', '/data')).toBe('/chat');
  });
});

describe('signInPathFor', () => {
  it('remembers where to return', () => {
    expect(signInPathFor('/chat?room=a')).toBe('/sign-in?returnTo=%2Fchat%3Froom%3Da');
  });

  it('does not bother remembering the root or an unsafe path', () => {
    expect(signInPathFor('/')).toBe('/sign-in');
    expect(signInPathFor('//evil.example')).toBe('/sign-in');
  });
});
