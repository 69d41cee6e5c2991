// The embedded database and the repositories over it. Features reach storage only through repositories
// decorated here, so a PostgreSQL backend replaces `openDatabase` and nothing else.
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { openDatabase, type OpenDatabase } from '../db/open-database.js';
import type { Database } from '../db/schema.js';
import { createUsersRepository, type UsersRepository } from '../auth/users-repository.js';
import { createSessionsRepository, type SessionsRepository } from '../auth/sessions-repository.js';
import { createOrdersRepository, type OrdersRepository } from '../orders/orders-repository.js';
import { createNotificationsRepository, type NotificationsRepository } from '../notifications/notifications-repository.js';
import { createChatRepository, type ChatRepository } from '../chat/chat-repository.js';

export interface Repositories {
  users: UsersRepository;
  sessions: SessionsRepository;
  orders: OrdersRepository;
  notifications: NotificationsRepository;
  chat: ChatRepository;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    database: OpenDatabase;
    repos: Repositories;
  }
}

export default fp(
  async (fastify, opts: { dataDir: string }) => {
    const database = await openDatabase(opts.dataDir);
    fastify.decorate('database', database);
    fastify.decorate('db', database.db);
    fastify.decorate('repos', {
      users: createUsersRepository(database.db),
      sessions: createSessionsRepository(database.db),
      orders: createOrdersRepository(database.db),
      notifications: createNotificationsRepository(database.db),
      chat: createChatRepository(database.db),
    });
    // Last to close: everything that writes on shutdown runs before this.
    fastify.addHook('onClose', async () => database.close());
  },
  { name: 'database' },
);
