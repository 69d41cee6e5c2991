// How lab figures read: fixed units per column so lanes compare at a glance, and "–" where there is no value yet.
const DASH = '–';

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (Math.abs(ms) >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return DASH;
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(2)} MB`;
  if (bytes >= 10_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
}

export const formatCount = (n: number): string => n.toLocaleString('en');

export function formatSeqs(seqs: number[], count: number): string {
  const listed = seqs.map((s) => `#${s}`).join(', ');
  return count > seqs.length ? `${listed} and ${count - seqs.length} more` : listed;
}
