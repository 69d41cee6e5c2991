// Server-Timing (W3C): `name;dur=12.5;desc="Database", other;dur=3`. The server reports how long its own work
// took, which lets the client tell server time apart from network time.

export interface ServerTimingMetric {
  name: string;
  /** Milliseconds, when the metric has a duration. */
  dur?: number;
  desc?: string;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return trimmed;
}

/** Every metric in the header. Malformed parts are skipped rather than failing the whole header. */
export function parseServerTiming(header: string | null | undefined): ServerTimingMetric[] {
  if (!header) return [];
  const metrics: ServerTimingMetric[] = [];
  // A quoted description may contain commas, so split only on commas outside quotes.
  for (const entry of header.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const [rawName, ...params] = entry.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const name = rawName?.trim();
    if (!name || !/^[\w!#$%&'*+.^`|~-]+$/.test(name)) continue;
    const metric: ServerTimingMetric = { name };
    for (const param of params) {
      const [key = '', ...rest] = param.split('=');
      const value = unquote(rest.join('='));
      const lowerKey = key.trim().toLowerCase();
      if (lowerKey === 'dur' && metric.dur === undefined) {
        const dur = Number(value);
        if (value !== '' && Number.isFinite(dur) && dur >= 0) metric.dur = dur;
      } else if (lowerKey === 'desc' && metric.desc === undefined) {
        metric.desc = value;
      }
    }
    metrics.push(metric);
  }
  return metrics;
}

/**
 * The server's time for one response: the named metric's duration, or the sum of all durations when the server
 * names its metrics differently. Undefined when the header reports no duration at all.
 */
export function serverTimeMs(header: string | null | undefined, metricName = 'db'): number | undefined {
  const metrics = parseServerTiming(header).filter((metric) => metric.dur !== undefined);
  if (metrics.length === 0) return undefined;
  const named = metrics.find((metric) => metric.name === metricName);
  if (named) return named.dur;
  return metrics.reduce((sum, metric) => sum + (metric.dur ?? 0), 0);
}

/** Whether the server answered from its cache of finished answers (`cache;desc="hit"`) instead of reading afresh. */
export function isReusedAnswer(header: string | null | undefined): boolean {
  return parseServerTiming(header).some((metric) => metric.name === 'cache' && metric.desc === 'hit');
}
