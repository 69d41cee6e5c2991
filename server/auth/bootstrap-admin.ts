// The admin account exists from the first start. Its password is ADMIN_PASSWORD when given (kept in sync on
// every start), otherwise generated once and handed back so the entry point can print it a single time.
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords.js';
import type { UsersRepository } from './users-repository.js';

export const ADMIN_USERNAME = 'admin';

export async function bootstrapAdmin(
  users: UsersRepository,
  configuredPassword: string | undefined,
): Promise<{ generatedPassword?: string }> {
  const existing = await users.findAdmin();
  if (existing) {
    if (configuredPassword && !(await verifyPassword(existing.password_hash, configuredPassword))) {
      await users.setPasswordHash(existing.id, await hashPassword(configuredPassword));
    }
    return {};
  }
  const password = configuredPassword ?? randomBytes(12).toString('base64url');
  await users.create({ username: ADMIN_USERNAME, passwordHash: await hashPassword(password), role: 'admin' });
  return configuredPassword ? {} : { generatedPassword: password };
}
