// Faults that act on the server (admin only). Each is marked on every running lane at the moment it is sent,
// with the head of the feed then, so the page can say what each lane lost and how long it took to recover.
import type { BurstResult, DropResult, StallResult } from '../../../../server/contract/lab';
import { api } from '../../../shared/api/api-client';

export type ServerFault = { kind: 'drop' } | { kind: 'stall'; ms: number } | { kind: 'burst'; count: number };

export type FaultAnswer =
  | { kind: 'drop'; result: DropResult }
  | { kind: 'stall'; result: StallResult }
  | { kind: 'burst'; result: BurstResult };

export async function sendFault(fault: ServerFault): Promise<FaultAnswer> {
  switch (fault.kind) {
    case 'drop':
      return { kind: 'drop', result: await api.post<DropResult>('/api/lab/faults/drop') };
    case 'stall':
      return { kind: 'stall', result: await api.post<StallResult>('/api/lab/faults/stall', { ms: fault.ms }) };
    case 'burst':
      return { kind: 'burst', result: await api.post<BurstResult>('/api/lab/faults/burst', { count: fault.count }) };
  }
}
