// The lab: one stream, the order change feed, delivered at once over four transports, each an independent client
// measured the same way. Every figure is measured in this page; the server panel shows the server's side.
import { DELIVERY_TRANSPORTS } from '../../../../server/contract/lab';
import { describeError } from '../../../shared/api/describe-error';
import { useLaneOffline } from '../hooks/use-fault';
import { useLabRun } from '../hooks/use-lab-run';
import { FaultControls } from './fault-controls';
import { LaneCard } from './lane-card';
import { ResultsActions } from './results-actions';
import { ServerStatsPanel } from './server-stats-panel';
import { SummaryTable } from './summary-table';
import { TickerControl } from './ticker-control';

export function LabPage({ isAdmin }: { isAdmin: boolean }) {
  const { run, startError, figures } = useLabRun();
  const offline = useLaneOffline(run);
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
          // The toggle shows the choice at once; the run takes it after reading the feed's head.
          const choosing = offline.isPending && offline.variables?.kind === kind ? offline.variables.offline : undefined;
          return (
            <LaneCard
              key={kind}
              kind={kind}
              lane={lane}
              offline={choosing ?? lane?.offline ?? false}
              points={run?.series(kind) ?? []}
              readAt={figures?.at ?? 0}
              theoryMs={kind === 'poll' ? pollTheoryMs : undefined}
              onOfflineChange={(value) => offline.mutate({ kind, offline: value })}
            />
          );
        })}
      </div>
      {figures && <SummaryTable figures={figures} />}
      <ServerStatsPanel />
    </article>
  );
}
