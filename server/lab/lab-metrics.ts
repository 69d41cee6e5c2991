// The lab's counters: change-feed requests by mode and changes delivered by transport, each as a total and a
// recent rate, mirrored as Prometheus counters on the app's registry so dashboards outside the app see them too.
import { Counter, type Registry } from 'prom-client';
import { DELIVERY_TRANSPORTS, LAB_RATE_WINDOW_S, type DeliveryTransport } from '../contract/lab.js';
import { createRateWindow, type RateWindow } from './rate-window.js';

export type FeedMode = 'poll' | 'long_poll';

export interface LabMetrics {
  /** One request of the change feed, whatever its answer (a 304 too). */
  feedRequest(mode: FeedMode): void;
  /** Changes sent to a client: the items of a feed answer, or changes pushed over a stream. */
  delivered(transport: DeliveryTransport, changes: number): void;
  feedRequests(mode: FeedMode): { total: number; perSecond: number };
  events(transport: DeliveryTransport): { total: number; perSecond: number };
}

export function createLabMetrics(registry: Registry, now: () => number = Date.now): LabMetrics {
  const requests = { poll: createRateWindow(LAB_RATE_WINDOW_S, now), long_poll: createRateWindow(LAB_RATE_WINDOW_S, now) };
  const events = Object.fromEntries(DELIVERY_TRANSPORTS.map((t) => [t, createRateWindow(LAB_RATE_WINDOW_S, now)])) as Record<
    DeliveryTransport,
    RateWindow
  >;

  const requestCounter = new Counter({
    name: 'switchboard_feed_requests_total',
    help: 'Requests of the order change feed, by mode (poll or long_poll)',
    labelNames: ['mode'] as const,
    registers: [registry],
  });
  const eventCounter = new Counter({
    name: 'switchboard_feed_events_delivered_total',
    help: 'Order changes sent to clients, by transport',
    labelNames: ['transport'] as const,
    registers: [registry],
  });

  const count = (transport: DeliveryTransport, changes: number) => {
    if (changes <= 0) return;
    events[transport].add(changes);
    eventCounter.inc({ transport }, changes);
  };
  const read = (window: RateWindow) => ({ total: window.total(), perSecond: window.perSecond() });

  return {
    feedRequest(mode) {
      requests[mode].add();
      requestCounter.inc({ mode });
    },
    delivered: count,
    feedRequests: (mode) => read(requests[mode]),
    events: (transport) => read(events[transport]),
  };
}
