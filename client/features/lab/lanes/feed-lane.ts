// Short and long polling share one loop over GET /api/orders/changes: ask after the newest seq, report what came,
// ask again (at once while more is waiting). Every stop or offline spell starts a new generation, so an answer,
// a failure or a timer of an older one does nothing: no callback fires after `stop()`.
import type { ChangesPage } from '../../../../server/contract/orders';
import { backoffMs, describeError } from './backoff';
import type { Lane, LaneEnvironment, LaneKind, LaneListener, LaneSettings } from './lane-types';
import { answerBytes } from './traffic-bytes';

export interface FeedLoopShape {
  kind: LaneKind;
  bytesCounted: string;
  /** Added to `after=` in the URL. */
  query(settings: LaneSettings): string;
  /** The wait after an answer when nothing more is waiting. */
  pauseMs(settings: LaneSettings): number;
  /** A request without an answer by then is abandoned as failed. */
  timeoutMs(settings: LaneSettings): number;
}

export function createFeedLane(shape: FeedLoopShape, env: LaneEnvironment, listener: LaneListener, initial: LaneSettings): Lane {
  let settings = { ...initial };
  let newest = 0;
  let etag: string | null = null;
  let generation = 0;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending timer is a pause after an answer (not a backoff): it follows `configure`. */
  let pauseStartedAt: number | undefined;
  let failures = 0;
  /** A failure or an offline spell happened since the last answer: the next answer is a reconnect. */
  let interrupted = false;

  const halt = () => {
    generation += 1;
    controller?.abort();
    controller = undefined;
    clearTimeout(timer);
    timer = undefined;
    pauseStartedAt = undefined;
  };

  const after = (ms: number, gen: number, isPause: boolean) => {
    clearTimeout(timer);
    pauseStartedAt = isPause ? env.now() : undefined;
    timer = setTimeout(() => {
      timer = undefined;
      pauseStartedAt = undefined;
      void request(gen);
    }, ms);
  };

  async function request(gen: number): Promise<void> {
    if (gen !== generation) return;
    const abort = new AbortController();
    controller = abort;
    const timeout = setTimeout(() => abort.abort(new Error('no answer in time')), shape.timeoutMs(settings));
    try {
      const headers: Record<string, string> = etag ? { 'if-none-match': etag } : {};
      // no-store: the browser's cache must not answer a conditional request in the lane's place.
      const res = await env.fetch(`${env.baseUrl}/api/orders/changes?after=${newest}${shape.query(settings)}`, {
        cache: 'no-store',
        credentials: 'include',
        headers,
        signal: abort.signal,
      });
      const body = res.status === 304 ? '' : await res.text();
      const receivedAt = env.now();
      if (gen !== generation) return;
      const page = res.status === 200 ? (JSON.parse(body) as ChangesPage) : undefined;
      listener.traffic('request', answerBytes(res, body), !page?.data.length);
      if (res.status !== 200 && res.status !== 304) throw new Error(`HTTP ${res.status}`);
      etag = res.headers.get('etag') ?? etag;
      failures = 0;
      if (interrupted) listener.reconnect();
      interrupted = false;
      listener.state('open');
      for (const change of page?.data ?? []) {
        newest = Math.max(newest, change.seq);
        listener.change(change, receivedAt);
      }
      if (gen !== generation) return; // a listener stopped the lane
      if (page?.meta.has_more) void request(gen);
      else if (shape.pauseMs(settings) > 0) after(shape.pauseMs(settings), gen, true);
      else void request(gen);
    } catch (error) {
      if (gen !== generation) return;
      failures += 1;
      interrupted = true;
      listener.state('reconnecting');
      listener.error(describeError(abort.signal.aborted ? abort.signal.reason : error));
      after(backoffMs(failures), gen, false);
    } finally {
      clearTimeout(timeout);
      if (controller === abort) controller = undefined;
    }
  }

  return {
    kind: shape.kind,
    bytesCounted: shape.bytesCounted,
    start(from) {
      halt();
      newest = from;
      listener.state('connecting');
      void request(generation);
    },
    stop() {
      halt();
      listener.state('stopped');
    },
    setOffline(offline) {
      halt();
      if (offline) {
        interrupted = true;
        listener.state('offline');
        return;
      }
      listener.state('connecting');
      void request(generation);
    },
    configure(next) {
      settings = { ...settings, ...next };
      // A pause under way takes the new length at once: a change from 30 s to 250 ms should not wait 30 s.
      if (pauseStartedAt !== undefined) {
        const elapsed = env.now() - pauseStartedAt;
        const started = pauseStartedAt;
        after(Math.max(0, shape.pauseMs(settings) - elapsed), generation, true);
        pauseStartedAt = started;
      }
    },
  };
}
