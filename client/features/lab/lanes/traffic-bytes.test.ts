import { describe, expect, it } from 'vitest';
import { answerBytes, enginePacketBytes, sseEventBytes, utf8Bytes } from './traffic-bytes';

const encoded = (text: string) => new TextEncoder().encode(text).length;

describe('utf8Bytes', () => {
  it('agrees with a UTF-8 encoder on one, two, three and four byte characters and a lone surrogate', () => {
    for (const text of ['', 'abc', 'café', '€ 5', 'naïve — “quoted”', '🚀 ok', 'a\uD800b', '\uDC00']) {
      expect(utf8Bytes(text)).toBe(encoded(text));
    }
  });
});

describe('answerBytes', () => {
  it('counts the status line, every header, the blank line and the body as UTF-8', () => {
    const res = new Response('{"a":"é"}', { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json', etag: 'W/"x"' } });
    const expected = encoded('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\netag: W/"x"\r\n\r\n{"a":"é"}');
    expect(answerBytes(res, '{"a":"é"}')).toBe(expected);
  });

  it('counts a bodiless 304 by its head alone', () => {
    const res = new Response(null, { status: 304, headers: { etag: 'W/"x"' } });
    expect(answerBytes(res, '')).toBe(encoded('HTTP/1.1 304 \r\netag: W/"x"\r\n\r\n'));
  });
});

describe('sseEventBytes', () => {
  it('rebuilds the event as the server frames it', () => {
    const data = '{"seq":12,"note":"ü"}';
    expect(sseEventBytes('change', '12', data)).toBe(encoded(`event: change\nid: 12\ndata: ${data}\n\n`));
  });

  it('gives each line of multi-line data its own data: field', () => {
    expect(sseEventBytes('change', '1', 'a\nb')).toBe(encoded('id: 1\nevent: change\ndata: a\ndata: b\n\n'));
  });
});

describe('enginePacketBytes', () => {
  it('counts the type byte and the data of a text packet, and a ping as one byte', () => {
    expect(enginePacketBytes({ type: 'message', data: '2/live,["change",{"x":"é"}]' })).toBe(1 + encoded('2/live,["change",{"x":"é"}]'));
    expect(enginePacketBytes({ type: 'ping' })).toBe(1);
  });

  it('counts binary data by its length', () => {
    expect(enginePacketBytes({ type: 'message', data: new Uint8Array(7) })).toBe(7);
    expect(enginePacketBytes({ type: 'message', data: new ArrayBuffer(3) })).toBe(3);
  });
});
