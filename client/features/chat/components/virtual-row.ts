// What a row of the virtual message list needs from the virtualizer: its place, and a ref to measure it by.
import type { VirtualItem } from '@tanstack/react-virtual';
import type { CSSProperties } from 'react';

export interface RowProps {
  ref: (node: Element | null) => void;
  'data-index': number;
  style: CSSProperties;
  /** Known only once the first message is loaded (otherwise -1 and no position). */
  'aria-setsize'?: number;
  'aria-posinset'?: number;
}

export function rowProps(item: VirtualItem, measure: (node: Element | null) => void): RowProps {
  return {
    ref: measure,
    'data-index': item.index,
    style: { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` },
  };
}
