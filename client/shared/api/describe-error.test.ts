import { describe, expect, it } from 'vitest';
import { problemTypeUri } from '../../../server/contract/errors';
import { ApiError, NetworkError } from './api-error';
import { describeError } from './describe-error';
import { fieldErrorsFromProblem } from './field-errors';

describe('describeError', () => {
  it("shows the server's detail", () => {
    const error = new ApiError({
      type: problemTypeUri('invalid_credentials'),
      title: 'Wrong username or password',
      status: 401,
      detail: 'The username or password is wrong.',
      code: 'invalid_credentials',
    });
    expect(describeError(error)).toBe('The username or password is wrong.');
  });

  it('adds the wait when a rate limit does not mention it', () => {
    const error = new ApiError({
      type: problemTypeUri('rate_limited'),
      title: 'Too many requests',
      status: 429,
      detail: 'Too many sign-in attempts.',
      code: 'rate_limited',
      retryAfter: 42,
    });
    expect(describeError(error)).toBe('Too many sign-in attempts. Try again in 42 seconds.');
  });

  it('speaks of minutes for long waits', () => {
    const error = new ApiError({
      type: problemTypeUri('rate_limited'),
      title: 'Too many requests',
      status: 429,
      detail: 'Too many sign-in attempts.',
      code: 'rate_limited',
      retryAfter: 278,
    });
    expect(describeError(error)).toBe('Too many sign-in attempts. Try again in about 5 minutes.');
  });

  it('explains a network failure', () => {
    expect(describeError(new NetworkError())).toMatch(/cannot reach the server/i);
  });

  it('has a sentence for anything else', () => {
    expect(describeError('boom')).toBe('Something went wrong.');
  });
});

describe('fieldErrorsFromProblem', () => {
  it('maps request locations to form field names, first message wins', () => {
    const fields = fieldErrorsFromProblem({
      type: problemTypeUri('validation_failed'),
      title: 'The request is not valid',
      status: 400,
      detail: 'Invalid.',
      code: 'validation_failed',
      errors: [
        { field: 'body.username', message: 'Too short.' },
        { field: 'body.username', message: 'Second message.' },
        { field: 'body/password', message: 'Too short too.' },
      ],
    });
    expect(fields).toEqual({ username: 'Too short.', password: 'Too short too.' });
  });
});
