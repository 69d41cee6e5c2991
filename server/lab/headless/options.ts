// The headless lab's command line. Every value is checked before anything starts, so a typo costs nothing.
import { parseArgs } from 'node:util';
import { DELIVERY_TRANSPORTS, STALL_MAX_MS } from '../../contract/lab.js';
import { LONG_POLL_MAX_SECONDS, TICK_RATE_MAX } from '../../contract/orders.js';
import type { LaneKind } from '../../../client/features/lab/lanes/lane-types';

export const FAULTS = ['drop', 'stall'] as const;
export type FaultName = (typeof FAULTS)[number];

/** Where in the run each fault is applied, as a share of the duration. */
export const FAULT_AT: Record<FaultName, number> = { drop: 1 / 3, stall: 2 / 3 };
export const STALL_MS = 500;
export const MAX_DURATION_S = 3600;

export interface LabOptions {
  rate: number;
  pollIntervalMs: number;
  longPollWaitS: number;
  durationS: number;
  /** A running server; without it the runner starts its own. */
  url: string | undefined;
  faults: FaultName[];
  lanes: LaneKind[];
  adminPassword: string | undefined;
  username: string | undefined;
  password: string | undefined;
  out: string;
}

export const USAGE =
  'npm run lab -- [--rate 20] [--poll 1000] [--wait 25] [--duration 30] [--url http://host:port] ' +
  '[--faults drop,stall|none] [--lanes poll,long_poll,sse,websocket] [--admin-password …] [--user … --password …] [--out lab-results]';

/** What `--help` prints after the usage line. */
export const HELP = `The transport lab without a browser: one stream of order changes over every lane at once, checked for
loss, repeats and order, with latency, requests and bytes per lane.

  --rate N            order changes per second during the run (default 20)
  --poll MS           short-polling interval in milliseconds (default 1000)
  --wait S            how long a long poll is held open, in seconds (default 25)
  --duration S        length of the run in seconds (default 30, at most ${MAX_DURATION_S})
  --faults LIST       drop, stall (default both), or none: injected at a third and two thirds of the run
  --lanes LIST        poll, long_poll, sse, websocket (default all)
  --url URL           a running Switchboard to measure; without it the runner starts its own on loopback
  --admin-password P  needed with --url to set the rate and inject faults
  --user U --password P
                      sign in as this account instead of registering a fresh lab_… user
  --out DIR           where results.md, results.json and results.csv go (default lab-results)

Exits 0 when every lane got every change exactly once and in order, 1 otherwise.
`;

function number(name: string, text: string, min: number, max: number, integer = false): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

function list<T extends string>(name: string, text: string, known: readonly T[]): T[] {
  if (text === 'none' || text === '') return [];
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!known.includes(item as T)) throw new Error(`--${name}: unknown "${item}"; known: ${known.join(', ')}`);
  }
  return [...new Set(items as T[])];
}

export function parseOptions(args: string[]): LabOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      rate: { type: 'string', default: '20' },
      poll: { type: 'string', default: '1000' },
      wait: { type: 'string', default: '25' },
      duration: { type: 'string', default: '30' },
      url: { type: 'string' },
      faults: { type: 'string', default: FAULTS.join(',') },
      lanes: { type: 'string', default: DELIVERY_TRANSPORTS.join(',') },
      'admin-password': { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      out: { type: 'string', default: 'lab-results' },
    },
  });
  const url = values.url?.replace(/\/+$/, '');
  if (url !== undefined && !/^https?:\/\/[^/]+$/.test(url)) throw new Error(`--url must be http(s)://host[:port], not "${values.url}"`);
  if ((values.user === undefined) !== (values.password === undefined)) throw new Error('--user and --password go together');
  const lanes = list('lanes', values.lanes, DELIVERY_TRANSPORTS);
  if (lanes.length === 0) throw new Error('--lanes: choose at least one lane');
  if (STALL_MS > STALL_MAX_MS) throw new Error('the stall is longer than the server allows');
  return {
    rate: number('rate', values.rate, 0, TICK_RATE_MAX),
    pollIntervalMs: number('poll', values.poll, 50, 60_000, true),
    longPollWaitS: number('wait', values.wait, 1, LONG_POLL_MAX_SECONDS, true),
    durationS: number('duration', values.duration, 1, MAX_DURATION_S),
    url,
    faults: list('faults', values.faults, FAULTS),
    lanes,
    adminPassword: values['admin-password'],
    username: values.user,
    password: values.password,
    out: values.out,
  };
}
