import { describe, expect, it } from 'vitest';
import { LISTED_SEQS, SequenceTracker } from './sequence-tracker';

describe('SequenceTracker', () => {
  it('accepts a gapless run after the start point', () => {
    const t = new SequenceTracker(10);
    for (let s = 11; s <= 20; s++) expect(t.accept(s)).toBe('in_order');
    expect(t.figures()).toMatchObject({ received: 10, newest: 20, missing: { count: 0 }, duplicates: { count: 0 }, outOfOrder: { count: 0 } });
  });

  it('names the seqs a gap skipped, and forgives them when they arrive late', () => {
    const t = new SequenceTracker(0);
    t.accept(1);
    expect(t.accept(4)).toBe('after_gap');
    expect(t.figures().missing).toEqual({ count: 2, seqs: [2, 3] });
    expect(t.accept(3)).toBe('out_of_order');
    expect(t.figures()).toMatchObject({ received: 3, missing: { count: 1, seqs: [2] }, outOfOrder: { count: 1, seqs: [3] } });
  });

  it('counts repeats, including seqs at or before the start point', () => {
    const t = new SequenceTracker(5);
    t.accept(6);
    expect(t.accept(6)).toBe('duplicate');
    expect(t.accept(5)).toBe('duplicate');
    expect(t.figures()).toMatchObject({ received: 1, duplicates: { count: 2, seqs: [6, 5] } });
  });

  it('keeps exact counts but lists only the first seqs', () => {
    const t = new SequenceTracker(0);
    t.accept(1);
    for (let i = 0; i < LISTED_SEQS + 5; i++) t.accept(1);
    expect(t.figures().duplicates.count).toBe(LISTED_SEQS + 5);
    expect(t.figures().duplicates.seqs).toHaveLength(LISTED_SEQS);
  });
});
