import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { DeployedResource } from '../model/deployedResource';
import type { Origin, Value } from '../model/value';
import type { Level } from '../rules/finding';
import { liveRuleFindings } from './analyseSnapshot';
import { liveModels, type SubscriptionModel } from './liveModel';
import { redactText } from './redact';
import type { LiveResource, LiveSnapshot } from './snapshot';

/** How a live resource reads as a document: the record as read (secrets already redacted), indented. */
export function recordText(record: LiveResource): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export interface PlacedFinding {
  readonly rule: string;
  readonly level: Level;
  readonly message: string;
  /** Offsets in `recordText(record)`. */
  readonly start: number;
  readonly end: number;
}

/**
 * The findings on one live resource, placed at the property they are about in its text. The
 * engine's live model places every value at the resource ID; here the resources of the
 * resource's subscription get origins inside their own record text and the rules run again, so
 * a finding lands where the rule reported it (the `enabled: false`, the receiver without auth).
 */
export function locateFindings(snapshot: LiveSnapshot, resourceId: string): { text: string; findings: PlacedFinding[] } | undefined {
  const wanted = resourceId.toLowerCase();
  const record = snapshot.resources.find((r) => r.id.toLowerCase() === wanted);
  if (!record) return undefined;
  const text = recordText(record);
  const model = liveModels(snapshot).find((m) => m.resources.some((r) => r.origin.file.toLowerCase() === wanted));
  if (!model) return { text, findings: [] };
  const findings = liveRuleFindings(withTextOrigins(model));
  return {
    text,
    findings: findings
      .filter((f) => f.file.toLowerCase() === wanted)
      .map((f) => ({ rule: f.ruleId, level: f.level, message: redactText(f.message), start: f.span.offset, end: f.span.offset + f.span.length })),
  };
}

/**
 * The subscription's model with each resource's values placed in its record text (`recordText`,
 * the document "Open resource JSON" shows): each value's origin is the resource ID with the span
 * of that value in the text, so a fix intent names the property it changes.
 */
export function withTextOrigins(model: SubscriptionModel): SubscriptionModel {
  const replaced = new Map<DeployedResource, DeployedResource>();
  for (const resource of model.resources) {
    const record = model.recordOf.get(resource);
    replaced.set(resource, record ? placeResource(resource, record) : resource);
  }
  const partial = new Set([...model.partial].map((r) => replaced.get(r) ?? r));
  const deploymentOf = new Map([...model.deploymentOf].map(([r, scope]) => [replaced.get(r) ?? r, scope] as const));
  const recordOf = new Map([...model.recordOf].map(([r, record]) => [replaced.get(r) ?? r, record] as const));
  return { ...model, resources: model.resources.map((r) => replaced.get(r) ?? r), partial, deploymentOf, recordOf };
}

function placeResource(resource: DeployedResource, record: LiveResource): DeployedResource {
  const file = resource.origin.file;
  const root = parseTree(recordText(record));
  if (!root) return resource;
  const at = (path: string[], value: Value | undefined) => (value === undefined ? undefined : place(value, findNodeAtLocation(root, path), file));
  const nameNode = findNodeAtLocation(root, ['name']) ?? root;
  return {
    ...resource,
    name: place(resource.name, nameNode, file),
    location: at(['location'], resource.location),
    tags: at(['tags'], resource.tags),
    identity: at(['identity'], resource.identity),
    sku: at(['sku'], resource.sku),
    kind: at(['kind'], resource.kind),
    properties: at(['properties'], resource.properties),
    body: place(resource.body, root, file),
    // The declaration is the whole record; an absence (no diagnostic setting, no lock) is reported at its name.
    origin: { ...originOf(root, file), head: originOf(nameNode, file).span },
  };
}

function originOf(node: Node, file: string): Origin {
  return { file, span: { offset: node.offset, length: node.length } };
}

/** The same value with its origin, and its parts' origins, at the JSON node it was read from. */
function place(value: Value, node: Node | undefined, file: string): Value {
  if (!node) return value;
  // An object or array is named by its key, where a finding about the whole of it sits.
  const key = node.parent?.type === 'property' && (node.type === 'object' || node.type === 'array') ? node.parent.children?.[0] : undefined;
  const origin = key ? { ...originOf(node, file), head: originOf(key, file).span } : originOf(node, file);
  if (value.kind === 'object' && node.type === 'object') {
    const members = new Map((node.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1]]));
    return { ...value, origin, properties: value.properties.map((p) => ({ name: p.name, value: place(p.value, members.get(p.name), file) })) };
  }
  if (value.kind === 'array' && node.type === 'array') {
    return { ...value, origin, items: value.items.map((item, i) => place(item, node.children?.[i], file)) };
  }
  return { ...value, origin };
}
