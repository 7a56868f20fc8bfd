import type { DeployedResource } from './deployedResource';
import { isDeployed, knownString, pointsAt, referencedResource, sameType } from './resourceReference';
import { valueAt, type Origin, type Value } from './value';

/** One security rule of an NSG, with port and address sets ready to compare. */
export interface SecurityRule {
  readonly name: string;
  /** Where the rule is written. */
  readonly at: Value | Origin;
  readonly priority: number;
  readonly outbound: boolean;
  readonly deny: boolean;
  /** Protocol `Tcp` or `*`. */
  readonly tcp: boolean;
  readonly ports: readonly (readonly [number, number])[];
  /** Destination prefixes as written. */
  readonly destinations: readonly string[];
}

/** The ports and destinations notifications use (mail submission, SMTP relay, HTTPS webhooks). */
export const notificationPorts = [443, 587, 25];
const notificationTags = ['azuremonitor', 'actiongroup', 'logicapps', 'eventgrid'];
const everything = ['*', '0.0.0.0/0', 'any'];

/** Inline `securityRules` and child `securityRules` resources; 'unknown' when a rule cannot be read. */
export function securityRulesOf(nsg: DeployedResource, resources: readonly DeployedResource[]): SecurityRule[] | 'unknown' {
  const rules: SecurityRule[] = [];
  const properties = nsg.properties;
  if (properties?.kind === 'unknown') return 'unknown';
  const inline = properties ? valueAt(properties, ['securityRules']) : undefined;
  if (inline?.kind === 'unknown') return 'unknown';
  for (const item of inline?.kind === 'array' ? inline.items : []) {
    const rule = readRule(knownString(valueAt(item, ['name'])), item.kind === 'object' ? valueAt(item, ['properties']) : item, item);
    if (rule === 'unknown') return 'unknown';
    if (rule) rules.push(rule);
  }
  const prefix = nsg.name.kind === 'string' ? `${nsg.name.value.toLowerCase()}/` : undefined;
  for (const child of resources) {
    if (!sameType(child.type, 'Microsoft.Network/networkSecurityGroups/securityRules') || !isDeployed(child)) continue;
    if (child.name.kind !== 'string') return 'unknown';
    if (!prefix || !child.name.value.toLowerCase().startsWith(prefix)) continue;
    const rule = readRule(child.name.value.slice(prefix.length), child.properties, child.origin);
    if (rule === 'unknown') return 'unknown';
    if (rule) rules.push(rule);
  }
  return rules;
}

function readRule(name: string | undefined, properties: Value | undefined, at: Value | Origin): SecurityRule | undefined | 'unknown' {
  if (!properties || properties.kind === 'unknown') return 'unknown';
  if (properties.kind !== 'object') return undefined;
  const text = (key: string) => {
    const value = valueAt(properties, [key]);
    return value?.kind === 'unknown' ? 'unknown' : knownString(value)?.toLowerCase();
  };
  const direction = text('direction');
  if (direction === 'unknown') return 'unknown';
  // Inbound rules never decide egress, whatever else about them is unknown.
  if (direction !== 'outbound') return undefined;
  const access = text('access');
  const protocol = text('protocol');
  const priority = valueAt(properties, ['priority']);
  if (access === 'unknown' || protocol === 'unknown' || priority?.kind === 'unknown') return 'unknown';
  const ports = portSet(valueAt(properties, ['destinationPortRange']), valueAt(properties, ['destinationPortRanges']));
  const destinations = prefixes(valueAt(properties, ['destinationAddressPrefix']), valueAt(properties, ['destinationAddressPrefixes']));
  if (ports === 'unknown' || destinations === 'unknown' || priority?.kind !== 'number') return 'unknown';
  return { name: name ?? '(unnamed)', at, priority: priority.value, outbound: true, deny: access === 'deny', tcp: protocol === 'tcp' || protocol === '*', ports, destinations };
}

function stringsOf(single: Value | undefined, list: Value | undefined): string[] | 'unknown' {
  if (single?.kind === 'unknown' || list?.kind === 'unknown') return 'unknown';
  const items = [single, ...(list?.kind === 'array' ? list.items : [])].filter((v): v is Value => v !== undefined && v.kind !== 'null');
  if (items.some((v) => v.kind === 'unknown')) return 'unknown';
  return items.flatMap((v) => (v.kind === 'string' ? [v.value.trim()] : v.kind === 'number' ? [String(v.value)] : [])).filter((s) => s.length > 0);
}

/** `443`, `400-600`, `*` and lists of them, as closed ranges. */
function portSet(single: Value | undefined, list: Value | undefined): Array<readonly [number, number]> | 'unknown' {
  const texts = stringsOf(single, list);
  if (texts === 'unknown') return 'unknown';
  const ranges: Array<readonly [number, number]> = [];
  for (const text of texts) {
    if (text === '*') ranges.push([0, 65535]);
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
    if (range) ranges.push([Number(range[1]), Number(range[2])]);
    else if (/^\d+$/.test(text)) ranges.push([Number(text), Number(text)]);
  }
  return ranges;
}

function prefixes(single: Value | undefined, list: Value | undefined): string[] | 'unknown' {
  const texts = stringsOf(single, list);
  return texts;
}

const coversPort = (rule: SecurityRule, port: number) => rule.ports.some(([lo, hi]) => lo <= port && port <= hi);
const tagOf = (prefix: string) => prefix.split('.')[0].toLowerCase();

/** The notification destination a prefix stands for: `internet`, a service tag, or undefined. */
function notificationDestination(written: string): string | undefined {
  const prefix = written.toLowerCase();
  if (everything.includes(prefix) || prefix === 'internet') return 'Internet';
  return notificationTags.includes(tagOf(prefix)) ? written : undefined;
}

function allowCovers(allow: SecurityRule, written: string): boolean {
  const destination = written.toLowerCase();
  return allow.destinations.some((allowed) => {
    const prefix = allowed.toLowerCase();
    if (everything.includes(prefix) || prefix === 'internet' || prefix === destination) return true;
    // AzureCloud holds every Azure service's addresses, so it covers the service tags (not the Internet).
    if (prefix === 'azurecloud') return destination !== 'internet';
    return notificationTags.includes(prefix) && tagOf(destination) === prefix;
  });
}

export interface BlockedEgress {
  readonly rule: SecurityRule;
  /** `TCP 443 to Internet` style descriptions. */
  readonly pairs: readonly string[];
  readonly ports: readonly number[];
  readonly destinations: readonly string[];
}

/** Deny rules that block a (port, destination) pair notifications need with no earlier Allow for it. */
export function blockedNotificationEgress(rules: readonly SecurityRule[]): BlockedEgress[] {
  const allows = rules.filter((r) => r.outbound && !r.deny && r.tcp);
  const blocked: BlockedEgress[] = [];
  for (const deny of rules) {
    if (!deny.outbound || !deny.deny || !deny.tcp) continue;
    const destinations = [...new Set(deny.destinations.map(notificationDestination).filter((d): d is string => d !== undefined))];
    const pairs: Array<{ port: number; destination: string }> = [];
    for (const port of notificationPorts.filter((p) => coversPort(deny, p))) {
      for (const destination of destinations) {
        if (!allows.some((allow) => allow.priority < deny.priority && coversPort(allow, port) && allowCovers(allow, destination))) pairs.push({ port, destination });
      }
    }
    if (pairs.length === 0) continue;
    blocked.push({ rule: deny, pairs: pairs.map((p) => `TCP ${p.port} to ${p.destination}`), ports: pairs.map((p) => p.port), destinations: pairs.map((p) => p.destination) });
  }
  return blocked;
}

/** Subnets that Azure reserves for its own gateways: nothing in them sends notifications. */
const infrastructureSubnets = ['azurebastionsubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'gatewaysubnet', 'routeserversubnet'];
const nsgType = 'Microsoft.Network/networkSecurityGroups';

/** Whether an NSG ID value names this NSG; 'maybe' when a name on either side is not known. */
function namesNsg(id: Value | undefined, nsg: DeployedResource): boolean | 'maybe' {
  if (!id || id.kind === 'null') return false;
  if (pointsAt(id, nsg)) return true;
  const named = referencedResource(id);
  if (named) return sameType(named.type, nsgType) && nsg.name.kind !== 'string' ? 'maybe' : false;
  if (id.kind !== 'unknown' || (id.resource && !sameType(id.resource.type, nsgType))) return false;
  return 'maybe';
}

/**
 * Whether every user of the NSG in the model is an Azure infrastructure subnet (Bastion,
 * Firewall, gateways), where no workload runs: false when a workload subnet or a NIC uses it
 * or nothing does; 'unknown' when an infrastructure subnet may use it but names it through a
 * value the model cannot compare (a name known only at deployment).
 */
export function guardsOnlyInfrastructure(nsg: DeployedResource, resources: readonly DeployedResource[]): boolean | 'unknown' {
  let infrastructure: boolean | 'unknown' = false;
  let workload = false;
  const check = (subnetName: string | undefined, properties: Value | undefined) => {
    const uses = namesNsg(properties ? valueAt(properties, ['networkSecurityGroup', 'id']) : undefined, nsg);
    if (uses === false) return;
    const isInfrastructure = subnetName !== undefined && infrastructureSubnets.includes(subnetName.toLowerCase());
    if (isInfrastructure) infrastructure = uses === true && infrastructure !== 'unknown' ? true : 'unknown';
    else if (uses === true) workload = true;
  };
  for (const resource of resources) {
    if (!isDeployed(resource)) continue;
    if (sameType(resource.type, 'Microsoft.Network/virtualNetworks') && resource.properties) {
      const subnets = valueAt(resource.properties, ['subnets']);
      for (const subnet of subnets?.kind === 'array' ? subnets.items : []) check(knownString(valueAt(subnet, ['name'])), valueAt(subnet, ['properties']));
    } else if (sameType(resource.type, 'Microsoft.Network/virtualNetworks/subnets') && resource.name.kind === 'string') {
      check(resource.name.value.split('/').pop(), resource.properties);
    } else if (sameType(resource.type, 'Microsoft.Network/networkInterfaces')) {
      check(undefined, resource.properties);
    }
  }
  return workload ? false : infrastructure;
}
