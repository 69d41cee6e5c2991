// When a room was last active, short: the time for today, the date before.
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayOfYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function lastActiveLabel(at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? timeOfDay.format(at) : dayOfYear.format(at);
}
