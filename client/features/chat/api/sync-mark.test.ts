import { describe, expect, it } from 'vitest';
import { markHeld, markJoined, syncMark } from './sync-mark';

describe('sync mark', () => {
  it('moves through versions held in order', () => {
    expect(markHeld(syncMark(3), [4, 5])).toEqual({ through: 5, ahead: [] });
  });

  it('waits at a gap, and moves past it once the missing version arrives', () => {
    const gap = markHeld(syncMark(3), [6, 5]);
    expect(gap).toEqual({ through: 3, ahead: [5, 6] });
    expect(markHeld(gap, [4])).toEqual({ through: 6, ahead: [] });
  });

  it('ignores versions already held, returning the same mark', () => {
    const mark = markHeld(syncMark(3), [5]);
    expect(markHeld(mark, [2, 3, 5])).toBe(mark);
  });

  it('takes a join\'s version, then what was held above it', () => {
    expect(markJoined(undefined, 7)).toEqual({ through: 7, ahead: [] });
    expect(markJoined({ through: 3, ahead: [5, 8, 9] }, 7)).toEqual({ through: 9, ahead: [] });
    expect(markJoined({ through: 3, ahead: [9] }, 7)).toEqual({ through: 7, ahead: [9] });
    expect(markJoined({ through: 10, ahead: [] }, 7)).toEqual({ through: 10, ahead: [] });
  });
});
