// Limits and malformed input on the /chat namespace.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Message } from '../contract/chat.js';
import { call, pause } from '../test/chat-client.js';
import { chatTestKit } from './chat-test-kit.js';

const kit = chatTestKit();

describe('chat: limits and malformed input', () => {
  it('refuses an 11th message within 5 s, storing nothing, while resends still answer', async () => {
    const carol = await kit.user();
    const { roomId, sockets: [c] } = await kit.joinedRoom(carol.cookie);
    const sent: Message[] = [];
    for (let i = 0; i < 10; i += 1) sent.push(await kit.send(c, roomId, `message ${i}`));
    const refused = await call(c, 'message:send', { roomId, clientId: randomUUID(), text: 'one too many' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await call(c, 'message:send', { roomId, clientId: sent[0]!.client_id, text: 'message 0' })).toMatchObject({
      ok: true,
      data: { id: sent[0]!.id },
    });
    const page = await kit.app.inject({ url: `/api/rooms/${roomId}/messages`, headers: { cookie: carol.cookie } });
    expect((page.json() as { data: Message[] }).data).toHaveLength(10);
  });

  it('spends no budget on resends: nine messages resent many times leave room for the tenth', async () => {
    const erin = await kit.user();
    const { roomId, sockets: [e] } = await kit.joinedRoom(erin.cookie);
    const sent: Message[] = [];
    for (let i = 0; i < 9; i += 1) sent.push(await kit.send(e, roomId, `message ${i}`));
    for (const m of sent) expect(await kit.send(e, roomId, m.text, m.client_id)).toMatchObject({ id: m.id, seq: m.seq });
    expect(await kit.send(e, roomId, 'the tenth')).toMatchObject({ seq: 10 });
    expect(await call(e, 'message:send', { roomId, clientId: randomUUID(), text: 'the eleventh' })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
  });

  it('refuses text over 4000 characters or blank; an oversized frame drops only its own socket', async () => {
    const [dave, erin] = [await kit.user(), await kit.user()];
    const { roomId, sockets: [d, e] } = await kit.joinedRoom(dave.cookie, erin.cookie);
    expect(await call(d, 'message:send', { roomId, clientId: randomUUID(), text: 'x'.repeat(4001) })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await call(d, 'message:send', { roomId, clientId: randomUUID(), text: '   ' })).toMatchObject({ ok: false });
    expect((await kit.send(d, roomId, 'y'.repeat(4000))).text).toHaveLength(4000);

    const gone = new Promise((resolve) => d.once('disconnect', resolve));
    d.emit('message:send', { roomId, clientId: randomUUID(), text: 'z'.repeat(70 * 1024) });
    await gone;
    expect(e.connected).toBe(true);
    expect((await kit.send(e, roomId, 'still here')).seq).toBe(2);
  });

  it('answers malformed payloads with validation_failed and survives a missing ack', async () => {
    const frank = await kit.user();
    const { roomId, sockets: [f] } = await kit.joinedRoom(frank.cookie);
    for (const payload of [
      {},
      null,
      'text',
      { roomId: 'x', clientId: 'a', text: 'hi' },
      { roomId, clientId: 'a', text: 42 },
      { roomId, clientId: 'has spaces', text: 'hi' },
      { roomId, clientId: 'a'.repeat(65), text: 'hi' },
      { roomId, clientId: 'a', text: 'hi', extra: true },
    ]) {
      expect(await call(f, 'message:send', payload)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    for (const payload of [{ roomId: -1 }, { roomId, since: -1 }, { roomId, after: 0 }]) {
      expect(await call(f, 'room:join', payload)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    expect(await call(f, 'room:join', { roomId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // No ack callback, no payload at all, an event nobody handles: nothing breaks.
    f.emit('message:send', { roomId, clientId: randomUUID(), text: 'no ack' });
    f.emit('message:send');
    f.emit('room:read', { roomId });
    f.emit('no:such-event', { x: 1 });
    await pause(100);
    expect(f.connected).toBe(true);
    expect((await kit.send(f, roomId, 'after the junk')).seq).toBe(2);
  });

  it('answers an event the contract does not name with not_found, when asked for an answer', async () => {
    const grace = await kit.user();
    const { roomId, sockets: [g] } = await kit.joinedRoom(grace.cookie);
    for (const event of ['no:such-event', 'constructor', '__proto__', 'toString']) {
      const answer: unknown = await g.timeout(2000).emitWithAck(event, { roomId });
      expect(answer).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no event') } });
    }
    // A known event is answered once, by its own handler.
    const answers: unknown[] = [];
    g.emit('room:read', { roomId, seq: 0 }, (answer: unknown) => answers.push(answer));
    await pause(100);
    expect(answers).toEqual([{ ok: true, data: expect.anything() }]);
  });

  it('refuses to write to a room the socket has not joined', async () => {
    const gina = await kit.user();
    const roomId = await kit.newRoom(gina.cookie);
    const g = await kit.client(gina.cookie);
    expect(await call(g, 'message:send', { roomId, clientId: randomUUID(), text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
