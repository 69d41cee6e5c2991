// What reading the orders has cost this tab, per way of reading: requests sent, rows received and the time the
// server reported for its own work (Server-Timing). These are measurements taken here, not server data.
import { create } from 'zustand';
import { isReusedAnswer } from '../../../shared/api/server-timing';

export const COST_CHANNELS = ['pages', 'infinite', 'feed'] as const;
export type CostChannel = (typeof COST_CHANNELS)[number];

export interface ChannelCost {
  requests: number;
  rows: number;
  /** Answers the server gave from its cache because nothing had changed since someone asked the same. */
  reused: number;
  /** Server time of the last response that reported one, in ms. */
  lastServerMs: number | undefined;
  /** Sum over the responses that reported one; undefined until one did. */
  totalServerMs: number | undefined;
}

const empty = (): ChannelCost => ({ requests: 0, rows: 0, reused: 0, lastServerMs: undefined, totalServerMs: undefined });
const emptyCosts = (): Record<CostChannel, ChannelCost> => ({ pages: empty(), infinite: empty(), feed: empty() });

interface RequestCostState {
  costs: Record<CostChannel, ChannelCost>;
  /** One request; what came back when it was answered. */
  record: (channel: CostChannel, answer?: { rows: number; serverMs: number | undefined; reused?: boolean }) => void;
  reset: () => void;
}

export const useRequestCostStore = create<RequestCostState>()((set) => ({
  costs: emptyCosts(),
  record: (channel, answer) =>
    set(({ costs }) => {
      const cost = costs[channel];
      const serverMs = answer?.serverMs;
      return {
        costs: {
          ...costs,
          [channel]: {
            requests: cost.requests + 1,
            rows: cost.rows + (answer?.rows ?? 0),
            reused: cost.reused + (answer?.reused ? 1 : 0),
            lastServerMs: serverMs ?? cost.lastServerMs,
            totalServerMs: serverMs === undefined ? cost.totalServerMs : (cost.totalServerMs ?? 0) + serverMs,
          },
        },
      };
    }),
  reset: () => set({ costs: emptyCosts() }),
}));

/** For fetchers: every request sent is counted, answered or not; rows and server time come with answers. */
export async function measured<T>(
  channel: CostChannel,
  request: () => Promise<{ data: T; headers: Headers }>,
  rowsOf: (data: T) => number,
  serverMsOf: (headers: Headers) => number | undefined,
): Promise<T> {
  const { record } = useRequestCostStore.getState();
  let response: { data: T; headers: Headers };
  try {
    response = await request();
  } catch (error) {
    record(channel);
    throw error;
  }
  const { headers } = response;
  record(channel, { rows: rowsOf(response.data), serverMs: serverMsOf(headers), reused: isReusedAnswer(headers.get('server-timing')) });
  return response.data;
}
