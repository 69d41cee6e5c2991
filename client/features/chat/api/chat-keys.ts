// Query and mutation keys of the chat feature, in one place so socket events and mutations reach the same cache
// entries the views read.
export const chatKeys = {
  all: ['chat'] as const,
  rooms: () => [...chatKeys.all, 'rooms'] as const,
  /** Every room whose messages this tab holds: the rooms it has open, re-joined after each reconnect. */
  messagesAll: () => [...chatKeys.all, 'messages'] as const,
  messages: (roomId: number) => [...chatKeys.messagesAll(), roomId] as const,
  presence: (roomId: number) => [...chatKeys.all, 'presence', roomId] as const,
  typing: (roomId: number) => [...chatKeys.all, 'typing', roomId] as const,
  /** Mutation keys. */
  createRoom: () => [...chatKeys.all, 'create-room'] as const,
  openDirect: () => [...chatKeys.all, 'open-direct'] as const,
  edit: () => [...chatKeys.all, 'edit'] as const,
  remove: () => [...chatKeys.all, 'remove'] as const,
};
