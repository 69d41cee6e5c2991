import { describe, expect, it } from 'vitest';
import { checkSendDraft, hasSendErrors, recipientsText, toSendNotification, type SendDraft } from './send-form-rules';

const draft = (changes: Partial<SendDraft> = {}): SendDraft => ({
  to: 'all',
  title: 'Maintenance at noon',
  body: '',
  level: 'info',
  link: '',
  ...changes,
});

describe('send form rules', () => {
  it('accepts a complete draft and sends it trimmed, without an empty link', () => {
    expect(hasSendErrors(checkSendDraft(draft()))).toBe(false);
    expect(toSendNotification(draft({ to: ' ada ', title: ' Hi ', link: ' ' }))).toEqual({
      to: 'ada',
      title: 'Hi',
      body: '',
      level: 'info',
    });
  });

  it('requires a recipient and a title that is not blank', () => {
    const errors = checkSendDraft(draft({ to: ' ', title: '   ' }));
    expect(Object.keys(errors).sort()).toEqual(['title', 'to']);
  });

  it('takes only links to a page of this app', () => {
    for (const link of ['/data', '/data?status=refunded']) expect(checkSendDraft(draft({ link })).link).toBeUndefined();
    for (const link of ['https://example.com', '//evil.example', '/\\evil', 'data', '/a b']) {
      expect(checkSendDraft(draft({ link })).link).toBeDefined();
    }
  });

  it('says how many received it', () => {
    expect(recipientsText(1)).toBe('Sent to 1 recipient');
    expect(recipientsText(12)).toBe('Sent to 12 recipients');
  });
});
