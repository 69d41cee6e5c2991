// What a lane can see of its own traffic, turned into bytes the same way in the page and under Node. Only what
// the client sees is counted: below it (TLS, WebSocket frame headers, compression) every transport pays alike.

/** UTF-8 length of a string, without encoding it: counted for every frame, so no allocation per call. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one code point of four bytes; a lone surrogate is encoded as U+FFFD (three).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The parts of a fetch Response that are counted. */
export interface AnswerHead {
  status: number;
  statusText: string;
  headers: { forEach(callback: (value: string, name: string) => void): void };
}

/**
 * One HTTP answer: an HTTP/1.1 status line, every response header the client can read (`name: value\r\n`; a
 * browser hides Set-Cookie), the blank line, and the body as received, which is after decompression.
 */
export function answerBytes(head: AnswerHead, body: string): number {
  let bytes = utf8Bytes(`HTTP/1.1 ${head.status} ${head.statusText}\r\n`) + 2;
  head.headers.forEach((value, name) => {
    bytes += utf8Bytes(`${name}: ${value}\r\n`);
  });
  return bytes + utf8Bytes(body);
}

export const HTTP_BYTES_COUNTED =
  'Per answer: status line, the response headers visible to the client and the body after decompression ' +
  '(a compressed transfer is smaller on the wire); requests sent are not counted.';

/** An SSE event as the server wrote it, rebuilt from what EventSource hands over (the field order does not matter). */
export function sseEventBytes(event: string, lastEventId: string, data: string): number {
  let bytes = utf8Bytes(`id: ${lastEventId}\nevent: ${event}\n`) + 1;
  for (const line of data.split('\n')) bytes += utf8Bytes(`data: ${line}\n`);
  return bytes;
}

/** The part of an Engine.IO packet that reaches the client. */
export interface EnginePacket {
  type: string;
  data?: unknown;
}

/**
 * An Engine.IO packet received over WebSocket: a text frame is its type digit plus its data, a binary frame the
 * data alone. A ping has no data and counts one byte.
 */
export function enginePacketBytes(packet: EnginePacket): number {
  const { data } = packet;
  if (typeof data === 'string') return 1 + utf8Bytes(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return 1;
}
