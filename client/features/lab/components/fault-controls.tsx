// Faults that act on the server, for admins: they disturb every viewer's lanes, so others see them greyed out
// with the reason. What each fault did shows in every lane's card.
import { useId, useState } from 'react';
import { BURST_DEFAULT, STALL_MAX_MS, type DropResult } from '../../../../server/contract/lab';
import { describeError } from '../../../shared/api/describe-error';
import type { FaultAnswer } from '../api/faults';
import { useFault } from '../hooks/use-fault';
import type { LabRun } from '../lanes/lab-run';

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const describeDrop = (r: DropResult) =>
  `Cut ${counted(r.sse, 'event stream', 'event streams')}, ${counted(r.long_polls, 'long poll', 'long polls')} and ${counted(r.sockets, 'socket', 'sockets')}.`;

function describeAnswer(answer: FaultAnswer): string {
  switch (answer.kind) {
    case 'drop':
      return describeDrop(answer.result);
    case 'stall':
      return `The server's event loop is held for ${answer.result.stalledMs} ms.`;
    case 'burst':
      return `Wrote changes #${answer.result.first_seq} to #${answer.result.last_seq} at once.`;
  }
}

export function FaultControls({ run, isAdmin }: { run: LabRun | null; isAdmin: boolean }) {
  const stallId = useId();
  const [stallMs, setStallMs] = useState(1000);
  const fault = useFault(run);
  const disabled = !isAdmin || !run || fault.isPending;

  return (
    <section className="card lab-faults" aria-label="Faults">
      <h2>Faults</h2>
      <div className="lab-fault-buttons">
        <button type="button" className="button" disabled={disabled} onClick={() => fault.mutate({ kind: 'drop' })}>
          Drop connections
        </button>
        <span className="lab-stall">
          <button type="button" className="button" disabled={disabled} onClick={() => fault.mutate({ kind: 'stall', ms: stallMs })}>
            Stall server
          </button>
          <label htmlFor={stallId} className="visually-hidden">
            Stall length in milliseconds
          </label>
          <input id={stallId} type="number" min={1} max={STALL_MAX_MS} step={100} value={stallMs} onChange={(e) => setStallMs(Number(e.target.value))} />
          ms
        </span>
        <button type="button" className="button" disabled={disabled} onClick={() => fault.mutate({ kind: 'burst', count: BURST_DEFAULT })}>
          Burst of {BURST_DEFAULT.toLocaleString('en')}
        </button>
      </div>
      <p className="lab-lane-note" role="status">
        {!isAdmin
          ? 'Server faults disturb everyone’s lanes, so only an admin can send them. “Offline” on a lane is yours to try.'
          : fault.error
            ? describeError(fault.error)
            : fault.data
              ? describeAnswer(fault.data)
              : 'Each lane reports below what a fault cost it: time to recover, changes lost and repeated.'}
      </p>
    </section>
  );
}
