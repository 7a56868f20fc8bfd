/** An ISO 8601 duration (`PnYnMnWnDTnHnMnS`), read exactly as written. */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const form = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Undefined for anything that is not a duration (`P`, `PT`, `15M`, negative or empty values). */
export function parseDuration(text: string): Duration | undefined {
  const match = form.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number) => (match[i] === undefined ? 0 : Number(match[i].replace(',', '.')));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** True when the length depends on the calendar: months are 28-31 days, years 365-366. */
export function isCalendarDependent(duration: Duration): boolean {
  return duration.years > 0 || duration.months > 0;
}

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/** Shortest and longest length in seconds that the duration can have, over every start month of a leap-year cycle. */
export function secondsRange(duration: Duration): { readonly min: number; readonly max: number } {
  const fixed = duration.weeks * 7 * day + duration.days * day + duration.hours * hour + duration.minutes * minute + duration.seconds;
  const months = duration.years * 12 + duration.months;
  if (months === 0) return { min: fixed, max: fixed };
  if (months > 12_000) return { min: fixed + months * 28 * day, max: fixed + months * 31 * day };
  let min = Infinity;
  let max = 0;
  for (let start = 0; start < 48; start++) {
    const year = 2024 + Math.floor(start / 12);
    const days = (Date.UTC(year, (start % 12) + months, 1) - Date.UTC(year, start % 12, 1)) / (day * 1000);
    min = Math.min(min, days);
    max = Math.max(max, days);
  }
  return { min: fixed + min * day, max: fixed + max * day };
}

/** Days as a person reads them: `P2M` is "59 to 62 days", `P60D` is "60 days". */
export function describeDays(range: { readonly min: number; readonly max: number }): string {
  const lo = range.min / day;
  const hi = range.max / day;
  const show = (d: number) => (Number.isInteger(d) ? String(d) : d.toFixed(2).replace(/0+$/, ''));
  return lo === hi ? `${show(lo)} days` : `${show(lo)} to ${show(hi)} days`;
}

export const secondsPerDay = day;
export const secondsPerHour = hour;
