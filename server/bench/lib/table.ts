// Results print as a Markdown table: readable in a terminal and pasteable into an issue or the README.
export interface Row {
  [column: string]: string | number;
}

export function formatTable(title: string, rows: Row[]): string {
  if (rows.length === 0) return `### ${title}\n(no rows)\n`;
  const columns = Object.keys(rows[0]!);
  const cells = rows.map((row) => columns.map((c) => String(row[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    `### ${title}`,
    line(columns),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.map(line),
    '',
  ].join('\n');
}

export const fixed = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const ratio = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
export const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
