// The stream's rate. Admins set it (0.1 to 500 changes a second); everyone else sees it.
import { useId, useState, type FormEvent } from 'react';
import { TICK_RATE_MAX } from '../../../../server/contract/orders';
import { describeError } from '../../../shared/api/describe-error';
import { useSetTickerRate, useTicker } from '../api/ticker';

const PRESETS = [1, 20, 100, 500] as const;

export function TickerControl({ isAdmin }: { isAdmin: boolean }) {
  const id = useId();
  const ticker = useTicker();
  const setRate = useSetTickerRate();
  const [draft, setDraft] = useState('');
  const current = ticker.data?.rate;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rate = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(rate)) setRate.mutate(rate, { onSuccess: () => setDraft('') });
  };

  if (!isAdmin) {
    return (
      <p className="lab-ticker">
        Stream: <strong data-figure="rate">{current ?? '…'}</strong> changes/s <span className="lab-lane-note">(an admin sets it)</span>
      </p>
    );
  }
  return (
    <form className="lab-ticker" onSubmit={submit}>
      <label htmlFor={id}>Stream rate</label>
      <input
        id={id}
        type="number"
        min={0}
        max={TICK_RATE_MAX}
        step="any"
        placeholder={current === undefined ? '' : String(current)}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-describedby={`${id}-now`}
      />
      <button type="submit" className="button button-small" disabled={setRate.isPending}>
        Set
      </button>
      {PRESETS.map((rate) => (
        <button key={rate} type="button" className="button button-small button-quiet" onClick={() => setRate.mutate(rate)} aria-pressed={current === rate}>
          {rate}/s
        </button>
      ))}
      <span id={`${id}-now`} className="lab-lane-note">
        now <span data-figure="rate">{current ?? '…'}</span> changes/s
      </span>
      {setRate.error && <span role="alert" className="field-error">{describeError(setRate.error)}</span>}
    </form>
  );
}
