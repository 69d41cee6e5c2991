// The end of a run (and of each test phase): every lane must reach the feed's head before its figures are read,
// or a lane still catching up would look like one that lost changes.
import type { LabRun } from '../../../client/features/lab/lanes/lab-run';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves true once every running lane has received `head`, false when `timeoutMs` runs out first. */
export async function waitForLanes(run: LabRun, head: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (run.figures().lanes.every((lane) => lane.newest >= head)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
}
