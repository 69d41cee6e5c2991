// The page's lab run: created when the page opens and stopped when it closes (StrictMode's double effect gets
// two runs, the first stopped at once), kept in step with the lane and polling choices, and read twice a second.
import { useEffect, useState } from 'react';
import { createBrowserEnvironment } from '../api/browser-environment';
import { LabRun, type LabFigures } from '../lanes/lab-run';
import { LANE_FACTORIES } from '../lanes/lane-factories';
import type { LaneKind } from '../lanes/lane-types';
import { useLabSettingsStore } from '../stores/lab-settings-store';

export const FIGURES_REFRESH_MS = 500;

export interface LabRunHandle {
  run: LabRun | null;
  /** Why the run could not start (the clock or the feed head could not be read). */
  startError: unknown;
  figures: LabFigures | null;
}

const enabledKinds = (enabled: Record<LaneKind, boolean>) =>
  (Object.keys(enabled) as LaneKind[]).filter((kind) => enabled[kind]);

export function useLabRun(): LabRunHandle {
  const [run, setRun] = useState<LabRun | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [figures, setFigures] = useState<LabFigures | null>(null);

  useEffect(() => {
    const { enabled, pollIntervalMs, longPollWaitS } = useLabSettingsStore.getState();
    const created = new LabRun(createBrowserEnvironment(), LANE_FACTORIES, { pollIntervalMs, longPollWaitS });
    let closed = false;
    created.start(enabledKinds(enabled)).then(
      () => {
        if (closed) created.stop();
        else setRun(created);
      },
      (error: unknown) => !closed && setStartError(error),
    );
    return () => {
      closed = true;
      created.stop();
      setRun(null);
    };
  }, []);

  const enabled = useLabSettingsStore((s) => s.enabled);
  useEffect(() => {
    if (!run) return;
    for (const kind of Object.keys(enabled) as LaneKind[]) {
      if (enabled[kind] !== run.isEnabled(kind)) void run.setEnabled(kind, enabled[kind]).catch(setStartError);
    }
  }, [run, enabled]);

  // Coming back marks the offline fault with the head then: read it first, and only act if the choice still holds.
  const offline = useLabSettingsStore((s) => s.offline);
  useEffect(() => {
    if (!run) return;
    for (const kind of Object.keys(offline) as LaneKind[]) {
      if (!run.isEnabled(kind) || run.isOffline(kind) === offline[kind]) continue;
      if (offline[kind]) run.setOffline(kind, true, 0);
      else
        void run.currentHead().then((head) => {
          if (!useLabSettingsStore.getState().offline[kind]) run.setOffline(kind, false, head);
        }, setStartError);
    }
  }, [run, offline, enabled]);

  const pollIntervalMs = useLabSettingsStore((s) => s.pollIntervalMs);
  const longPollWaitS = useLabSettingsStore((s) => s.longPollWaitS);
  useEffect(() => {
    run?.configure({ pollIntervalMs, longPollWaitS });
  }, [run, pollIntervalMs, longPollWaitS]);

  useEffect(() => {
    if (!run) return;
    const read = () => setFigures(run.figures());
    read();
    const timer = setInterval(read, FIGURES_REFRESH_MS);
    const unsubscribe = run.subscribe(read);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [run]);

  return { run, startError, figures };
}
