import { expect, it } from 'vitest';
import { createRateWindow } from './rate-window.js';

it('averages whole seconds before the current one and forgets seconds that left the window', () => {
  let now = 10_000;
  const w = createRateWindow(5, () => now);
  w.add(10);
  expect(w.perSecond()).toBe(0); // the current second is not complete
  now += 1000;
  w.add(5);
  expect(w.perSecond()).toBe(2);
  now += 1000;
  expect(w.perSecond()).toBe(3);
  now += 5000;
  expect(w.perSecond()).toBe(0);
  expect(w.total()).toBe(15);
});
