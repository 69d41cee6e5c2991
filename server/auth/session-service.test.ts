import { describe, expect, it, vi } from 'vitest';
import { createInProcessBus } from '../bus/event-bus.js';
import { createSessionService, hashToken, SESSION_TTL_MS } from './session-service.js';
import type { SessionsRepository } from './sessions-repository.js';
import type { SessionRow } from '../db/schema.js';

function fakeRepo() {
  const rows = new Map<string, SessionRow>();
  const repo: SessionsRepository = {
    insert: async (row) => void rows.set(row.id, row),
    findWithUser: vi.fn(async (id: string) => {
      const session = rows.get(id);
      return session && { session, user: { id: session.user_id, username: 'ann', role: 'user' as const } };
    }),
    extend: async (id, expiresAt, seenAt) => {
      const row = rows.get(id);
      if (row) rows.set(id, { ...row, expires_at: expiresAt, last_seen_at: seenAt });
    },
    delete: async (id) => rows.delete(id),
    deleteExpired: async () => 0,
  };
  return { repo, rows };
}

describe('session service', () => {
  it('remembers an authenticated session briefly instead of reading it on every request', async () => {
    let clock = 1_000_000;
    const { repo } = fakeRepo();
    const sessions = createSessionService(repo, createInProcessBus(), () => clock);
    const { token } = await sessions.create(7);
    await sessions.authenticate(token);
    await sessions.authenticate(token);
    expect(repo.findWithUser).toHaveBeenCalledTimes(1);
    clock += 11_000;
    await sessions.authenticate(token);
    expect(repo.findWithUser).toHaveBeenCalledTimes(2);
  });

  it('forgets a session at once when it is revoked, here or in another process (via the bus)', async () => {
    const bus = createInProcessBus();
    const { repo, rows } = fakeRepo();
    const sessions = createSessionService(repo, bus);
    const { token } = await sessions.create(7);
    expect(await sessions.authenticate(token)).not.toBeNull();
    rows.delete(hashToken(token)); // another process signed it out...
    bus.publish('session.revoked', { sessionId: hashToken(token), reason: 'signed_out' }); // ...and said so
    expect(await sessions.authenticate(token)).toBeNull();
  });

  it('refuses and deletes an expired session', async () => {
    let clock = 0;
    const { repo, rows } = fakeRepo();
    const sessions = createSessionService(repo, createInProcessBus(), () => clock);
    const { token } = await sessions.create(7);
    clock = SESSION_TTL_MS + 1;
    expect(await sessions.authenticate(token)).toBeNull();
    expect(rows.size).toBe(0);
  });
});
