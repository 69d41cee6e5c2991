// What the person chose on the lab page: which lanes run and the polling settings. Client state only; the
// figures live in the run itself, not here.
import { create } from 'zustand';
import { DEFAULT_LANE_SETTINGS, type LaneKind, type LaneSettings } from '../lanes/lane-types';
import { DELIVERY_TRANSPORTS } from '../../../../server/contract/lab';

interface LabSettingsState extends LaneSettings {
  enabled: Record<LaneKind, boolean>;
  /** Lanes the person cut off (the per-lane "offline" fault). */
  offline: Record<LaneKind, boolean>;
  laneToggled: (kind: LaneKind, enabled: boolean) => void;
  laneOfflineChosen: (kind: LaneKind, offline: boolean) => void;
  pollIntervalChosen: (ms: number) => void;
  longPollWaitChosen: (seconds: number) => void;
}

const everyLane = (value: boolean) => Object.fromEntries(DELIVERY_TRANSPORTS.map((kind) => [kind, value])) as Record<LaneKind, boolean>;

export const useLabSettingsStore = create<LabSettingsState>()((set) => ({
  ...DEFAULT_LANE_SETTINGS,
  enabled: everyLane(true),
  offline: everyLane(false),
  laneToggled: (kind, enabled) => set((s) => ({ enabled: { ...s.enabled, [kind]: enabled } })),
  laneOfflineChosen: (kind, offline) => set((s) => ({ offline: { ...s.offline, [kind]: offline } })),
  pollIntervalChosen: (pollIntervalMs) => set({ pollIntervalMs }),
  longPollWaitChosen: (longPollWaitS) => set({ longPollWaitS }),
}));
