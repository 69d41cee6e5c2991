// A response for SSE streams in unit tests: every write is taken at once and kept as text.
import { EventEmitter } from 'node:events';
import type { SseSink } from '../http/sse.js';

export class MemorySseSink extends EventEmitter implements SseSink {
  text = '';
  writableLength = 0;
  writableNeedDrain = false;
  destroyed = false;
  writableEnded = false;
  writeHead() {}
  removeHeader() {}
  flushHeaders() {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
  end() {
    this.writableEnded = true;
  }
  destroy() {
    this.destroyed = true;
  }
}
