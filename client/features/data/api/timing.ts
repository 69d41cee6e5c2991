import { serverTimeMs } from '../../../shared/api/server-timing';

/** The orders API reports its database time as `Server-Timing: db;dur=<ms>`. */
export const dbTimeOf = (headers: Headers): number | undefined => serverTimeMs(headers.get('server-timing'), 'db');
