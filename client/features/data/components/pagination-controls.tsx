import { useId, useState } from 'react';
import type { PageMeta } from '../../../../server/contract/orders';
import { PAGE_SIZES, type PageSize } from '../hooks/orders-view-params';
import { formatCount } from './order-format';

interface PaginationControlsProps {
  page: number;
  pageSize: PageSize;
  meta: PageMeta | undefined;
  onPage: (page: number) => void;
  onPageSize: (pageSize: PageSize) => void;
}

/** The visible text is short; the accessible name says which page, and contains the text (WCAG 2.5.3). */
function PageButton({ label, text, disabled, onClick }: { label: string; text: string; disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className="button button-small" aria-label={label} disabled={disabled} onClick={onClick}>
      {text}
    </button>
  );
}

/** Typing a page number only moves on "Go" (or Enter); it starts from the page on screen each time that changes. */
function PageJump({ page, lastPage, onPage }: { page: number; lastPage: number; onPage: (page: number) => void }) {
  const id = useId();
  const [text, setText] = useState(String(page));
  const target = Number(text);
  const valid = Number.isInteger(target) && target >= 1 && target <= lastPage;
  return (
    <form
      className="page-jump"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onPage(target);
      }}
    >
      <label htmlFor={id}>Page</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={lastPage}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={valid ? undefined : true}
      />
      <span className="page-of">of {formatCount(lastPage)}</span>
      <button type="submit" className="button button-small" disabled={!valid}>
        Go
      </button>
    </form>
  );
}

export function PaginationControls({ page, pageSize, meta, onPage, onPageSize }: PaginationControlsProps) {
  const sizeId = useId();
  const lastPage = Math.max(1, meta?.total_pages ?? page);
  const first = meta && meta.total > 0 ? (page - 1) * pageSize + 1 : 0;
  const last = meta ? Math.min(meta.total, page * pageSize) : 0;

  return (
    // A group, not a <nav>: the main menu stays the page's one navigation landmark.
    <div className="pagination" role="group" aria-label="Pagination">
      <p className="pagination-summary" aria-live="polite">
        {meta ? `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(meta.total)} orders` : 'Loading…'}
      </p>
      <div className="pagination-buttons">
        <PageButton label="First page" text="« First" disabled={page <= 1} onClick={() => onPage(1)} />
        <PageButton label="Previous page" text="‹ Previous" disabled={page <= 1} onClick={() => onPage(page - 1)} />
        <PageJump key={`${page}/${lastPage}`} page={page} lastPage={lastPage} onPage={onPage} />
        <PageButton label="Next page" text="Next ›" disabled={!meta || page >= lastPage} onClick={() => onPage(page + 1)} />
        <PageButton label="Last page" text="Last »" disabled={!meta || page >= lastPage} onClick={() => onPage(lastPage)} />
      </div>
      <div className="page-size">
        <label htmlFor={sizeId}>Page size</label>
        <select id={sizeId} value={pageSize} onChange={(event) => onPageSize(Number(event.target.value) as PageSize)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
