// What the chat handlers are built from; each factory takes only the part it uses, so a test can hand it fakes.
import type { FastifyBaseLogger } from 'fastify';
import type { Notify } from '../../notifications/notifications-service.js';
import type { ChatRepository } from '../chat-repository.js';
import type { ChatService } from '../chat-service.js';
import type { createSlidingWindow, createThrottle } from '../limits.js';
import type { PresenceTracker } from '../presence.js';
import type { ActivityAnnouncer } from '../room-activity.js';
import type { ChatNamespace } from './bind.js';

export interface ChatDeps {
  chat: ChatService;
  repo: ChatRepository;
  nsp: ChatNamespace;
  activity: ActivityAnnouncer;
  presence: PresenceTracker;
  sendLimit: ReturnType<typeof createSlidingWindow>;
  typingThrottle: ReturnType<typeof createThrottle>;
  notify: Notify;
  log: FastifyBaseLogger;
}
