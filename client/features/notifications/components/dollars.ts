// The large-order threshold is stored in integer cents and typed in dollars.

export function formatDollars(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Cents from "1000", "1,000.5" or "$1000.00"; undefined for anything else (or more than two decimals). */
export function parseDollars(text: string): number | undefined {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
