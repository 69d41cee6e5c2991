// A test client for Server-Sent Events over real HTTP that parses the stream as the WHATWG HTML spec says a
// browser does: an event, and its `id:`, take effect only at the blank line that ends it (a frame cut by a
// disconnect is dropped whole); a bare `id:` sets the last event id without dispatching anything; events without
// `id:` leave it as it was.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface ReceivedEvent {
  event: string;
  data: string;
  /** The last event id when this event was dispatched. */
  lastEventId: string;
}

export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, for a response that is not an event stream (a problem). */
  text(): Promise<string>;
  events: ReceivedEvent[];
  comments: string[];
  retries: number[];
  lastEventId: string;
  ended: boolean;
  /** Resolves once `check` holds (checked after every chunk), rejects after `timeoutMs`. */
  until(check: () => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  closed(timeoutMs?: number): Promise<void>;
  /** Drops the connection, as a network failure or a closed tab would. */
  destroy(): void;
  /** The `data` of every event named `name`, parsed. */
  payloads<T>(name: string): T[];
}

export function connectSse(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const checks = new Set<() => void>();
      let buffer = '';
      let body = '';
      let data: string[] = [];
      let eventName = '';
      let idBuffer = '';
      const isStream = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        retries: [],
        lastEventId: '',
        ended: false,
        text: () => new Promise((done) => (client.ended ? done(body) : res.once('end', () => done(body)))),
        until(check, timeoutMs = 5000) {
          if (check()) return Promise.resolve();
          return new Promise((done, fail) => {
            const timer = setTimeout(() => {
              checks.delete(run);
              fail(new Error(`timed out after ${timeoutMs} ms; ${client.events.length} events received`));
            }, timeoutMs);
            const run = () => {
              if (!check()) return;
              clearTimeout(timer);
              checks.delete(run);
              done();
            };
            checks.add(run);
          });
        },
        closed: (timeoutMs) => client.until(() => client.ended, timeoutMs),
        destroy: () => req.destroy(),
        payloads: <T>(name: string) => client.events.filter((e) => e.event === name).map((e) => JSON.parse(e.data) as T),
      };

      function line(text: string): void {
        if (text === '') {
          client.lastEventId = idBuffer;
          if (data.length) client.events.push({ event: eventName || 'message', data: data.join('\n'), lastEventId: client.lastEventId });
          data = [];
          eventName = '';
          return;
        }
        if (text.startsWith(':')) {
          client.comments.push(text.slice(1).trim());
          return;
        }
        const colon = text.indexOf(':');
        const field = colon < 0 ? text : text.slice(0, colon);
        let value = colon < 0 ? '' : text.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') eventName = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\0')) idBuffer = value;
        else if (field === 'retry' && /^\d+$/.test(value)) client.retries.push(Number(value));
      }

      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (!isStream) {
          body += chunk;
          return;
        }
        buffer += chunk;
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const l of lines) line(l);
        for (const check of [...checks]) check();
      });
      const end = () => {
        client.ended = true;
        for (const check of [...checks]) check();
      };
      res.on('end', end);
      res.on('close', end);
      res.on('error', end);
      resolve(client);
    });
    req.on('error', reject);
    req.end();
  });
}
