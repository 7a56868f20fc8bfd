import { createHash } from 'node:crypto';
import { stringValue } from '../value';
import { invalid, strictFunction, type FunctionFamily, type KnownValue } from './library';
import { armMurmurHash64 } from './murmurHash64';

/** The namespace ARM's `guid()` uses for its name-based (version 5) UUIDs. */
const armGuidNamespace = Buffer.from('11fb06fb712d4ddd98c7e71bbd588830', 'hex');
const base32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Both functions hash their string arguments joined with '-'. */
function joinedArguments(args: readonly KnownValue[]): string | undefined {
  const parts: string[] = [];
  for (const arg of args) {
    if (arg.kind !== 'string') return undefined;
    parts.push(arg.value);
  }
  return parts.join('-');
}

export function armUniqueString(text: string): string {
  const [high, low] = armMurmurHash64(Buffer.from(text, 'utf8'));
  let hash = (BigInt(high) << 32n) | BigInt(low);
  let result = '';
  for (let i = 0; i < 13; i++) {
    result += base32[Number(hash >> 59n) & 31];
    hash = (hash << 5n) & 0xffffffffffffffffn;
  }
  return result;
}

export function armGuid(text: string): string {
  const digest = createHash('sha1').update(armGuidNamespace).update(Buffer.from(text, 'utf8')).digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const hashFunctions: FunctionFamily = {
  uniqueString: strictFunction(1, Infinity, (args, site) => {
    const text = joinedArguments(args);
    return text === undefined ? invalid(site, 'expects strings') : stringValue(armUniqueString(text), site.origin);
  }),
  guid: strictFunction(1, Infinity, (args, site) => {
    const text = joinedArguments(args);
    return text === undefined ? invalid(site, 'expects strings') : stringValue(armGuid(text), site.origin);
  }),
};
