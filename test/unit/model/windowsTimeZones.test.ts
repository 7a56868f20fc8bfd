import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logicAppTimeZone, windowsZoneFor, windowsZoneId } from '../../../server/src/model/windowsTimeZones';

test('Windows IDs are recognised in any letter case and returned exactly', () => {
  assert.equal(windowsZoneId('Eastern Standard Time'), 'Eastern Standard Time');
  assert.equal(windowsZoneId('w. europe standard time'), 'W. Europe Standard Time');
  assert.equal(windowsZoneId('UTC-11'), 'UTC-11');
  assert.equal(windowsZoneId('America/New_York'), undefined);
  assert.equal(windowsZoneId('EST'), undefined);
});

test('IANA names of every region map to their CLDR Windows ID', () => {
  const expected: Record<string, string> = {
    'America/New_York': 'Eastern Standard Time',
    'America/Chicago': 'Central Standard Time',
    'America/Denver': 'Mountain Standard Time',
    'America/Phoenix': 'US Mountain Standard Time',
    'America/Los_Angeles': 'Pacific Standard Time',
    'America/Anchorage': 'Alaskan Standard Time',
    'Pacific/Honolulu': 'Hawaiian Standard Time',
    'America/Puerto_Rico': 'SA Western Standard Time',
    'America/Sao_Paulo': 'E. South America Standard Time',
    'America/Mexico_City': 'Central Standard Time (Mexico)',
    'Europe/London': 'GMT Standard Time',
    'Europe/Berlin': 'W. Europe Standard Time',
    'Europe/Paris': 'Romance Standard Time',
    'Europe/Warsaw': 'Central European Standard Time',
    'Europe/Helsinki': 'FLE Standard Time',
    'Europe/Moscow': 'Russian Standard Time',
    'Africa/Johannesburg': 'South Africa Standard Time',
    'Asia/Dubai': 'Arabian Standard Time',
    'Asia/Kolkata': 'India Standard Time',
    'Asia/Calcutta': 'India Standard Time',
    'Asia/Singapore': 'Singapore Standard Time',
    'Asia/Shanghai': 'China Standard Time',
    'Asia/Tokyo': 'Tokyo Standard Time',
    'Australia/Sydney': 'AUS Eastern Standard Time',
    'Australia/Brisbane': 'E. Australia Standard Time',
    'Australia/Adelaide': 'Cen. Australia Standard Time',
    'Australia/Perth': 'W. Australia Standard Time',
    'Pacific/Auckland': 'New Zealand Standard Time',
    'Etc/UTC': 'UTC',
    'US/Eastern': 'Eastern Standard Time',
  };
  for (const [iana, windows] of Object.entries(expected)) assert.equal(windowsZoneFor(iana), windows, iana);
});

test('common abbreviations map to a zone; ambiguous ones and offsets do not', () => {
  assert.equal(windowsZoneFor('CST'), 'Central Standard Time');
  assert.equal(windowsZoneFor('aest'), 'AUS Eastern Standard Time');
  assert.equal(windowsZoneFor('IST'), undefined);
  assert.equal(windowsZoneFor('UTC-05:00'), undefined);
});

test('every IANA name the table lists maps to a Windows ID the table lists', () => {
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const windows = windowsZoneFor(zone);
    if (windows !== undefined) assert.equal(windowsZoneId(windows), windows, zone);
  }
});

test('the zone HN205 suggests is a Windows ID', () => {
  assert.equal(logicAppTimeZone(undefined), 'UTC');
  assert.equal(logicAppTimeZone('Europe/Berlin'), 'W. Europe Standard Time');
  assert.equal(logicAppTimeZone('central standard time'), 'Central Standard Time');
  assert.equal(logicAppTimeZone('somewhere'), 'UTC');
});
