// The peer for chat CPU: Socket.IO's own chat example, a server that relays every `chat message` to everybody
// with `io.emit`. No sessions, rooms, validation, acks or storage: what Socket.IO alone costs per delivery.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

// Socket.IO answers its own path; everything else lands here, which is all the readiness check needs.
const http = createServer((req, res) => res.writeHead(req.url === '/ready' ? 200 : 404).end());
const io = new Server(http, { serveClient: false });
// RELAY_PAD_BYTES adds a second argument of that many bytes to every relayed message, so the frames can be made as
// large as another server's: what the bytes cost, apart from what the code costs.
const pad = 'p'.repeat(Number(process.env.RELAY_PAD_BYTES ?? 0));
io.on('connection', (socket) => {
  socket.on('chat message', (msg: unknown) => {
    if (pad) io.emit('chat message', msg, pad);
    else io.emit('chat message', msg);
  });
});
http.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

const stop = () => void io.close(() => process.exit(0));
process.on('SIGTERM', stop);
// A benchmark that dies without stopping its peers must not leave them running.
setTimeout(stop, 15 * 60_000).unref();
