// The figures of one lane as a definition list: delivery (each anomaly loud, with its seqs), latency, cost.
import type { LaneFigures } from '../metrics/lane-recorder';
import { formatBytes, formatCount, formatMs, formatRatio, formatSeqs } from './format';

function Figure({ name, term, value, bad = false }: { name: string; term: string; value: string; bad?: boolean }) {
  return (
    <div className={bad ? 'lab-figure lab-figure-bad' : 'lab-figure'}>
      <dt>{term}</dt>
      <dd data-figure={name}>{value}</dd>
    </div>
  );
}

export function LaneFiguresList({ lane }: { lane: LaneFigures }) {
  const anomalies = [
    { label: 'Lost', ...lane.missing },
    { label: 'Duplicated', ...lane.duplicates },
    { label: 'Out of order', ...lane.outOfOrder },
  ].filter((a) => a.count > 0);
  return (
    <>
      {anomalies.length > 0 && (
        <div className="lab-anomalies" role="alert">
          {anomalies.map((a) => (
            <p key={a.label}>
              {a.label} {formatCount(a.count)}: {formatSeqs(a.seqs, a.count)}
            </p>
          ))}
        </div>
      )}
      <dl className="lab-figures">
        <Figure name="received" term="Received" value={formatCount(lane.received)} />
        <Figure name="missing" term="Lost" value={formatCount(lane.missing.count)} bad={lane.missing.count > 0} />
        <Figure name="duplicates" term="Duplicates" value={formatCount(lane.duplicates.count)} bad={lane.duplicates.count > 0} />
        <Figure name="out-of-order" term="Out of order" value={formatCount(lane.outOfOrder.count)} bad={lane.outOfOrder.count > 0} />
        <Figure name="p50" term="p50" value={formatMs(lane.latency.p50)} />
        <Figure name="p95" term="p95" value={formatMs(lane.latency.p95)} />
        <Figure name="p99" term="p99" value={formatMs(lane.latency.p99)} />
        <Figure name="max" term="max" value={formatMs(lane.latency.max)} />
        <Figure name="requests" term="Requests" value={formatCount(lane.requests)} />
        <Figure name="frames" term="Frames" value={formatCount(lane.frames)} />
        <Figure name="bytes" term="Bytes" value={formatBytes(lane.bytes)} />
        <Figure name="empty" term="Empty" value={formatCount(lane.empty)} />
        <Figure name="reconnects" term="Reconnects" value={formatCount(lane.reconnects)} />
        <Figure name="requests-per-event" term="Requests / event" value={formatRatio(lane.requestsPerEvent)} />
        <Figure name="bytes-per-event" term="Bytes / event" value={formatBytes(lane.bytesPerEvent)} />
      </dl>
    </>
  );
}
