import { policySyntaxOf } from '../syntax/policy/readPolicyTree';
import type { PathSegment } from '../syntax/policy/policyTree';
import type { Span } from '../syntax/span';
import { citationOf } from './fieldCitations';
import { jsonCursorPlace, yamlCursorPlace, type CursorPlace } from './cursorPath';
import { describeKind, resolved, schemaAtPath, type SchemaField } from './schemaAtPath';

export interface PolicyCompletionContext {
  /** Names of the Microsoft.Insights/actionGroups resources in the workspace templates. */
  readonly actionGroupNames: readonly string[];
  /** Names of the Microsoft.OperationalInsights/workspaces resources in the workspace templates. */
  readonly workspaceNames: readonly string[];
}

export interface PolicyCompletion {
  readonly label: string;
  readonly kind: 'key' | 'value';
  readonly detail: string;
  /** Markdown. */
  readonly documentation: string;
  readonly insertText: string;
  /** The text the insert replaces (the partly typed word). */
  readonly replace: Span;
}

/**
 * Completions at `offset` of a policy file: the keys the schema allows in the mapping at the
 * cursor (minus those already written), or the values of the field at the cursor: enum
 * values, examples, and for `actionGroup` and `workspace` the names the templates define.
 * `fileName` decides YAML or JSON (default YAML).
 */
export function completePolicy(text: string, offset: number, context: PolicyCompletionContext, fileName = 'policy.hipaa-notify.yaml'): PolicyCompletion[] {
  const json = policySyntaxOf(fileName) === 'json';
  const place = json ? jsonCursorPlace(text, offset) : yamlCursorPlace(text, offset);
  if (!place) return [];
  if (place.on === 'key') {
    const mapping = schemaAtPath(place.path);
    if (mapping?.type === 'object' || mapping?.properties) return keyCompletions(mapping, place, json);
    if (place.listItem && mapping) return valueCompletions(mapping, place.path, place, context, json);
    return [];
  }
  const field = schemaAtPath(place.path);
  return field ? valueCompletions(field, place.path, place, context, json) : [];
}

function keyCompletions(mapping: SchemaField, place: CursorPlace, json: boolean): PolicyCompletion[] {
  const required = new Set(mapping.required ?? []);
  return Object.entries(mapping.properties ?? {})
    .filter(([key]) => !place.siblings.has(key) && key !== '$schema' && !excludedBySiblings(mapping, place).has(key))
    .map(([key, raw]) => {
      const field = resolved(raw) ?? raw;
      return {
        label: key,
        kind: 'key' as const,
        detail: `${describeKind(field)}${required.has(key) ? ' (required)' : ''}`,
        documentation: documentationOf(field, [...place.path, key]),
        insertText: json ? jsonKeyInsert(key, place) : yamlKeyInsert(key, field, place.indent),
        replace: place.replace,
      };
    })
    .sort((a, b) => Number(b.detail.endsWith('(required)')) - Number(a.detail.endsWith('(required)')) || a.label.localeCompare(b.label));
}

/**
 * Fields an `allOf` branch forbids (`false`) given the values already written, such as
 * `states` once a discovery source says `source: logQuery`.
 */
function excludedBySiblings(mapping: SchemaField, place: CursorPlace): Set<string> {
  const excluded = new Set<string>();
  for (const branch of mapping.allOf ?? []) {
    const conditions = Object.entries(branch.if?.properties ?? {});
    const applies = conditions.length > 0 && conditions.every(([key, condition]) => condition.const !== undefined && place.siblings.get(key) === condition.const);
    if (!applies) continue;
    for (const [key, rule] of Object.entries(branch.then?.properties ?? {})) if ((rule as unknown) === false) excluded.add(key);
  }
  return excluded;
}

function yamlKeyInsert(key: string, field: SchemaField, indent: string): string {
  const inner = indent.replace(/-/g, ' ') + '  ';
  if (field.type === 'object') return `${key}:\n${inner}`;
  if (field.type === 'array') return `${key}:\n${inner}- `;
  return `${key}: `;
}

function jsonKeyInsert(key: string, place: CursorPlace): string {
  return place.inString ? key : `"${key}": `;
}

function valueCompletions(field: SchemaField, path: readonly PathSegment[], place: CursorPlace, context: PolicyCompletionContext, json: boolean): PolicyCompletion[] {
  const target = field.type === 'array' && field.items ? resolved(field.items) ?? field : field;
  const values = new Map<string, string>();
  const key = [...path].reverse().find((segment) => typeof segment === 'string');
  if (key === 'actionGroup') for (const name of context.actionGroupNames) values.set(name, 'action group in the workspace templates');
  if (key === 'workspace') for (const name of context.workspaceNames) values.set(name, 'Log Analytics workspace in the workspace templates');
  if (target.const !== undefined) values.set(target.const, describeKind(target));
  for (const value of target.enum ?? []) values.set(value, describeKind(target));
  if (key === 'timeZone') for (const zone of Intl.supportedValuesOf('timeZone')) values.set(zone, 'IANA time zone');
  if (values.size === 0) for (const example of target.examples ?? []) if (typeof example === 'string' || typeof example === 'number') values.set(String(example), `example: ${describeKind(target)}`);
  const documentation = documentationOf(target, path);
  return [...values].map(([value, detail]) => ({
    label: value,
    kind: 'value' as const,
    detail,
    documentation,
    insertText: json && !place.inString && typeof value === 'string' && target.type !== 'integer' ? JSON.stringify(value) : value,
    replace: place.replace,
  }));
}

export function documentationOf(field: SchemaField, path: readonly PathSegment[]): string {
  const citation = citationOf(path);
  const parts = [field.description ?? ''];
  if (citation) parts.push(`*${citation.cfr}*${citation.rule ? ` · ${citation.rule}` : ''}`);
  return parts.filter((p) => p.length > 0).join('\n\n');
}
