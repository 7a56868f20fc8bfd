/** What a redacted secret reads as in snapshots, output and logs. */
export const redacted = '<redacted>';

const secretQueryParameters = /([?&](?:sig|code|signature|token|access_token|api-key|apikey|key|secret|client_secret|password|sv-sig)=)[^&#\s"']*/gi;
const connectionStringParts = /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|AccessKey|primaryKey|secondaryKey)=[^;"'\s]*/gi;
const bearer = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g;
const jwt = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const secretKeys = /^(password|secret|clientSecret|primaryKey|secondaryKey|primaryConnectionString|secondaryConnectionString|connectionString|accessToken|sasToken|sasUrl|accountKey|apiKey|sharedKey|token)$/i;

/** A string with secrets taken out: signed URL parameters (`sig=`, `code=`), connection-string keys, bearer tokens, JWTs. */
export function redactText(text: string): string {
  if (!/[=.]|Bearer/i.test(text)) return text;
  return text.replace(secretQueryParameters, `$1${redacted}`).replace(connectionStringParts, `$1=${redacted}`).replace(bearer, `Bearer ${redacted}`).replace(jwt, redacted);
}

/** A copy of parsed JSON with secrets redacted: strings as redactText does, and the values of secret-named keys. */
export function redactJson<T>(value: T): T {
  return redactValue(value, undefined) as T;
}

function redactValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') return key !== undefined && secretKeys.test(key) && value !== '' ? redacted : redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) copy[name] = redactValue(item, name);
    return copy;
  }
  return value;
}
