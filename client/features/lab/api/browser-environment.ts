// The page's network primitives for the lanes: same origin, the session cookie sent by the browser itself,
// the browser's own EventSource (so Last-Event-ID resumes are the browser's doing, as in production).
import { io } from 'socket.io-client';
import type { LaneEnvironment } from '../lanes/lane-types';

export function createBrowserEnvironment(): LaneEnvironment {
  return {
    baseUrl: '',
    fetch: (input, init) => fetch(input, { credentials: 'same-origin', ...init }),
    createEventSource: (url) => new EventSource(url, { withCredentials: true }),
    createSocket: (namespace, options) => io(namespace, { path: '/socket.io', withCredentials: true, ...options }),
    now: () => Date.now(),
  };
}
