import { describe, expect, it, vi } from 'vitest';
import { createChatConnection, type ChatSocket } from './chat-connection';

/** Enough of a Socket.IO client socket for opening and closing. */
function fakeSocket() {
  const fake = {
    active: false,
    connected: false,
    on: vi.fn(() => fake),
    off: vi.fn(() => fake),
    connect: vi.fn(() => {
      fake.active = true;
    }),
    disconnect: vi.fn(() => {
      fake.active = false;
      fake.connected = false;
    }),
  };
  return fake;
}

describe('chat connection, hung up for a sign-out', () => {
  it('closes only an open socket, and reopens it only while a chat view still holds it', () => {
    const fake = fakeSocket();
    const connection = createChatConnection(() => fake as unknown as ChatSocket);
    expect(connection.hangUp()).toBeUndefined();

    const release = connection.acquire();
    expect(fake.connect).toHaveBeenCalledTimes(1);
    const hungUp = connection.hangUp();
    expect(fake.disconnect).toHaveBeenCalledTimes(1);
    expect(connection.getState()).toBe('idle');
    hungUp?.reopen();
    expect(fake.connect).toHaveBeenCalledTimes(2);

    const hungUpAgain = connection.hangUp();
    release();
    hungUpAgain?.reopen();
    expect(fake.connect).toHaveBeenCalledTimes(2);
  });
});
