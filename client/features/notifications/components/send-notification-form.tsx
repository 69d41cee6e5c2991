// Admins only: send a notification to one user or to everybody. What was typed stays after a refusal, with the
// reason next to the field; after sending, the text fields empty and the recipient count is announced.
import { useId, useState, type FormEvent } from 'react';
import { NOTIFICATION_LEVELS, type NotificationLevel } from '../../../../server/contract/notifications';
import { ApiError } from '../../../shared/api/api-error';
import { describeError } from '../../../shared/api/describe-error';
import { fieldErrorsFromProblem } from '../../../shared/api/field-errors';
import { TextField } from '../../../shared/components/text-field';
import { useSendNotification } from '../api/send-notification';
import { LEVEL_LABELS } from './notification-format';
import {
  checkSendDraft,
  hasSendErrors,
  recipientsText,
  toSendNotification,
  type SendDraft,
  type SendErrors,
} from './send-form-rules';

const EMPTY: SendDraft = { to: '', title: '', body: '', level: 'info', link: '' };

export function SendNotificationForm() {
  const send = useSendNotification();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<SendErrors>({});
  const [sentTo, setSentTo] = useState<number>();
  const bodyId = useId();
  const levelId = useId();
  const edit = (change: Partial<SendDraft>) => {
    setSentTo(undefined);
    setDraft({ ...draft, ...change });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkSendDraft(draft);
    setErrors(found);
    if (hasSendErrors(found)) return;
    send.mutate(toSendNotification(draft), {
      onSuccess: ({ recipients }) => {
        setSentTo(recipients);
        setDraft({ ...draft, title: '', body: '', link: '' });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'not_found') setErrors({ to: describeError(error) });
        else if (error instanceof ApiError) setErrors(fieldErrorsFromProblem(error.problem));
      },
    });
  };

  return (
    <form className="notification-form" noValidate onSubmit={submit}>
      <TextField
        label="To"
        hint='A username, or "all" for everybody'
        autoComplete="off"
        value={draft.to}
        onChange={(e) => edit({ to: e.target.value })}
        error={errors.to}
      />
      <TextField
        label="Title"
        autoComplete="off"
        value={draft.title}
        onChange={(e) => edit({ title: e.target.value })}
        error={errors.title}
      />
      <div className="field">
        <label htmlFor={bodyId}>Body</label>
        <textarea
          id={bodyId}
          rows={3}
          value={draft.body}
          onChange={(e) => edit({ body: e.target.value })}
          aria-invalid={errors.body ? true : undefined}
        />
        {errors.body && <p className="field-error">{errors.body}</p>}
      </div>
      <div className="field">
        <label htmlFor={levelId}>Level</label>
        <select id={levelId} value={draft.level} onChange={(e) => edit({ level: e.target.value as NotificationLevel })}>
          {NOTIFICATION_LEVELS.map((level) => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Link"
        hint="Optional: a page of this app, e.g. /data"
        autoComplete="off"
        value={draft.link}
        onChange={(e) => edit({ link: e.target.value })}
        error={errors.link}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send notification'}
        </button>
        <p role="status" className="form-status">
          {sentTo !== undefined && `${recipientsText(sentTo)}.`}
        </p>
      </div>
      {send.isError && !(send.error instanceof ApiError && send.error.status === 400) && (
        <p className="inline-error" role="alert">
          {describeError(send.error)}
        </p>
      )}
    </form>
  );
}
