// The peer for notification fan-out: the least a Node SSE broadcaster can do. One http.createServer, a Set of
// open responses, and each broadcast serialized once into one frame that is written to every response. No
// sign-in, no storage, no per-user state, no heartbeat: the floor the real stream is measured against.
// GET /stream opens a stream; POST /broadcast with the same body as POST /api/notifications sends one.
import { createServer, type ServerResponse } from 'node:http';

const streams = new Set<ServerResponse>();
let nextId = 1;

function readBody(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write('retry: 2000\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/broadcast') {
    void readBody(req).then((text) => {
      const { title, body, level } = JSON.parse(text) as { title: string; body?: string; level?: string };
      // The same fields a real notification event carries, so both servers write frames of about the same size.
      const id = nextId++;
      const payload = { id, kind: 'broadcast', title, body: body ?? '', link: null, level: level ?? 'info', created_at: Date.now(), read_at: null };
      const frame = `event: notification\nid: ${id}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ recipients: streams.size }));
    }, () => res.writeHead(400).end());
    return;
  }
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ streams: streams.size }));
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
  for (const stream of streams) stream.end();
  server.close(() => process.exit(0));
});
