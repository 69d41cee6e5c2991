import { describe, expect, it } from 'vitest';
import { describeEventStream } from './describe-event-stream';

describe('describeEventStream', () => {
  it('says which tab holds an open stream', () => {
    expect(describeEventStream({ state: 'open', role: 'leader' })[0]).toBe('Connected (leader)');
    expect(describeEventStream({ state: 'open', role: 'follower' })[0]).toBe('Connected (via another tab)');
  });

  it('names the troubled states', () => {
    expect(describeEventStream({ state: 'reconnecting', role: 'follower' })[0]).toBe('Reconnecting…');
    expect(describeEventStream({ state: 'offline', role: 'leader' })).toEqual([
      'Offline',
      'bad',
      expect.stringContaining('resumes') as string,
    ]);
  });
});
