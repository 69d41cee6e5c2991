// Server-side sessions: the cookie carries a random token, the database keeps its hash. Signing out deletes the
// row, so a copied cookie stops working everywhere at once (REST, event streams and sockets alike).
import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../contract/auth.js';
import type { EventBus } from '../bus/event-bus.js';
import type { SessionsRepository } from './sessions-repository.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sliding expiry is renewed at most this often, so reads do not turn into a write per request. */
const RENEW_AFTER_MS = 24 * 60 * 60 * 1000;
/**
 * Authenticated sessions are remembered this long, so a polling page does not cost a database read per
 * request. Revocation does not wait for it: `session.revoked` on the bus (from any process) drops the entry.
 */
const CACHE_MS = 10_000;
const CACHE_MAX = 50_000;

export interface AuthenticatedSession {
  sessionId: string;
  user: User;
  expiresAt: number;
}

export interface SessionService {
  create(userId: number): Promise<{ token: string; expiresAt: number }>;
  /** The session for a raw (already unsigned) cookie token, or null when unknown or expired. */
  authenticate(token: string): Promise<AuthenticatedSession | null>;
  revoke(sessionId: string, reason: 'signed_out' | 'expired'): Promise<void>;
  purgeExpired(): Promise<number>;
  close(): void;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function createSessionService(repo: SessionsRepository, bus: EventBus, now = Date.now): SessionService {
  const cache = new Map<string, { auth: AuthenticatedSession; until: number }>();
  const unsubscribe = bus.subscribe('session.revoked', ({ sessionId }) => cache.delete(sessionId));

  function remember(auth: AuthenticatedSession, t: number): void {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(auth.sessionId, { auth, until: Math.min(t + CACHE_MS, auth.expiresAt) });
  }

  return {
    async create(userId) {
      const token = randomBytes(32).toString('base64url');
      const t = now();
      const expiresAt = t + SESSION_TTL_MS;
      await repo.insert({ id: hashToken(token), user_id: userId, created_at: t, expires_at: expiresAt, last_seen_at: t });
      return { token, expiresAt };
    },
    async authenticate(token) {
      const sessionId = hashToken(token);
      const t = now();
      const cached = cache.get(sessionId);
      if (cached && cached.until > t) return cached.auth;
      cache.delete(sessionId);
      const found = await repo.findWithUser(sessionId);
      if (!found) return null;
      if (found.session.expires_at <= t) {
        await this.revoke(sessionId, 'expired');
        return null;
      }
      let expiresAt = found.session.expires_at;
      if (t - found.session.last_seen_at > RENEW_AFTER_MS) {
        expiresAt = t + SESSION_TTL_MS;
        await repo.extend(sessionId, expiresAt, t);
      }
      const auth = { sessionId, user: found.user, expiresAt };
      remember(auth, t);
      return auth;
    },
    async revoke(sessionId, reason) {
      cache.delete(sessionId);
      if (await repo.delete(sessionId)) bus.publish('session.revoked', { sessionId, reason });
    },
    purgeExpired: () => repo.deleteExpired(now()),
    close() {
      unsubscribe();
      cache.clear();
    },
  };
}
