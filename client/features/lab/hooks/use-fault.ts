// Sending a fault and marking it on every running lane. Drop and stall are marked before they are sent, with the
// head then: recovery is the first change committed after the fault reaching the lane. A burst is marked once
// the server says which seqs it wrote: its "recovery" is the last of them arriving, the time to take it all in.
import { useMutation } from '@tanstack/react-query';
import { sendFault, type ServerFault } from '../api/faults';
import type { LabRun } from '../lanes/lab-run';

export function useFault(run: LabRun | null) {
  return useMutation({
    mutationFn: async (fault: ServerFault) => {
      if (!run) throw new Error('The lab has not started yet.');
      const at = Date.now();
      if (fault.kind !== 'burst') run.markFault(fault.kind, await run.currentHead(), at);
      const answer = await sendFault(fault);
      if (answer.kind === 'burst') run.markFault('burst', answer.result.last_seq - 1, at);
      return answer;
    },
  });
}
