// The send form's rules, the same as the contract's, checked before sending so mistakes show next to the field.
import {
  BODY_MAX_LENGTH,
  LINK_MAX_LENGTH,
  LINK_PATTERN,
  TITLE_MAX_LENGTH,
  type NotificationLevel,
  type SendNotification,
} from '../../../../server/contract/notifications';

export interface SendDraft {
  to: string;
  title: string;
  body: string;
  level: NotificationLevel;
  link: string;
}

export type SendErrors = Partial<Record<keyof SendDraft, string>>;

const linkPattern = new RegExp(LINK_PATTERN);

export function checkSendDraft(draft: SendDraft): SendErrors {
  const errors: SendErrors = {};
  const to = draft.to.trim();
  if (!to) errors.to = 'A username, or "all" for everybody.';
  else if (to.length > 64) errors.to = 'A username is at most 64 characters.';
  if (!draft.title.trim()) errors.title = 'A title is required.';
  else if (draft.title.length > TITLE_MAX_LENGTH) errors.title = `At most ${TITLE_MAX_LENGTH} characters.`;
  if (draft.body.length > BODY_MAX_LENGTH) errors.body = `At most ${BODY_MAX_LENGTH} characters.`;
  const link = draft.link.trim();
  if (link && (link.length > LINK_MAX_LENGTH || !linkPattern.test(link))) {
    errors.link = 'A path in this app starting with one "/", such as /data?status=refunded.';
  }
  return errors;
}

export const hasSendErrors = (errors: SendErrors): boolean => Object.values(errors).some(Boolean);

/** The request body: trimmed, and without a link when none was given. */
export function toSendNotification(draft: SendDraft): SendNotification {
  const link = draft.link.trim();
  return {
    to: draft.to.trim(),
    title: draft.title.trim(),
    body: draft.body,
    level: draft.level,
    ...(link ? { link } : {}),
  };
}

export const recipientsText = (count: number): string => `Sent to ${count} ${count === 1 ? 'recipient' : 'recipients'}`;
