import type { DeployedResource } from './deployedResource';
import { hipaaTag, notificationComponents } from './notificationComponents';
import { isDeployed, knownString, pointsAt, referencedResource, resourcesAt, resourcesNamed, sameType } from './resourceReference';
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

const nsgType = 'Microsoft.Network/networkSecurityGroups';
const subnetType = 'Microsoft.Network/virtualNetworks/subnets';

/** Whether an NSG ID value names this NSG; 'maybe' when a name on either side is not known. */
function namesNsg(id: Value | undefined, nsg: DeployedResource): boolean | 'maybe' {
  if (!id || id.kind === 'null') return false;
  if (pointsAt(id, nsg)) return true;
  const named = referencedResource(id);
  if (named) return sameType(named.type, nsgType) && nsg.name.kind !== 'string' ? 'maybe' : false;
  if (id.kind !== 'unknown' || (id.resource && !sameType(id.resource.type, nsgType))) return false;
  return 'maybe';
}

const either = (a: boolean | 'maybe', b: boolean | 'maybe'): boolean | 'maybe' => (a === true || b === true ? true : a === 'maybe' || b === 'maybe' ? 'maybe' : false);

/** The NSG ID of the subnet a subnet ID names, from inline `subnets` or a child subnet resource; 'unknown' when the subnet cannot be found or read. */
function nsgOfSubnet(subnetId: Value | undefined, resources: readonly DeployedResource[]): Value | 'unknown' | undefined {
  if (!subnetId || subnetId.kind === 'null') return undefined;
  const named = referencedResource(subnetId);
  const children = resourcesAt(resources, subnetId).filter(isDeployed);
  if (children.length > 0) return children[0].properties ? (valueAt(children[0].properties, ['networkSecurityGroup', 'id']) ?? undefined) : 'unknown';
  if (!named || !sameType(named.type, subnetType)) return 'unknown';
  const [vnetName, subnetName] = named.name.split('/');
  for (const vnet of resourcesNamed(resources, { type: 'Microsoft.Network/virtualNetworks', name: vnetName })) {
    const subnets = vnet.properties ? valueAt(vnet.properties, ['subnets']) : undefined;
    if (subnets?.kind !== 'array') return 'unknown';
    for (const subnet of subnets.items) {
      const name = valueAt(subnet, ['name']);
      if (name?.kind === 'unknown') return 'unknown';
      if (knownString(name)?.toLowerCase() !== subnetName?.toLowerCase()) continue;
      const properties = valueAt(subnet, ['properties']);
      return properties ? (valueAt(properties, ['networkSecurityGroup', 'id']) ?? undefined) : undefined;
    }
  }
  return 'unknown';
}

/** Whether the NSG applies to a subnet (given by ID): 'maybe' when that cannot be known. */
function guardsSubnet(subnetId: Value | undefined, nsg: DeployedResource, resources: readonly DeployedResource[]): boolean | 'maybe' {
  const nsgId = nsgOfSubnet(subnetId, resources);
  if (nsgId === 'unknown') return 'maybe';
  return namesNsg(nsgId, nsg);
}

/** The subnets a VNet-integrated app uses: `virtualNetworkSubnetId` and `networkConfig` children's `subnetResourceId`. */
function appSubnets(site: DeployedResource, resources: readonly DeployedResource[]): Value[] {
  const subnets: Value[] = [];
  const direct = site.properties ? valueAt(site.properties, ['virtualNetworkSubnetId']) : undefined;
  if (direct) subnets.push(direct);
  if (site.name.kind !== 'string') return subnets;
  const prefix = `${site.name.value.toLowerCase()}/`;
  for (const config of resources) {
    if (!sameType(config.type, 'Microsoft.Web/sites/networkConfig') || !isDeployed(config) || config.name.kind !== 'string' || !config.name.value.toLowerCase().startsWith(prefix)) continue;
    const id = config.properties ? valueAt(config.properties, ['subnetResourceId']) : undefined;
    if (id) subnets.push(id);
  }
  return subnets;
}

/** A NIC's own NSG and the NSGs of the subnets its IP configurations use. */
function guardsNic(nic: DeployedResource, nsg: DeployedResource, resources: readonly DeployedResource[]): boolean | 'maybe' {
  if (!nic.properties || nic.properties.kind !== 'object') return 'maybe';
  let result = namesNsg(valueAt(nic.properties, ['networkSecurityGroup', 'id']), nsg);
  const configurations = valueAt(nic.properties, ['ipConfigurations']);
  if (configurations?.kind === 'unknown') return either(result, 'maybe');
  for (const configuration of configurations?.kind === 'array' ? configurations.items : []) result = either(result, guardsSubnet(valueAt(configuration, ['properties', 'subnet', 'id']), nsg, resources));
  return result;
}

/**
 * Whether the NSG applies to where a notification component runs (shared/RULES.md HN401): a
 * subnet a VNet-integrated notifier app uses, or a NIC (or a VM's NIC) tagged as notification.
 * 'maybe' when a link on the way cannot be known; an NSG with no known notifier behind it is
 * not judged.
 */
export function guardsNotifier(nsg: DeployedResource, resources: readonly DeployedResource[]): boolean | 'maybe' {
  let result: boolean | 'maybe' = false;
  for (const component of notificationComponents(resources)) {
    if (!sameType(component.type, 'Microsoft.Web/sites')) continue;
    for (const subnet of appSubnets(component, resources)) result = either(result, guardsSubnet(subnet, nsg, resources));
  }
  for (const resource of resources) {
    if (!isDeployed(resource) || hipaaTag(resource) !== 'notification') continue;
    if (sameType(resource.type, 'Microsoft.Network/networkInterfaces')) result = either(result, guardsNic(resource, nsg, resources));
    else if (sameType(resource.type, 'Microsoft.Compute/virtualMachines')) {
      const nics = resource.properties ? valueAt(resource.properties, ['networkProfile', 'networkInterfaces']) : undefined;
      if (nics?.kind !== 'array') result = either(result, 'maybe');
      for (const reference of nics?.kind === 'array' ? nics.items : []) {
        const found = resourcesAt(resources, valueAt(reference, ['id'])).filter(isDeployed);
        result = either(result, found.length === 0 ? 'maybe' : found.reduce<boolean | 'maybe'>((r, nic) => either(r, guardsNic(nic, nsg, resources)), false));
      }
    }
    if (result === true) return true;
  }
  return result;
}
