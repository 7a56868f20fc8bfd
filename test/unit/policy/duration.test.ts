import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDays, parseDuration, secondsRange } from '../../../server/src/syntax/policy/duration';

test('durations are read exactly', () => {
  assert.deepEqual(parseDuration('P1DT2H3M4.5S'), { years: 0, months: 0, weeks: 0, days: 1, hours: 2, minutes: 3, seconds: 4.5 });
  assert.deepEqual(parseDuration('PT15M'), { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 15, seconds: 0 });
  assert.equal(parseDuration('P1Y2M')?.months, 2);
  for (const bad of ['', 'P', 'PT', 'P1DT', '15M', 'PT-5M', 'P1.5D', 'p60d', 'T15M']) {
    assert.equal(parseDuration(bad), undefined, bad);
  }
});

test('fixed durations have one length; months and years a range over the calendar', () => {
  assert.deepEqual(secondsRange(parseDuration('PT1H')!), { min: 3600, max: 3600 });
  assert.equal(describeDays(secondsRange(parseDuration('P60D')!)), '60 days');
  assert.equal(describeDays(secondsRange(parseDuration('P1M')!)), '28 to 31 days');
  assert.equal(describeDays(secondsRange(parseDuration('P2M')!)), '59 to 62 days');
  assert.equal(describeDays(secondsRange(parseDuration('P1Y')!)), '365 to 366 days');
  assert.equal(describeDays(secondsRange(parseDuration('P1W')!)), '7 days');
  assert.equal(describeDays(secondsRange(parseDuration('PT36H')!)), '1.5 days');
});
