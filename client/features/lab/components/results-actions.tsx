// Reset and export. Exports are built from the figures on screen when the button is pressed, in the browser.
import { useQueryClient } from '@tanstack/react-query';
import type { LabStats } from '../../../../server/contract/lab';
import { labKeys } from '../api/lab-keys';
import type { LabFigures, LabRun } from '../lanes/lab-run';
import { resultsToCsv, resultsToJson } from '../results/export-results';
import { formatMs } from './format';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

const stamp = (at: number) => new Date(at).toISOString().replace(/[:.]/g, '-');

export function ResultsActions({ run, figures }: { run: LabRun | null; figures: LabFigures | null }) {
  const queryClient = useQueryClient();
  const clock = figures?.clock;
  return (
    <div className="lab-results-actions">
      {clock && (
        <span className="lab-lane-note" data-figure="clock-offset">
          Server clock {clock.offsetMs >= 0 ? '+' : '−'}
          {formatMs(Math.abs(clock.offsetMs))} from this browser (± {formatMs(clock.rttMs / 2)}), applied to latencies
        </span>
      )}
      <button type="button" className="button button-small" disabled={!run} onClick={() => run?.reset()}>
        Reset figures
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={!figures}
        onClick={() => figures && download(`lab-${stamp(figures.at)}.json`, 'application/json', resultsToJson(figures, queryClient.getQueryData<LabStats>(labKeys.stats()) ?? null))}
      >
        Export JSON
      </button>
      <button type="button" className="button button-small" disabled={!figures} onClick={() => figures && download(`lab-${stamp(figures.at)}.csv`, 'text/csv', resultsToCsv(figures))}>
        Export CSV
      </button>
    </div>
  );
}
