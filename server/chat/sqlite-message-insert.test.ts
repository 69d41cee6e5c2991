// The hand-prepared message insert against the portable one, on the same database: the same seqs, versions and
// stored rows, resends answered from storage, and never a part of another caller's open transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../db/open-database.js';
import { tempDatabase } from '../test/helpers.js';
import { createChatRepository, createPortableChatRepository, type ChatRepository } from './chat-repository.js';
import type { NewMessage } from './message-queries.js';

let database: OpenDatabase;
let dispose: () => Promise<void>;
let fast: ChatRepository;
let portable: ChatRepository;
let roomId: number;
const author = { id: 0, username: 'writer' };

beforeAll(async () => {
  ({ database, dispose } = await tempDatabase('message-insert'));
  const { db } = database;
  const user = await db
    .insertInto('users')
    .values({ username: author.username, password_hash: 'not a hash', role: 'user', created_at: Date.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  author.id = user.id;
  fast = createChatRepository(db);
  portable = createPortableChatRepository(db);
  roomId = (await fast.createPublicRoom('inserts', author.id, Date.now())).id;
});
afterAll(() => dispose());

let next = 0;
const input = (clientId = `c-${++next}`): NewMessage => ({ roomId, author, clientId, text: `text ${clientId}`, at: 1_700_000_000_000 + next });

const storedCount = async () =>
  Number((await database.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where('room_id', '=', roomId).executeTakeFirstOrThrow()).n);

describe('the SQLite message insert', () => {
  it('stores what the portable insert stores, each message the room’s next seq and version', async () => {
    const outcomes = [];
    for (const repo of [fast, portable, fast, fast, portable]) outcomes.push(await repo.insertMessage(input()));
    expect(outcomes.map((o) => [o.message.seq, o.message.version, o.created])).toEqual([
      [1, 1, true],
      [2, 2, true],
      [3, 3, true],
      [4, 4, true],
      [5, 5, true],
    ]);
    for (const { message, room } of outcomes) {
      expect(await fast.findMessage(message.id)).toEqual(message);
      expect(room).toEqual({ id: roomId, kind: 'public', name: 'inserts', members: [] });
    }
    expect((await fast.findRoom(roomId))?.last_seq).toBe(5);
  });

  it('answers a resend with the stored message and stores nothing new', async () => {
    const first = await fast.insertMessage(input('resent'));
    const before = await storedCount();
    const again = await fast.insertMessage({ ...input('resent'), text: 'another text' });
    expect(again).toEqual({ ...first, created: false });
    expect(await storedCount()).toBe(before);
  });

  it('refuses a room that does not exist and stores nothing', async () => {
    const before = await storedCount();
    await expect(fast.insertMessage({ ...input(), roomId: 999_999 })).rejects.toThrow(/room 999999 does not exist/);
    expect(await storedCount()).toBe(before);
  });

  it('waits for another caller’s open transaction instead of joining it', async () => {
    const before = await storedCount();
    let insert: Promise<unknown> | undefined;
    const rolledBack = database.db.transaction().execute(async (trx) => {
      await trx.updateTable('rooms').set({ name: 'renamed' }).where('id', '=', roomId).execute();
      insert = fast.insertMessage(input('during'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    const outcome = (await insert) as { message: { client_id: string } };
    expect(outcome.message.client_id).toBe('during');
    expect(await storedCount()).toBe(before + 1); // had it joined, the rollback would have taken it too
    expect((await fast.findRoom(roomId))?.name).toBe('inserts');
  });
});
