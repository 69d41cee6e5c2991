import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineClosed, hangUpForSignOut, hangUpOnSignOut, type HungUp } from './sign-out-hang-up';

const stops: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const stop of stops.splice(0)) stop();
});

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('hanging up for a sign-out', () => {
  it('closes every registered connection, waits for their goodbyes, and reopens only those it closed', async () => {
    const goodbye = deferred();
    const open: HungUp = { delivered: goodbye.promise, reopen: vi.fn() };
    const openOne = vi.fn(() => open);
    const idle = vi.fn(() => undefined);
    stops.push(hangUpOnSignOut(openOne), hangUpOnSignOut(idle));

    let done = false;
    const hangingUp = hangUpForSignOut().then((reopen) => {
      done = true;
      return reopen;
    });
    expect(openOne).toHaveBeenCalledTimes(1);
    expect(idle).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(done).toBe(false);
    goodbye.resolve();
    const reopen = await hangingUp;
    expect(open.reopen).not.toHaveBeenCalled();
    reopen();
    expect(open.reopen).toHaveBeenCalledTimes(1);
  });

  it('goes on without goodbyes that do not come', async () => {
    vi.useFakeTimers();
    stops.push(hangUpOnSignOut(() => ({ delivered: new Promise<void>(() => undefined), reopen: () => undefined })));
    const hangingUp = hangUpForSignOut(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(hangingUp).resolves.toBeTypeOf('function');
  });

  it('forgets a connection that stopped registering', async () => {
    const hangUp = vi.fn(() => undefined);
    hangUpOnSignOut(hangUp)();
    await hangUpForSignOut();
    expect(hangUp).not.toHaveBeenCalled();
  });
});

describe('engineClosed', () => {
  it('settles at once without an open engine, and on its close otherwise', async () => {
    await engineClosed(undefined);
    await engineClosed({ io: { engine: { readyState: 'closed', once: () => undefined } } });
    let close: () => void = () => undefined;
    let settled = false;
    const closing = engineClosed({ io: { engine: { readyState: 'open', once: (_event, listener) => (close = listener) } } }).then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    close();
    await closing;
    expect(settled).toBe(true);
  });
});
