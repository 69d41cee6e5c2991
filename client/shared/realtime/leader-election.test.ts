import { describe, expect, it, vi } from 'vitest';
import { campaignForLeadership } from './leader-election';
import { FakeLocks, settle } from './stream-fakes';

describe('campaignForLeadership', () => {
  it('elects the first candidate and the next one when the leader resigns', async () => {
    const locks = new FakeLocks();
    const first = vi.fn();
    const second = vi.fn();
    const resignFirst = campaignForLeadership(locks, 'stream', first);
    campaignForLeadership(locks, 'stream', second);
    await settle();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    resignFirst();
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('passes the lock on when the leader tab goes away without resigning', async () => {
    const locks = new FakeLocks();
    const second = vi.fn();
    campaignForLeadership(locks, 'stream', () => undefined);
    campaignForLeadership(locks, 'stream', second);
    await settle();
    locks.dropHolder();
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('leaves the queue quietly when a waiting candidate resigns', async () => {
    const locks = new FakeLocks();
    const onError = vi.fn();
    const waiting = vi.fn();
    const resignLeader = campaignForLeadership(locks, 'stream', () => undefined);
    const resignWaiting = campaignForLeadership(locks, 'stream', waiting, onError);
    await settle();
    resignWaiting();
    resignLeader();
    await settle();
    expect(waiting).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('never elects a candidate that resigned before the lock was granted (StrictMode mounts twice)', async () => {
    const locks = new FakeLocks();
    const first = vi.fn();
    const second = vi.fn();
    campaignForLeadership(locks, 'stream', first)();
    campaignForLeadership(locks, 'stream', second);
    await settle();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
