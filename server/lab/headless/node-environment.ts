// The lanes' network primitives under Node: a signed-in session whose cookie goes with every request, the
// `eventsource` package standing in for the browser's EventSource, and socket.io-client with the cookie header.
import { randomBytes } from 'node:crypto';
import { EventSource } from 'eventsource';
import { io } from 'socket.io-client';
import type { LaneEnvironment } from '../../../client/features/lab/lanes/lane-types';

export interface Credentials {
  username: string;
  password: string;
}

export interface NodeSession {
  env: LaneEnvironment;
  cookie: string;
  username: string;
}

async function signIn(baseUrl: string, path: string, credentials: Credentials, expected: number): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== expected) throw new Error(`POST ${path} as ${credentials.username} answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error(`POST ${path} set no session cookie`);
  return setCookie.split(';')[0]!;
}

/** Signs in with `credentials`, or registers a fresh `lab_<random>` user without them. */
export async function createNodeSession(baseUrl: string, credentials?: Credentials): Promise<NodeSession> {
  const given = credentials !== undefined;
  const who = credentials ?? { username: `lab_${randomBytes(6).toString('hex')}`, password: randomBytes(18).toString('base64url') };
  const cookie = given
    ? await signIn(baseUrl, '/api/auth/login', who, 200)
    : await signIn(baseUrl, '/api/auth/register', who, 201);
  return { env: createNodeEnvironment(baseUrl, cookie), cookie, username: who.username };
}

export function createNodeEnvironment(baseUrl: string, cookie: string): LaneEnvironment {
  const withCookie: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    return fetch(input, { ...init, headers });
  };
  return {
    baseUrl,
    fetch: withCookie,
    createEventSource: (url) =>
      new EventSource(url, { fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, cookie } }) }),
    createSocket: (namespace, options) => io(`${baseUrl}${namespace}`, { extraHeaders: { cookie }, ...options }),
    now: () => Date.now(),
  };
}
