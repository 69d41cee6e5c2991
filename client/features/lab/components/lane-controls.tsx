// The controls of one lane: run it or not, cut it off (the per-lane "offline" fault), and its own setting.
import { useId } from 'react';
import { LONG_POLL_WAITS_S, POLL_INTERVALS_MS, type LaneKind } from '../lanes/lane-types';
import { useLabSettingsStore } from '../stores/lab-settings-store';

const intervalLabel = (ms: number) => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);

interface LaneControlsProps {
  kind: LaneKind;
  label: string;
}

interface SettingSelectProps {
  label: string;
  values: readonly number[];
  value: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
}

function SettingSelect({ label, values, value, format, onChange }: SettingSelectProps) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}{' '}
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {values.map((v) => (
          <option key={v} value={v}>
            {format(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LaneControls({ kind, label }: LaneControlsProps) {
  const offline = useLabSettingsStore((s) => s.offline[kind]);
  const laneOfflineChosen = useLabSettingsStore((s) => s.laneOfflineChosen);
  const enabled = useLabSettingsStore((s) => s.enabled[kind]);
  const laneToggled = useLabSettingsStore((s) => s.laneToggled);
  const pollIntervalMs = useLabSettingsStore((s) => s.pollIntervalMs);
  const pollIntervalChosen = useLabSettingsStore((s) => s.pollIntervalChosen);
  const longPollWaitS = useLabSettingsStore((s) => s.longPollWaitS);
  const longPollWaitChosen = useLabSettingsStore((s) => s.longPollWaitChosen);

  return (
    <div className="lab-lane-controls">
      <label>
        <input type="checkbox" checked={enabled} onChange={(e) => laneToggled(kind, e.target.checked)} /> Run
        <span className="visually-hidden"> {label}</span>
      </label>
      <label>
        <input type="checkbox" checked={offline} disabled={!enabled} onChange={(e) => laneOfflineChosen(kind, e.target.checked)} />{' '}
        Offline<span className="visually-hidden"> {label}</span>
      </label>
      {kind === 'poll' && (
        <SettingSelect label="Every" values={POLL_INTERVALS_MS} value={pollIntervalMs} format={intervalLabel} onChange={pollIntervalChosen} />
      )}
      {kind === 'long_poll' && (
        <SettingSelect label="Wait" values={LONG_POLL_WAITS_S} value={longPollWaitS} format={(s) => `${s} s`} onChange={longPollWaitChosen} />
      )}
    </div>
  );
}
