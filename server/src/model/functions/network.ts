import { numberValue, objectValue, stringValue, unknownValue, type Value } from '../value';
import { invalid, isInteger, strictFunction, type CallSite, type FunctionFamily, type KnownValue } from './library';

/** IPv4 only: IPv6 ranges are left unknown rather than half-computed. */
interface Ipv4Range {
  readonly address: number;
  readonly prefix: number;
}

function parseRange(value: KnownValue): Ipv4Range | string {
  if (value.kind !== 'string') return 'expects a CIDR range such as 10.0.0.0/16';
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value.value.trim());
  if (match === null) return value.value.includes(':') ? 'IPv6 ranges are not computed' : `'${value.value}' is not an IPv4 CIDR range`;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return `'${value.value}' is not an IPv4 CIDR range`;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  return { address: (address & maskOf(prefix)) >>> 0, prefix };
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function dotted(address: number): string {
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');
}

function withRange(site: CallSite, value: KnownValue, compute: (range: Ipv4Range) => Value) {
  const range = parseRange(value);
  if (typeof range === 'string') return range.startsWith('IPv6') ? unknownValue(`${site.name}: ${range}`, site.origin) : invalid(site, range);
  return compute(range);
}

export const networkFunctions: FunctionFamily = {
  parseCidr: strictFunction(1, 1, ([network], site) =>
    withRange(site, network, ({ address, prefix }) => {
      if (prefix >= 31) return unknownValue(`${site.name}: /31 and /32 ranges are not computed`, site.origin, 'object');
      const broadcast = (address | ~maskOf(prefix)) >>> 0;
      const text = (name: string, value: string) => ({ name, value: stringValue(value, site.origin) });
      return objectValue(
        [
          text('network', dotted(address)),
          text('netmask', dotted(maskOf(prefix))),
          text('broadcast', dotted(broadcast)),
          text('firstUsable', dotted(address + 1)),
          text('lastUsable', dotted(broadcast - 1)),
          { name: 'cidr', value: numberValue(prefix, site.origin) },
        ],
        site.origin,
      );
    }),
  ),
  cidrSubnet: strictFunction(3, 3, ([network, newPrefix, index], site) =>
    withRange(site, network, ({ address, prefix }) => {
      if (!isInteger(newPrefix) || !isInteger(index)) return invalid(site, 'the new prefix length and the subnet index must be integers');
      if (newPrefix.value < prefix || newPrefix.value > 32) return invalid(site, `the new prefix length must be between ${prefix} and 32`);
      const subnets = 2 ** (newPrefix.value - prefix);
      if (index.value < 0 || index.value >= subnets) return invalid(site, `the subnet index must be between 0 and ${subnets - 1}`);
      return stringValue(`${dotted(address + index.value * 2 ** (32 - newPrefix.value))}/${newPrefix.value}`, site.origin);
    }),
  ),
  cidrHost: strictFunction(2, 2, ([network, index], site) =>
    withRange(site, network, ({ address, prefix }) => {
      if (!isInteger(index)) return invalid(site, 'the host index must be an integer');
      if (prefix >= 31) return unknownValue(`${site.name}: /31 and /32 ranges are not computed`, site.origin, 'string');
      const hosts = 2 ** (32 - prefix) - 2;
      if (index.value < 0 || index.value >= hosts) return invalid(site, `the host index must be between 0 and ${hosts - 1}`);
      return stringValue(dotted(address + 1 + index.value), site.origin);
    }),
  ),
};
