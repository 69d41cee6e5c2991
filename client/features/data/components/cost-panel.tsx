import { useId } from 'react';
import type { ViewMode } from '../hooks/orders-view-params';
import { COST_CHANNELS, useRequestCostStore, type ChannelCost, type CostChannel } from '../stores/request-cost-store';
import { formatCount, formatServerMs } from './order-format';

const channelLabels: Record<CostChannel, string> = { pages: 'Pages', infinite: 'Infinite scroll', feed: 'Change feed' };

const rows: [label: string, value: (cost: ChannelCost) => string][] = [
  ['Requests', (cost) => formatCount(cost.requests)],
  ['Rows loaded', (cost) => formatCount(cost.rows)],
  ['Answers reused', (cost) => formatCount(cost.reused)],
  ['Last server time', (cost) => formatServerMs(cost.lastServerMs)],
  ['Server time, total', (cost) => formatServerMs(cost.totalServerMs)],
];

/** What each way of reading has cost this tab so far, so the two views can be compared side by side. */
export function CostPanel({ mode }: { mode: ViewMode }) {
  const titleId = useId();
  const costs = useRequestCostStore((state) => state.costs);
  const reset = useRequestCostStore((state) => state.reset);

  return (
    <section className="card cost-panel" aria-labelledby={titleId}>
      <header className="cost-panel-header">
        <h2 id={titleId}>Cost</h2>
        <button type="button" className="button button-quiet button-small" onClick={reset}>
          Reset
        </button>
      </header>
      <table className="cost-table">
        <thead>
          <tr>
            <td />
            {COST_CHANNELS.map((channel) => (
              <th key={channel} scope="col" className={channel === mode ? 'is-current' : undefined}>
                {channelLabels[channel]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {COST_CHANNELS.map((channel) => (
                <td key={channel} className={channel === mode ? 'is-current' : undefined}>
                  {value(costs[channel])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cost-note">
        Server time is the database time each response reports in its <code>Server-Timing</code> header. A reused
        answer was kept by the server from an identical request since the last order change: no database time.
        Change-feed rows are changes.
      </p>
    </section>
  );
}
