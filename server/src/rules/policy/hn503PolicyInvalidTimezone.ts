import { fix, replaceValue } from '../fixIntent';
import { policyRule } from './policyRule';

/** Windows time zone IDs people write by habit from Logic Apps, with the IANA zone to use instead. */
const windowsZones: Record<string, string> = {
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'UTC': 'UTC',
};

let supported: ReadonlySet<string> | undefined;

function supportedZones(): ReadonlySet<string> {
  supported ??= new Set(Intl.supportedValuesOf('timeZone'));
  return supported;
}

/** The zone as the runtime's time zone database names it, or undefined when it does not know the zone. */
function canonicalZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Why `zone` is not an IANA zone name, or undefined when it is one. */
export function ianaZoneProblem(zone: string): string | undefined {
  if (zone === 'UTC' || supportedZones().has(zone)) return undefined;
  const windows = windowsZones[zone];
  if (windows) return `\`${zone}\` is a Windows time zone ID; the policy takes an IANA zone name such as ${windows}`;
  // Offsets such as +05:00 are accepted by newer runtimes but are not zones: they ignore daylight saving time.
  if (/^[+-]\d/.test(zone) || /^(UTC|GMT)[+-]/i.test(zone)) return `\`${zone}\` is a fixed offset, not an IANA zone; name the zone (such as America/Chicago) so that daylight saving time is counted`;
  const canonical = canonicalZone(zone);
  if (canonical === undefined || !ianaShape.test(zone)) return `\`${zone}\` is not an IANA time zone name (such as America/Chicago, Europe/Berlin or UTC)`;
  if (canonical !== zone && canonical.toLowerCase() === zone.toLowerCase()) return `IANA zone names are case-sensitive: write ${canonical}`;
  // Links such as US/Eastern or Asia/Calcutta are IANA names too, kept for compatibility.
  return undefined;
}

const ianaShape = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export const hn503PolicyInvalidTimezone = policyRule(
  'HN503',
  'The policy time zone, in which deadlines are counted, is not a valid IANA zone name.',
  (policy, report) => {
    const zone = policy.timeZone;
    if (!zone || zone.value.trim() === '') return;
    const problem = ianaZoneProblem(zone.value);
    if (!problem) return;
    const suggestion = ianaZoneFor(zone.value);
    report(zone.span, problem, suggestion ? [fix(`Use ${suggestion}`, replaceValue({ file: policy.file, span: zone.span }, suggestion))] : []);
  },
  { fix: 'writes the IANA zone for a Windows time zone ID (Central Standard Time becomes America/Chicago) or the right letter case of an IANA name; a fixed offset or an unknown name is left to the author' },
);

/** The IANA name to write instead of `zone`, when one follows from it. */
function ianaZoneFor(zone: string): string | undefined {
  const windows = windowsZones[zone];
  if (windows) return windows;
  const canonical = canonicalZone(zone);
  return canonical !== undefined && canonical !== zone && canonical.toLowerCase() === zone.toLowerCase() ? canonical : undefined;
}
