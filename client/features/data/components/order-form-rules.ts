// Client checks for the order forms. They mirror the contract so mistakes are caught before a request; the
// server checks again and its answer is shown too.
import type { Problem } from '../../../../server/contract/errors';
import { fieldErrorsFromProblem } from '../../../shared/api/field-errors';
import { parseMoney } from './money';

export const ORDER_FORM_FIELDS = ['customer', 'item', 'amount', 'status'] as const;
export type OrderFormField = (typeof ORDER_FORM_FIELDS)[number];
export type OrderFormErrors = Partial<Record<OrderFormField, string>>;

const TEXT_MAX = 100;

export function checkText(value: string, what: string): string | undefined {
  const text = value.trim();
  if (!text) return `Enter the ${what}.`;
  if (text.length > TEXT_MAX) return `Use at most ${TEXT_MAX} characters.`;
  return undefined;
}

export function checkAmount(value: string): string | undefined {
  const parsed = parseMoney(value);
  return parsed.ok ? undefined : parsed.error;
}

/** The server names fields as sent (`amount_cents`); the form calls it `amount`. */
export function serverFormErrors(problem: Problem): OrderFormErrors {
  const byField = fieldErrorsFromProblem(problem);
  const errors: OrderFormErrors = {};
  if (byField.customer) errors.customer = byField.customer;
  if (byField.item) errors.item = byField.item;
  if (byField.amount_cents) errors.amount = byField.amount_cents;
  if (byField.status) errors.status = byField.status;
  return errors;
}

export const hasErrors = (errors: OrderFormErrors): boolean => Object.values(errors).some(Boolean);
