// The lanes side by side in one table: the comparison the lab exists for.
import type { LabFigures } from '../lanes/lab-run';
import { LANE_LABELS } from '../lanes/lane-types';
import { formatBytes, formatCount, formatMs, formatRatio } from './format';

export function SummaryTable({ figures }: { figures: LabFigures }) {
  return (
    <section className="card lab-summary" aria-labelledby="lab-summary-title">
      <h2 id="lab-summary-title">Side by side</h2>
      <div className="lab-table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Lane</th>
              <th scope="col">Received</th>
              <th scope="col">Lost</th>
              <th scope="col">Dup.</th>
              <th scope="col">Out of order</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">p99</th>
              <th scope="col">max</th>
              <th scope="col">Requests</th>
              <th scope="col">Frames</th>
              <th scope="col">Bytes</th>
              <th scope="col">Req. / event</th>
              <th scope="col">Bytes / event</th>
              <th scope="col">Reconnects</th>
            </tr>
          </thead>
          <tbody>
            {figures.lanes.map((l) => (
              <tr key={l.kind}>
                <th scope="row">{LANE_LABELS[l.kind]}</th>
                <td>{formatCount(l.received)}</td>
                <td className={l.missing.count ? 'lab-bad' : undefined}>{formatCount(l.missing.count)}</td>
                <td className={l.duplicates.count ? 'lab-bad' : undefined}>{formatCount(l.duplicates.count)}</td>
                <td className={l.outOfOrder.count ? 'lab-bad' : undefined}>{formatCount(l.outOfOrder.count)}</td>
                <td>{formatMs(l.latency.p50)}</td>
                <td>{formatMs(l.latency.p95)}</td>
                <td>{formatMs(l.latency.p99)}</td>
                <td>{formatMs(l.latency.max)}</td>
                <td>{formatCount(l.requests)}</td>
                <td>{formatCount(l.frames)}</td>
                <td>{formatBytes(l.bytes)}</td>
                <td>{formatRatio(l.requestsPerEvent)}</td>
                <td>{formatBytes(l.bytesPerEvent)}</td>
                <td>{formatCount(l.reconnects)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
