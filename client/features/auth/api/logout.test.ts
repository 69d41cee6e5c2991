import { afterEach, describe, expect, it, vi } from 'vitest';
import { hangUpOnSignOut } from '../../../shared/realtime/sign-out-hang-up';
import { logout } from './logout';

const stops: (() => void)[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  for (const stop of stops.splice(0)) stop();
});

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: `/api/problems/${code}`, title: code, status, detail: code, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** A connection that records, in one shared log, when it is closed and reopened. */
function openConnection(log: string[]) {
  stops.push(
    hangUpOnSignOut(() => {
      log.push('hung up');
      return {
        delivered: Promise.resolve().then(() => void log.push('goodbye delivered')),
        reopen: () => void log.push('reopened'),
      };
    }),
  );
}

function answering(log: string[], answer: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      log.push(`request ${url}`);
      return answer();
    }),
  );
}

describe('logout', () => {
  it('hangs up the sockets before the session ends, and leaves them closed', async () => {
    const log: string[] = [];
    openConnection(log);
    answering(log, () => new Response(null, { status: 204 }));
    await logout();
    expect(log).toEqual(['hung up', 'goodbye delivered', 'request /api/auth/logout']);
  });

  it('counts a session that had already ended as signed out', async () => {
    const log: string[] = [];
    openConnection(log);
    answering(log, () => problem(401, 'unauthenticated'));
    await logout();
    expect(log).toEqual(['hung up', 'goodbye delivered', 'request /api/auth/logout']);
  });

  it('reopens the sockets when the sign-out fails, since the user is still signed in', async () => {
    const log: string[] = [];
    openConnection(log);
    answering(log, () => problem(500, 'internal'));
    await expect(logout()).rejects.toThrow();
    expect(log).toEqual(['hung up', 'goodbye delivered', 'request /api/auth/logout', 'reopened']);
  });
});
