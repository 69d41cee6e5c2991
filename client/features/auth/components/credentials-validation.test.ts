import { describe, expect, it } from 'vitest';
import { firstInvalidField, normalizeUsername, validateCredentials } from './credentials-validation';

describe('validateCredentials for registration', () => {
  it('accepts a valid username and password', () => {
    expect(validateCredentials('register', { username: 'ada_l.ov-e', password: 'correct horse' })).toEqual({});
  });

  it('accepts mixed case because usernames are stored lower-case', () => {
    expect(validateCredentials('register', { username: ' Ada ', password: '12345678' })).toEqual({});
  });

  it.each(['ab', 'a'.repeat(33), 'ada lovelace', 'ada!'])('rejects the username %j', (username) => {
    expect(validateCredentials('register', { username, password: '12345678' }).username).toBeDefined();
  });

  it('rejects a reserved username (in any case) before the server has to', () => {
    expect(validateCredentials('register', { username: 'ALL', password: '12345678' }).username).toMatch(/reserved/);
  });

  it('rejects a password shorter than the contract minimum', () => {
    expect(validateCredentials('register', { username: 'ada', password: '1234567' })).toEqual({
      password: 'Use at least 8 characters.',
    });
  });

  it('asks for both fields when empty', () => {
    const errors = validateCredentials('register', { username: '', password: '' });
    expect(Object.keys(errors)).toEqual(['username', 'password']);
  });
});

describe('validateCredentials for sign-in', () => {
  it('only requires something in each field', () => {
    expect(validateCredentials('sign-in', { username: 'x', password: 'y' })).toEqual({});
    expect(validateCredentials('sign-in', { username: ' ', password: '' })).toEqual({
      username: 'Enter your username.',
      password: 'Enter your password.',
    });
  });
});

describe('helpers', () => {
  it('normalises usernames', () => {
    expect(normalizeUsername('  Ada.Lovelace ')).toBe('ada.lovelace');
  });

  it('finds the first invalid field in form order', () => {
    expect(firstInvalidField({ password: 'x', username: 'y' })).toBe('username');
    expect(firstInvalidField({ password: 'x' })).toBe('password');
    expect(firstInvalidField({})).toBeUndefined();
  });
});
