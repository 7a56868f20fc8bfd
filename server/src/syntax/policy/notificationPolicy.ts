import type { Span } from '../span';
import { entryOf, type PolicyEntry, type PolicyNode } from './policyTree';
import type { PolicySyntax } from './readPolicyTree';

/** A value as written: where it is, and where its key is. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
  readonly keySpan: Span;
}

export type EntityRole = 'coveredEntity' | 'businessAssociate';
export type DiscoverySourceKind = 'azurePolicy' | 'defenderForCloud' | 'activityLog' | 'logQuery';
export type DeadlineAudience = 'individuals' | 'media' | 'hhs' | 'coveredEntity';

export interface DiscoverySource {
  /** 0-based position in `discovery`. */
  readonly index: number;
  readonly span: Span;
  readonly source?: Located<string>;
  readonly states: readonly Located<string>[];
  readonly minimumSeverity?: Located<string>;
  readonly categories: readonly Located<string>[];
  /** The scheduled query rule's name (source logQuery). */
  readonly name?: Located<string>;
}

export interface Recipient {
  readonly kind: 'entraGroup' | 'armRole' | 'email';
  readonly value: string;
  readonly span: Span;
  readonly keySpan: Span;
  /** The whole list item. */
  readonly itemSpan: Span;
}

export interface EscalationTier {
  /** 0-based position in `escalation`. */
  readonly index: number;
  readonly span: Span;
  readonly tier?: Located<number>;
  readonly within?: Located<string>;
  /** Name of a Microsoft.Insights/actionGroups resource in the workspace templates (HN504). */
  readonly actionGroup?: Located<string>;
  readonly recipients: readonly Recipient[];
}

export interface Deadline {
  readonly audience: DeadlineAudience;
  readonly duration: Located<string>;
}

/**
 * The typed view of a policy file that rules read. It is built from whatever is well typed,
 * also when the file breaks the schema (HN500 reports that), so rules see every value they can.
 */
export interface NotificationPolicy {
  readonly file: string;
  readonly syntax: PolicySyntax;
  readonly root: PolicyNode;
  readonly name?: Located<string>;
  readonly role?: Located<EntityRole>;
  readonly timeZone?: Located<string>;
  readonly discovery: readonly DiscoverySource[];
  readonly escalation: readonly EscalationTier[];
  readonly deadlines: readonly Deadline[];
  readonly auditTrail: {
    readonly span?: Span;
    /** Name of a Microsoft.OperationalInsights/workspaces resource in the workspace templates. */
    readonly workspace?: Located<string>;
    readonly retentionDays?: Located<number>;
  };
}

/** Where the first discovery entry of a source kind is written (its `source` value), for findings about that source. */
export function discoverySourceSpan(policy: NotificationPolicy | undefined, kind: DiscoverySourceKind): Span | undefined {
  const entry = policy?.discovery.find((source) => source.source?.value === kind);
  return entry ? (entry.source?.span ?? entry.span) : undefined;
}

/** Tiers in escalation order: by their `tier` number when every tier has one, else as listed. */
export function tiersInOrder(tiers: readonly EscalationTier[]): EscalationTier[] {
  const list = [...tiers];
  if (list.every((t) => t.tier !== undefined)) list.sort((a, b) => a.tier!.value - b.tier!.value || a.index - b.index);
  return list;
}

/** The tier that discovery sources must reach (HN505): the first in escalation order. */
export function firstTier(policy: NotificationPolicy): EscalationTier | undefined {
  return tiersInOrder(policy.escalation)[0];
}

export function notificationPolicyOf(file: string, syntax: PolicySyntax, root: PolicyNode): NotificationPolicy {
  const spec = entryOf(root, 'spec')?.value;
  const entity = entryOf(spec, 'entity')?.value;
  const auditTrail = entryOf(spec, 'auditTrail');
  const role = located(entryOf(entity, 'role'), isString);
  const name = located(entryOf(entryOf(root, 'metadata')?.value, 'name'), isString);
  const timeZone = located(entryOf(entity, 'timeZone'), isString);
  const workspace = located(entryOf(auditTrail?.value, 'workspace'), isString);
  const retentionDays = located(entryOf(auditTrail?.value, 'retentionDays'), isNumber);
  return {
    file,
    syntax,
    root,
    ...(name ? { name } : {}),
    ...(role && (role.value === 'coveredEntity' || role.value === 'businessAssociate') ? { role: role as Located<EntityRole> } : {}),
    ...(timeZone ? { timeZone } : {}),
    discovery: listItems(entryOf(spec, 'discovery')).map(discoverySource),
    escalation: listItems(entryOf(spec, 'escalation')).map(escalationTier),
    deadlines: deadlinesOf(entryOf(spec, 'deadlines')?.value),
    auditTrail: {
      ...(auditTrail ? { span: auditTrail.span } : {}),
      ...(workspace ? { workspace } : {}),
      ...(retentionDays ? { retentionDays } : {}),
    },
  };
}

function discoverySource(node: PolicyNode, index: number): DiscoverySource {
  const source = located(entryOf(node, 'source'), isString);
  const minimumSeverity = located(entryOf(node, 'minimumSeverity'), isString);
  const name = located(entryOf(node, 'name'), isString);
  return {
    index,
    span: spanOf(node),
    ...(source ? { source } : {}),
    states: stringItems(entryOf(node, 'states')),
    ...(minimumSeverity ? { minimumSeverity } : {}),
    categories: stringItems(entryOf(node, 'categories')),
    ...(name ? { name } : {}),
  };
}

function escalationTier(node: PolicyNode, index: number): EscalationTier {
  const tier = located(entryOf(node, 'tier'), isNumber);
  const within = located(entryOf(node, 'within'), isString);
  const actionGroup = located(entryOf(node, 'actionGroup'), isString);
  const recipients: Recipient[] = [];
  for (const item of listItems(entryOf(node, 'recipients'))) {
    if (item.kind !== 'map') continue;
    for (const entry of item.entries) {
      if ((entry.key === 'entraGroup' || entry.key === 'armRole' || entry.key === 'email') && entry.value.kind === 'scalar' && typeof entry.value.value === 'string') {
        recipients.push({ kind: entry.key, value: entry.value.value, span: spanOf(entry.value), keySpan: entry.keySpan, itemSpan: spanOf(item) });
      }
    }
  }
  return {
    index,
    span: spanOf(node),
    ...(tier ? { tier } : {}),
    ...(within ? { within } : {}),
    ...(actionGroup ? { actionGroup } : {}),
    recipients,
  };
}

const audiences: readonly DeadlineAudience[] = ['individuals', 'media', 'hhs', 'coveredEntity'];

function deadlinesOf(node: PolicyNode | undefined): Deadline[] {
  const result: Deadline[] = [];
  for (const audience of audiences) {
    const duration = located(entryOf(node, audience), isString);
    if (duration) result.push({ audience, duration });
  }
  return result;
}

function listItems(entry: PolicyEntry | undefined): readonly PolicyNode[] {
  return entry?.value.kind === 'list' ? entry.value.items : [];
}

function stringItems(entry: PolicyEntry | undefined): Located<string>[] {
  if (!entry) return [];
  return listItems(entry).flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [{ value: item.value, span: spanOf(item), keySpan: entry.keySpan }] : []));
}

function located<T>(entry: PolicyEntry | undefined, accept: (value: unknown) => value is T): Located<T> | undefined {
  if (!entry || entry.value.kind !== 'scalar' || !accept(entry.value.value)) return undefined;
  return { value: entry.value.value, span: spanOf(entry.value), keySpan: entry.keySpan };
}

function spanOf(span: Span): Span {
  return { offset: span.offset, length: span.length };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
