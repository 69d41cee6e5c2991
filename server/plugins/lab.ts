// The transport lab: counters of what each transport delivers, CPU and event-loop sampling, the connections the
// drop fault can cut, and the /live Socket.IO namespace (the change feed over WebSocket). The HTTP side (the event
// stream, stats, faults) is in the routes; they use what this plugin decorates.
import fp from 'fastify-plugin';
import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '../contract/lab.js';
import { createDropRegistry, type DropRegistry } from '../lab/drop-registry.js';
import { createFollowerHub } from '../lab/follower-hub.js';
import { createLabMetrics, type LabMetrics } from '../lab/lab-metrics.js';
import { attachLive } from '../lab/live.js';
import { createProcessSampler, type ProcessSampler } from '../lab/process-sampler.js';

/** CPU and event-loop delay are read over intervals this long. */
const SAMPLE_INTERVAL_MS = 1000;

export interface Lab {
  metrics: LabMetrics;
  drops: DropRegistry;
  process: ProcessSampler;
}

declare module 'fastify' {
  interface FastifyInstance {
    lab: Lab;
  }
}

export default fp(
  async (fastify) => {
    const lab: Lab = {
      metrics: createLabMetrics(fastify.metrics),
      drops: createDropRegistry(),
      process: createProcessSampler(SAMPLE_INTERVAL_MS),
    };

    const hub = createFollowerHub(fastify.bus);
    const nsp = fastify.realtimeNamespace<LiveClientToServerEvents, LiveServerToClientEvents>(LIVE_NAMESPACE, ['changes:subscribe']);
    attachLive(nsp, { orders: fastify.orders, hub, drops: lab.drops, metrics: lab.metrics, log: fastify.log });

    fastify.decorate('lab', lab);
    fastify.addHook('onClose', async () => {
      hub.close();
      lab.process.stop();
    });
  },
  { name: 'lab', dependencies: ['metrics', 'bus', 'socket-io', 'orders'] },
);
