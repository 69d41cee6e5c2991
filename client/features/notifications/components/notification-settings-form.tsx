// Which order events notify this person, from what amount an order counts as large, and whether arrivals show as
// toasts. The form edits a copy and saves the whole object, as the API replaces it.
import { useState, type FormEvent } from 'react';
import {
  ORDER_LARGE_THRESHOLD_DEFAULT_CENTS,
  type NotificationSettings,
} from '../../../../server/contract/notifications';
import { describeError } from '../../../shared/api/describe-error';
import { ErrorPanel } from '../../../shared/components/error-panel';
import { Spinner } from '../../../shared/components/spinner';
import { TextField } from '../../../shared/components/text-field';
import { useNotificationSettings } from '../api/get-settings';
import { useSaveNotificationSettings } from '../api/save-settings';
import { formatDollars, parseDollars } from './dollars';

const THRESHOLD_MAX_CENTS = 100_000_000;

export function NotificationSettingsForm() {
  const settings = useNotificationSettings();
  if (settings.isPending) return <Spinner label="Loading your settings…" />;
  if (settings.isError) {
    const retry = () => void settings.refetch();
    return <ErrorPanel title="Settings could not be loaded" error={settings.error} onRetry={retry} />;
  }
  return <SettingsEditor saved={settings.data} />;
}

type Flag = 'order_large' | 'order_cancelled' | 'order_refunded' | 'toasts';

function SettingsEditor({ saved }: { saved: NotificationSettings }) {
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState(saved);
  const [threshold, setThreshold] = useState(formatDollars(saved.order_large_threshold_cents));
  const [thresholdError, setThresholdError] = useState<string>();

  const flag = (name: Flag, label: string) => (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={draft[name]}
        onChange={(event) => {
          save.reset();
          setDraft({ ...draft, [name]: event.target.checked });
        }}
      />
      {label}
    </label>
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = parseDollars(threshold);
    if (cents === undefined || cents < 1 || cents > THRESHOLD_MAX_CENTS) {
      const example = formatDollars(ORDER_LARGE_THRESHOLD_DEFAULT_CENTS);
      setThresholdError(`An amount from 0.01 to ${formatDollars(THRESHOLD_MAX_CENTS)}, e.g. ${example}`);
      return;
    }
    setThresholdError(undefined);
    save.mutate({ ...draft, order_large_threshold_cents: cents });
  };

  return (
    <form className="notification-form" noValidate onSubmit={submit}>
      <fieldset className="notification-fieldset">
        <legend>Order events</legend>
        <p className="field-hint">
          At most one notification per kind every 10 seconds; more become one summary.
        </p>
        {flag('order_large', 'Large orders')}
        <TextField
          label="Large means at least (dollars)"
          inputMode="decimal"
          autoComplete="off"
          value={threshold}
          disabled={!draft.order_large}
          onChange={(event) => {
            save.reset();
            setThreshold(event.target.value);
          }}
          error={thresholdError}
        />
        {flag('order_cancelled', 'Cancelled orders')}
        {flag('order_refunded', 'Refunded orders')}
      </fieldset>
      <fieldset className="notification-fieldset">
        <legend>On screen</legend>
        {flag('toasts', 'Show new notifications as toasts')}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        <p role="status" className="form-status">
          {save.isSuccess && 'Settings saved.'}
        </p>
      </div>
      {save.isError && (
        <p className="inline-error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </form>
  );
}
