// What each fault did to one lane: how long until the first change committed after it arrived, and what was lost
// or repeated since. The newest first; a lane that has not recovered says so.
import type { FaultOutcome } from '../metrics/lane-recorder';
import { formatMs } from './format';

const FAULT_NAMES: Record<string, string> = { drop: 'Drop', stall: 'Stall', burst: 'Burst', offline: 'Offline' };

export function FaultOutcomes({ faults }: { faults: FaultOutcome[] }) {
  if (faults.length === 0) return null;
  return (
    <ul className="lab-fault-outcomes" aria-label="After faults">
      {faults
        .slice(-3)
        .reverse()
        .map((f) => {
          const clean = f.lost === 0 && f.duplicated === 0;
          return (
            <li key={`${f.name}-${f.at}`} className={clean ? undefined : 'lab-fault-bad'} data-fault={f.name}>
              <strong>{FAULT_NAMES[f.name] ?? f.name}</strong>{' '}
              {f.recoveredMs === null ? 'waiting for the next change…' : `recovered in ${formatMs(f.recoveredMs)}`}, lost {f.lost},
              duplicated {f.duplicated}
            </li>
          );
        })}
    </ul>
  );
}
