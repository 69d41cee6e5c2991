import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS } from '../../../../server/contract/orders';
import { formatCentsForInput, formatMoney, parseMoney } from './money';

const cents = (input: string) => {
  const result = parseMoney(input);
  return result.ok ? result.cents : result.error;
};

describe('parseMoney', () => {
  it('turns typed amounts into exact integer cents', () => {
    expect(cents('12.3')).toBe(1230);
    expect(cents('0.07')).toBe(7);
    expect(cents('12')).toBe(1200);
    expect(cents('12.')).toBe(1200);
    expect(cents('.5')).toBe(50);
    expect(cents('1234.56')).toBe(123456);
    expect(cents('0.29')).toBe(29);
  });

  it('accepts a dollar sign, thousands separators and surrounding spaces', () => {
    expect(cents(' $1,234.56 ')).toBe(123456);
    expect(cents('1,000,000')).toBe(MAX_AMOUNT_CENTS);
  });

  it('is exact where float arithmetic is not', () => {
    // 1.15 * 100 = 114.99999999999999 and 4.35 * 100 = 434.99999999999994 in floating point.
    expect(cents('1.15')).toBe(115);
    expect(cents('4.35')).toBe(435);
    expect(cents('999999.99')).toBe(99_999_999);
  });

  it('rejects more than two decimals, negatives, zero and text', () => {
    for (const input of ['1.234', '-1', 'abc', '', '  ', '0', '0.00', '1,23', '12,34.5', '1.2.3', '$', '.', '1e3', '0x10', '١٢']) {
      expect(parseMoney(input).ok, input).toBe(false);
    }
  });

  it('explains what is wrong', () => {
    expect(parseMoney('1.234')).toEqual({ ok: false, error: 'Enter an amount like 12.50, with at most two decimals.' });
    expect(parseMoney('-1')).toEqual({ ok: false, error: 'Enter an amount above zero.' });
    expect(parseMoney('')).toEqual({ ok: false, error: 'Enter an amount.' });
  });

  it('enforces the maximum without losing precision on huge inputs', () => {
    expect(parseMoney('1000000.01')).toEqual({ ok: false, error: 'Enter at most $1,000,000.00.' });
    expect(parseMoney('99999999999999999999').ok).toBe(false);
    expect(cents('0001.50')).toBe(150);
  });
});

describe('formatting', () => {
  it('shows cents as dollars', () => {
    expect(formatMoney(123456)).toBe('$1,234.56');
    expect(formatMoney(7)).toBe('$0.07');
  });

  it('prefills inputs with an exact, parseable amount', () => {
    expect(formatCentsForInput(123456)).toBe('1234.56');
    expect(formatCentsForInput(7)).toBe('0.07');
    expect(formatCentsForInput(1200)).toBe('12.00');
    for (const value of [1, 99, 100, 4_35, 99_999_999]) expect(cents(formatCentsForInput(value))).toBe(value);
  });
});
