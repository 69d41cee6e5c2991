// What every benchmark suite takes and gives back: rows for the printed table and notes under it.
import type { Row } from './table.js';

export interface SuiteOptions {
  /** Orders to seed for the data suite. */
  orders: number;
  /** Seconds per timed measurement. */
  seconds: number;
}

export interface SuiteResult {
  title: string;
  rows: Row[];
  notes: string[];
}
