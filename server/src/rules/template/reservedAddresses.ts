/**
 * Addresses under domains reserved for documentation and testing (RFC 2606, RFC 6761):
 * `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`, `*.localhost`. They are
 * placeholders that reach nobody, so they are not someone's hard-coded address.
 */
export function isReservedAddress(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/, '');
  return /(^|\.)example\.(com|net|org)$/.test(domain) || /(^|\.)(example|test|invalid|localhost)$/.test(domain);
}
