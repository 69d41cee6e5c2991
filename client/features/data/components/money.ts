// Money is integer cents on the wire. Typed amounts are parsed as text, digit by digit, so "0.07" is 7 cents
// exactly; a float in between (0.07 * 100 = 7.000000000000001) could round the wrong way.
import { MAX_AMOUNT_CENTS } from '../../../../server/contract/orders';

/** Amounts are shown and typed with the same conventions: US dollars, "." for cents, "," between thousands. */
export const MONEY_LOCALE = 'en-US';
const currency = new Intl.NumberFormat(MONEY_LOCALE, { style: 'currency', currency: 'USD' });

/** "$1,234.56". Dividing by 100 is for display only; nothing computed from it goes back to the server. */
export const formatMoney = (cents: number): string => currency.format(cents / 100);

/** "1234.56": an amount as the person would type it, to prefill an input. */
export function formatCentsForInput(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return `${whole}.${String(rest).padStart(2, '0')}`;
}

export type MoneyParse = { ok: true; cents: number } | { ok: false; error: string };

// Optional "$"; whole dollars either plain or grouped in threes with commas; at most two decimals.
const AMOUNT = /^\$?(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d{0,2}))?$/;

export function parseMoney(input: string): MoneyParse {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter an amount.' };
  if (text.startsWith('-')) return { ok: false, error: 'Enter an amount above zero.' };
  const match = AMOUNT.exec(text);
  const whole = match?.[1]?.replaceAll(',', '') ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) {
    return { ok: false, error: 'Enter an amount like 12.50, with at most two decimals.' };
  }
  // More than 9 digits of dollars is far over the maximum; stop before the number loses precision.
  if (whole.replace(/^0+/, '').length > 9) return { ok: false, error: `Enter at most ${formatMoney(MAX_AMOUNT_CENTS)}.` };
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (cents < 1) return { ok: false, error: 'Enter an amount above zero.' };
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, error: `Enter at most ${formatMoney(MAX_AMOUNT_CENTS)}.` };
  return { ok: true, cents };
}
