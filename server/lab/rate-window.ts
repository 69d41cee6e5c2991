// Counts per whole second in a small ring, for "per second over the last few seconds". The current second is
// left out of the rate: it is incomplete, and counting it would make the rate sag at the start of every second.
export interface RateWindow {
  add(n?: number): void;
  total(): number;
  /** Average per second over the `seconds` whole seconds before the current one. */
  perSecond(): number;
}

export function createRateWindow(seconds: number, now: () => number = Date.now): RateWindow {
  const slots = seconds + 1;
  const counts = new Array<number>(slots).fill(0);
  const stamps = new Array<number>(slots).fill(-1);
  let total = 0;

  const slotFor = (second: number) => {
    const i = second % slots;
    if (stamps[i] !== second) {
      stamps[i] = second;
      counts[i] = 0;
    }
    return i;
  };

  return {
    add(n = 1) {
      total += n;
      const i = slotFor(Math.floor(now() / 1000));
      counts[i]! += n;
    },
    total: () => total,
    perSecond() {
      const current = Math.floor(now() / 1000);
      let sum = 0;
      for (let s = current - seconds; s < current; s++) {
        const i = s % slots;
        if (stamps[i] === s) sum += counts[i]!;
      }
      return sum / seconds;
    },
  };
}
