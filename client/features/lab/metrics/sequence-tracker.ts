// Loss, duplicates and order, judged against the feed's gapless seq: after a start point every seq must arrive
// exactly once and in order. A seq skipped over is missing until it turns up (then it was out of order); a seq at
// or below the newest one that is not missing is a duplicate.

/** How many of each anomaly's seqs are kept to show; the counts are exact regardless. */
export const LISTED_SEQS = 20;

export interface SequenceFigures {
  received: number;
  /** The newest seq received, or the start point. */
  newest: number;
  /** Seqs below `newest` that never arrived. */
  missing: { count: number; seqs: number[] };
  duplicates: { count: number; seqs: number[] };
  outOfOrder: { count: number; seqs: number[] };
}

export type Verdict = 'in_order' | 'duplicate' | 'out_of_order' | 'after_gap';

const listed = (seqs: number[], seq: number) => {
  if (seqs.length < LISTED_SEQS) seqs.push(seq);
};

export class SequenceTracker {
  private newest: number;
  private readonly missing = new Set<number>();
  private received = 0;
  private duplicateCount = 0;
  private readonly duplicateSeqs: number[] = [];
  private outOfOrderCount = 0;
  private readonly outOfOrderSeqs: number[] = [];

  /** Expects every seq after `after`. */
  constructor(after: number) {
    this.newest = after;
  }

  accept(seq: number): Verdict {
    if (seq === this.newest + 1) {
      this.newest = seq;
      this.received += 1;
      return 'in_order';
    }
    if (seq > this.newest) {
      for (let s = this.newest + 1; s < seq; s++) this.missing.add(s);
      this.newest = seq;
      this.received += 1;
      return 'after_gap';
    }
    if (this.missing.delete(seq)) {
      this.received += 1;
      this.outOfOrderCount += 1;
      listed(this.outOfOrderSeqs, seq);
      return 'out_of_order';
    }
    this.duplicateCount += 1;
    listed(this.duplicateSeqs, seq);
    return 'duplicate';
  }

  figures(): SequenceFigures {
    const missing = [...this.missing].sort((a, b) => a - b);
    return {
      received: this.received,
      newest: this.newest,
      missing: { count: missing.length, seqs: missing.slice(0, LISTED_SEQS) },
      duplicates: { count: this.duplicateCount, seqs: [...this.duplicateSeqs] },
      outOfOrder: { count: this.outOfOrderCount, seqs: [...this.outOfOrderSeqs] },
    };
  }
}
