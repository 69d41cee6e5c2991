// Accounts: request and response shapes of /api/auth/*.
import { Type, type Static } from 'typebox';

export const USERNAME_PATTERN = '^[A-Za-z0-9_.-]{3,32}$';
/** `all` means every user where a username is expected (the admin send form's `to`), so no account may take it. */
export const RESERVED_USERNAMES: readonly string[] = ['all'];
export const isReservedUsername = (username: string): boolean => RESERVED_USERNAMES.includes(username.toLowerCase());
export const PASSWORD_MIN_LENGTH = 8;
/** argon2 hashes anything, but an unbounded password is a cheap way to burn server CPU. */
export const PASSWORD_MAX_LENGTH = 256;

export const Role = Type.Union([Type.Literal('user'), Type.Literal('admin')]);
export type Role = Static<typeof Role>;

export const Credentials = Type.Object(
  {
    username: Type.String({
      minLength: 3,
      maxLength: 32,
      pattern: USERNAME_PATTERN,
      description: '3–32 characters of letters, digits, `_`, `.`, `-`; case-insensitive, stored lower-case; `all` is reserved',
    }),
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type Credentials = Static<typeof Credentials>;

/** Sign-in takes any non-empty password: the length rule is a registration rule, not a hint to guessers. */
export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const User = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    role: Role,
  },
  { $id: 'User' },
);
export type User = Static<typeof User>;

export const SESSION_COOKIE = 'sb_session';
