import { useId } from 'react';
import type { ViewMode } from '../hooks/orders-view-params';

const labels: Record<ViewMode, string> = { pages: 'Pages', infinite: 'Infinite scroll' };

/** Radios, not a switch button: both choices are visible and arrow keys move between them. */
export function ViewModeToggle({ mode, onChange }: { mode: ViewMode; onChange: (mode: ViewMode) => void }) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>View</legend>
      {(Object.keys(labels) as ViewMode[]).map((option) => (
        <label key={option} className={option === mode ? 'is-selected' : undefined}>
          <input type="radio" name={name} value={option} checked={option === mode} onChange={() => onChange(option)} />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
