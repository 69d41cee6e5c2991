// The server's view beside the lanes' own: what it holds open, what it answers and delivers, what it costs.
import type { LabStats } from '../../../../server/contract/lab';
import { describeError } from '../../../shared/api/describe-error';
import { useLabStats } from '../api/get-lab-stats';
import { LANE_LABELS } from '../lanes/lane-types';
import { formatCount, formatMs } from './format';

const rate = (n: number) => `${n.toFixed(1)}/s`;

function Stats({ stats }: { stats: LabStats }) {
  const c = stats.connections;
  return (
    <dl className="lab-server-stats">
      <div><dt>Feed head</dt><dd data-figure="head">#{formatCount(stats.head_seq)}</dd></div>
      <div><dt>Ticker</dt><dd>{stats.ticker.rate} changes/s</dd></div>
      <div><dt>CPU</dt><dd>{stats.process.cpu_percent.toFixed(1)} % of a core</dd></div>
      <div><dt>Event-loop delay p99</dt><dd>{formatMs(stats.process.event_loop_delay_ms.p99)}</dd></div>
      <div><dt>Open connections</dt><dd>HTTP {c.http}, SSE {c.sse}, WebSocket {c.websocket}, polling {c.polling}, long polls held {c.long_poll}</dd></div>
      <div><dt>Feed requests</dt><dd>polls {rate(stats.feed_requests.poll.per_s)}, long polls {rate(stats.feed_requests.long_poll.per_s)}</dd></div>
      {(['poll', 'long_poll', 'sse', 'websocket'] as const).map((t) => (
        <div key={t}>
          <dt>Delivered · {LANE_LABELS[t]}</dt>
          <dd>{rate(stats.events_delivered.per_s[t])} ({formatCount(stats.events_delivered.total[t])} in all)</dd>
        </div>
      ))}
    </dl>
  );
}

export function ServerStatsPanel() {
  const stats = useLabStats();
  return (
    <section className="card lab-server" aria-labelledby="lab-server-title">
      <h2 id="lab-server-title">Server</h2>
      <p className="lab-lane-note">Everyone’s lanes, not only yours: rates over the last seconds, every second.</p>
      {stats.data ? <Stats stats={stats.data} /> : stats.error ? <p role="alert">{describeError(stats.error)}</p> : <p>Loading…</p>}
    </section>
  );
}
