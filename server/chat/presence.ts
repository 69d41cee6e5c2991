// Who is online in each room: users, not sockets, so several tabs of one user count once. When a user's last
// socket leaves a room by disconnecting, they stay online for a grace period: a reload reconnects and re-joins
// within it and nobody sees them flicker off and on. Per process, like Socket.IO rooms without an adapter.
import type { ChatUser } from '../contract/chat.js';

interface Entry {
  user: ChatUser;
  sockets: Set<string>;
  offline?: NodeJS.Timeout;
}

export interface PresenceTracker {
  /** Returns true when the user was not online in the room before (the room's list changed). */
  add(roomId: number, user: ChatUser, socketId: string): boolean;
  /** After `graceMs` (0: now), the user goes offline unless a socket of theirs came back; then `onChange` runs. */
  remove(roomId: number, userId: number, socketId: string, graceMs: number): void;
  online(roomId: number): ChatUser[];
  close(): void;
}

export function createPresenceTracker(onChange: (roomId: number) => void): PresenceTracker {
  const rooms = new Map<number, Map<number, Entry>>();

  function drop(roomId: number, userId: number): void {
    const room = rooms.get(roomId);
    const entry = room?.get(userId);
    if (!room || !entry || entry.sockets.size > 0) return;
    room.delete(userId);
    if (room.size === 0) rooms.delete(roomId);
    onChange(roomId);
  }

  return {
    add(roomId, user, socketId) {
      let room = rooms.get(roomId);
      if (!room) rooms.set(roomId, (room = new Map()));
      const entry = room.get(user.id);
      if (entry) {
        clearTimeout(entry.offline);
        entry.offline = undefined;
        entry.sockets.add(socketId);
        return false;
      }
      room.set(user.id, { user, sockets: new Set([socketId]) });
      return true;
    },
    remove(roomId, userId, socketId, graceMs) {
      const entry = rooms.get(roomId)?.get(userId);
      if (!entry || !entry.sockets.delete(socketId) || entry.sockets.size > 0) return;
      clearTimeout(entry.offline);
      if (graceMs <= 0) return drop(roomId, userId);
      entry.offline = setTimeout(() => drop(roomId, userId), graceMs);
      entry.offline.unref();
    },
    online(roomId) {
      return [...(rooms.get(roomId)?.values() ?? [])].map((e) => e.user).sort((a, b) => a.id - b.id);
    },
    close() {
      for (const room of rooms.values()) for (const entry of room.values()) clearTimeout(entry.offline);
      rooms.clear();
    },
  };
}
