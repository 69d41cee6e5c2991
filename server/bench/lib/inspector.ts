// A server started with `--inspect` on a loopback port can be asked, from the outside, to collect garbage and
// report its heap: the one way to tell retained memory from garbage not yet collected without adding anything to
// the server itself. The connection is opened only around a reading, so nothing is attached while load runs.
import WebSocket from 'ws';

/** `NODE_OPTIONS` for a server whose heap `liveHeapBytes` can read. */
export const inspectOption = (port: number) => `--inspect=127.0.0.1:${port}`;

/** Heap in use right after full garbage collections, in bytes. */
export async function liveHeapBytes(port: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    // Twice: objects freed by the first collection's finalizers go in the second.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const evaluated = (await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as {
      result: { value: number };
    };
    return evaluated.result.value;
  } finally {
    socket.close();
  }
}
