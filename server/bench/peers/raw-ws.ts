// The floor for chat CPU: a raw `ws` relay, the broadcast of the ws documentation. Each text frame in goes out
// as the same bytes to every open client, the sender included: no protocol on top of WebSocket at all.
import { createServer } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

const http = createServer((req, res) => res.writeHead(req.url === '/ready' ? 200 : 404).end());
const wss = new WebSocketServer({ server: http });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
});
http.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

const stop = () => {
  for (const client of wss.clients) client.terminate();
  wss.close(() => http.close(() => process.exit(0)));
};
process.on('SIGTERM', stop);
// A benchmark that dies without stopping its peers must not leave them running.
setTimeout(stop, 15 * 60_000).unref();
