// The lab: one stream, the order change feed, delivered at once over four transports, each an independent client
// measured the same way. Every figure is measured in this page; the server panel shows the server's side.
import { DELIVERY_TRANSPORTS } from '../../../../server/contract/lab';
import { describeError } from '../../../shared/api/describe-error';
import { useLabRun } from '../hooks/use-lab-run';
import { useLabSettingsStore } from '../stores/lab-settings-store';
import { FaultControls } from './fault-controls';
import { LaneCard } from './lane-card';
import { ResultsActions } from './results-actions';
import { ServerStatsPanel } from './server-stats-panel';
import { SummaryTable } from './summary-table';
import { TickerControl } from './ticker-control';

export function LabPage({ isAdmin }: { isAdmin: boolean }) {
  const { run, startError, figures } = useLabRun();
  const offlineChosen = useLabSettingsStore((s) => s.offline);
  const pollTheoryMs = figures ? figures.settings.pollIntervalMs / 2 + (figures.clock?.rttMs ?? 0) : undefined;

  return (
    <article className="page lab-page">
      <title>Lab · Switchboard</title>
      <header className="page-header">
        <div>
          <h1>Lab</h1>
          <p className="page-lead">
            The order change feed, delivered to this page over short polling, long polling, Server-Sent Events and
            WebSocket at once. Every change has a gapless number, so loss, repeats and order are checked exactly.
          </p>
        </div>
      </header>
      <div className="card lab-toolbar">
        <TickerControl isAdmin={isAdmin} />
        <ResultsActions run={run} figures={figures} />
      </div>
      {startError ? (
        <p className="error-panel" role="alert">
          The lab could not start: {describeError(startError)}
        </p>
      ) : null}
      <FaultControls run={run} isAdmin={isAdmin} />
      <div className="lab-lanes">
        {DELIVERY_TRANSPORTS.map((kind) => {
          const lane = figures?.lanes.find((l) => l.kind === kind);
          return (
            <LaneCard
              key={kind}
              kind={kind}
              lane={lane}
              offline={offlineChosen[kind]}
              points={run?.series(kind) ?? []}
              readAt={figures?.at ?? 0}
              theoryMs={kind === 'poll' ? pollTheoryMs : undefined}
            />
          );
        })}
      </div>
      {figures && <SummaryTable figures={figures} />}
      <ServerStatsPanel />
    </article>
  );
}
