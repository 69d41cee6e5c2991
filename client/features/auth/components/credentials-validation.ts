// Client-side checks mirror the contract so people get instant feedback; the server checks again and its
// answer is always shown as well.
import { isReservedUsername, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../../../../server/contract/auth';

export type CredentialsMode = 'sign-in' | 'register';
export type CredentialField = 'username' | 'password';
export type CredentialErrors = Partial<Record<CredentialField, string>>;
export interface CredentialValues {
  username: string;
  password: string;
}

/** Field order decides which invalid field receives focus first. */
export const CREDENTIAL_FIELDS: readonly CredentialField[] = ['username', 'password'];

const usernamePattern = new RegExp(USERNAME_PATTERN);

/** Usernames are case-insensitive and stored lower-case, so "Alice " and "alice" are the same account. */
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

export function validateCredentials(mode: CredentialsMode, values: CredentialValues): CredentialErrors {
  const errors: CredentialErrors = {};
  const username = normalizeUsername(values.username);

  if (mode === 'sign-in') {
    // Sign-in only asks for something: length rules here would tell guessers about the registration rules.
    if (!username) errors.username = 'Enter your username.';
    if (!values.password) errors.password = 'Enter your password.';
    return errors;
  }

  if (!username) errors.username = 'Choose a username.';
  else if (!usernamePattern.test(username))
    errors.username = 'Use 3–32 characters: letters a–z, digits, “_”, “.” or “-”.';
  else if (isReservedUsername(username)) errors.username = `“${username}” is reserved; choose another username.`;

  if (!values.password) errors.password = 'Choose a password.';
  else if (values.password.length < PASSWORD_MIN_LENGTH)
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  else if (values.password.length > PASSWORD_MAX_LENGTH)
    errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;

  return errors;
}

export const firstInvalidField = (errors: CredentialErrors): CredentialField | undefined =>
  CREDENTIAL_FIELDS.find((field) => errors[field] !== undefined);
