import { describe, expect, it } from 'vitest';
import { lastActiveLabel } from './last-active';

describe('lastActiveLabel', () => {
  it('shows the time for today and the date before', () => {
    const now = new Date(2026, 10, 27, 15, 0).getTime();
    expect(lastActiveLabel(new Date(2026, 10, 27, 9, 5).getTime(), now)).toMatch(/09.05/);
    expect(lastActiveLabel(new Date(2026, 10, 26, 23, 59).getTime(), now)).toMatch(/26/);
  });
});
