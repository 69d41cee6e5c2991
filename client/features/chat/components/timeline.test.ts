import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../server/contract/chat';
import { message } from '../api/chat-fixtures';
import type { OutboxEntry } from '../stores/outbox-store';
import { timeline } from './timeline';

const stored = (id: number, clientId: string, authorId = 1): Message =>
  message(id, { client_id: clientId, author: { id: authorId, username: authorId === 1 ? 'alice' : 'bob' }, text: 'hi' });
const pending = (clientId: string): OutboxEntry => ({ clientId, userId: 1, roomId: 1, text: 'hi', createdAt: 0, state: 'pending' });

describe('timeline', () => {
  it('puts pending messages after the stored ones, in outbox order', () => {
    const items = timeline([stored(1, 'x', 2)], [pending('a'), pending('b')], 1);
    expect(items.map((i) => i.key)).toEqual(['m:1', 'c:a', 'c:b']);
  });

  it('replaces a pending message by the stored one with the same clientId, under the same key', () => {
    const items = timeline([stored(1, 'a')], [pending('a'), pending('b')], 1);
    expect(items.map((i) => [i.kind, i.key])).toEqual([
      ['stored', 'c:a'],
      ['outbox', 'c:b'],
    ]);
  });

  it('does not match another author who happens to use the same clientId', () => {
    const items = timeline([stored(1, 'a', 2)], [pending('a')], 1);
    expect(items.map((i) => i.kind)).toEqual(['stored', 'outbox']);
  });
});
