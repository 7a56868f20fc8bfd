import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { policySchema } from '../../syntax/policy/policySchema';
import { entryOf, toPlainData, type PathSegment, type PolicyNode } from '../../syntax/policy/policyTree';
import type { Span } from '../../syntax/span';
import { closestName } from './didYouMean';

/** One schema error, placed on the key or value it is about and worded for a person. */
export interface SchemaProblem {
  readonly span: Span;
  readonly message: string;
  /** The did-you-mean to write at `span` (a misspelt key or enum value). */
  readonly suggestion?: string;
}

let compiled: ValidateFunction | undefined;

/** Compiled on first use and kept: compiling costs milliseconds, validating microseconds. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strictSchema: true, strictNumbers: true, strictTypes: false, strictRequired: false });
    addFormats(ajv, ['email']);
    compiled = ajv.compile(policySchema as object);
  }
  return compiled;
}

export function validatePolicyTree(root: PolicyNode): SchemaProblem[] {
  const validate = validator();
  if (validate(toPlainData(root))) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = problemOf(root, error);
    if (!problem) continue;
    const key = `${problem.span.offset}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.sort((a, b) => a.span.offset - b.span.offset);
}

interface Located {
  readonly path: readonly PathSegment[];
  readonly node: PolicyNode;
  /** The key that holds the node, when its parent is a mapping. */
  readonly keySpan?: Span;
}

function problemOf(root: PolicyNode, error: ErrorObject): SchemaProblem | undefined {
  // `if` only says which `then` applied; the `then` errors carry the content.
  if (error.keyword === 'if') return undefined;
  const at = locate(root, error.instancePath);
  if (!at) return undefined;
  const field = fieldName(at.path);
  const place = placeName(root, at.path);
  const valueSpan: Span = at.node;
  const keyOrValue: Span = at.keySpan ?? anchorOf(at.node);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { span: keyOrValue, message: `missing required field \`${missing}\` in ${place}${requiredHint(missing)}` };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const entry = entryOf(at.node, unknown);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closestName(unknown, known);
      const hint = guess ? ` (did you mean \`${guess}\`?)` : known.length > 0 ? ` (expected one of ${known.map((k) => `\`${k}\``).join(', ')})` : '';
      return { span: entry?.keySpan ?? keyOrValue, message: `unknown field \`${unknown}\` in ${place}${hint}`, ...(guess && entry?.keySpan ? { suggestion: guess } : {}) };
    }
    case 'false schema': {
      const owner = fieldOwners[field];
      const source = sourceOf(root, at.path);
      const message = owner ? `\`${field}\` applies only to discovery source ${owner}${source ? `, not to ${source}` : ''}` : `\`${field}\` is not allowed here`;
      return { span: keyOrValue, message };
    }
    case 'type':
      if (error.schemaPath.includes('/$defs/days/')) return { span: valueSpan, message: `${subject(field, at)} must be a number of days written as text, such as P60D` };
      if (error.schemaPath.includes('/$defs/duration/')) return { span: valueSpan, message: `${subject(field, at)} must be an ISO 8601 duration written as text, such as PT15M` };
      return { span: valueSpan, message: `${subject(field, at)} must be ${typeWords(String(params.type))}${isEmpty(at.node) ? ', not empty' : ''}` };
    case 'const':
      return { span: valueSpan, message: `${subject(field, at)} must be \`${String(params.allowedValue)}\`` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === 'string' ? closestName(error.data, allowed) : undefined;
      return { span: valueSpan, message: `${subject(field, at)} must be one of ${allowed.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`, ...(guess ? { suggestion: guess } : {}) };
    }
    case 'pattern':
      return { span: valueSpan, message: patternMessage(error.schemaPath, field, subject(field, at), error.data) };
    case 'format':
      return { span: valueSpan, message: `${subject(field, at)} must be an e-mail address such as privacy-office@contoso.com` };
    case 'minLength':
      return { span: valueSpan, message: `${subject(field, at)} must not be empty` };
    case 'maxLength':
      return { span: valueSpan, message: `${subject(field, at)} must be at most ${String(params.limit)} characters long` };
    case 'minimum':
      return { span: valueSpan, message: `${subject(field, at)} must be at least ${String(params.limit)}` };
    case 'maximum':
      return { span: valueSpan, message: `${subject(field, at)} must be at most ${String(params.limit)}${field === 'retentionDays' ? ' (Log Analytics keeps data at most 12 years)' : ''}` };
    case 'minItems':
      return { span: keyOrValue, message: `${subject(field, at)} must list at least one entry` };
    case 'uniqueItems':
      return { span: valueSpan, message: `${subject(field, at)} lists the same value twice; keep one` };
    case 'minProperties':
    case 'maxProperties':
      return { span: anchorOf(at.node), message: `${place} must name exactly one of \`entraGroup\`, \`armRole\` or \`email\`${error.keyword === 'maxProperties' ? '; write each on its own list item' : ''}` };
    default:
      return { span: valueSpan, message: `${subject(field, at)} is not valid here` };
  }
}

function requiredHint(missing: string): string {
  return missing === 'coveredEntity' ? ': a business associate must notify the covered entity (45 CFR 164.410)' : '';
}

const fieldOwners: Record<string, string> = { states: 'azurePolicy', minimumSeverity: 'defenderForCloud', categories: 'activityLog', name: 'logQuery' };

function patternMessage(schemaPath: string, field: string, subjectText: string, data: unknown): string {
  const value = typeof data === 'string' ? data : '';
  if (schemaPath.includes('/$defs/duration/')) {
    if (/[YMW]/.test(datepart(value))) return `${subjectText} must be an ISO 8601 duration in days, hours and minutes such as PT15M (months, years and weeks are not allowed)`;
    return `${subjectText} must be an ISO 8601 duration such as PT15M`;
  }
  if (schemaPath.includes('/$defs/days/')) {
    if (/[YM]/.test(datepart(value))) {
      return `${subjectText} must be a number of days such as P60D: months and years (P2M, P1Y) have no fixed length in days`;
    }
    if (/^P\d+W$/.test(value)) return `${subjectText} must be a number of days such as P60D: write ${value} as P${Number(value.slice(1, -1)) * 7}D`;
    if (/T/.test(value)) return `${subjectText} must be a whole number of days such as P60D, not hours or minutes`;
    return `${subjectText} must be an ISO 8601 number of days such as P60D`;
  }
  if (field === 'entraGroup') return `${subjectText} must be a Microsoft Entra group object ID, a GUID such as 7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f`;
  if (field === 'name') return `${subjectText} may hold only lower-case letters, digits and hyphens, such as contoso-breach-notification`;
  if (field === 'workspace') return `${subjectText} must be a Log Analytics workspace name: 4 to 63 letters, digits and hyphens, starting and ending with a letter or digit`;
  return `${subjectText} is not written in the expected form`;
}

/** The part of a duration before `T`, where M means months. */
function datepart(duration: string): string {
  return duration.replace(/T.*$/, '');
}

function typeWords(type: string): string {
  const words: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', object: 'a mapping of fields', array: 'a list', boolean: 'true or false' };
  return type.split(',').map((t) => words[t] ?? t).join(' or ');
}

function isEmpty(node: PolicyNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

function subject(field: string, at: Located): string {
  const last = at.path[at.path.length - 1];
  if (typeof last === 'number') return `item ${last + 1} of \`${field}\``;
  return field ? `\`${field}\`` : 'the policy';
}

/** The last key on the path (for a list item, the key of its list). */
function fieldName(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

/** Where a mapping sits, in the words of the format: "escalation tier 2", "recipient 1 of escalation tier 1". */
function placeName(root: PolicyNode, path: readonly PathSegment[]): string {
  const [first, second, third, fourth, fifth] = path;
  if (path.length === 0) return 'the policy';
  if (first === 'metadata') return 'metadata';
  if (first !== 'spec') return `\`${String(path[path.length - 1])}\``;
  if (path.length === 1) return 'spec';
  if (second === 'escalation' && typeof third === 'number') {
    const tier = tierNumber(root, third);
    if (fourth === 'recipients' && typeof fifth === 'number') return `recipient ${fifth + 1} of escalation tier ${tier}`;
    return `escalation tier ${tier}`;
  }
  if (second === 'discovery' && typeof third === 'number') return `discovery source ${third + 1}`;
  return String(path[path.length - 1]);
}

function tierNumber(root: PolicyNode, index: number): number {
  const tiers = entryOf(entryOf(root, 'spec')?.value, 'escalation')?.value;
  const item = tiers?.kind === 'list' ? tiers.items[index] : undefined;
  const tier = entryOf(item, 'tier')?.value;
  return tier?.kind === 'scalar' && typeof tier.value === 'number' && Number.isInteger(tier.value) && tier.value > 0 ? tier.value : index + 1;
}

function sourceOf(root: PolicyNode, path: readonly PathSegment[]): string | undefined {
  if (path[0] !== 'spec' || path[1] !== 'discovery' || typeof path[2] !== 'number') return undefined;
  const list = entryOf(entryOf(root, 'spec')?.value, 'discovery')?.value;
  const source = entryOf(list?.kind === 'list' ? list.items[path[2]] : undefined, 'source')?.value;
  return source?.kind === 'scalar' && typeof source.value === 'string' ? source.value : undefined;
}

/** A mapping without a key of its own (the root, a list item) is pointed at by its first key. */
function anchorOf(node: PolicyNode): Span {
  if (node.kind === 'map' && node.entries.length > 0) return node.entries[0].keySpan;
  return { offset: node.offset, length: Math.min(node.length, 1) };
}

/** Follows an ajv instance path (a JSON pointer) through the tree. */
function locate(root: PolicyNode, pointer: string): Located | undefined {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: PolicyNode = root;
  let keySpan: Span | undefined;
  const path: PathSegment[] = [];
  for (const part of parts) {
    if (node.kind === 'list') {
      const item = node.items[Number(part)];
      if (!item) return undefined;
      node = item;
      keySpan = undefined;
      path.push(Number(part));
    } else {
      const entry = entryOf(node, part);
      if (!entry) return undefined;
      node = entry.value;
      keySpan = entry.keySpan;
      path.push(part);
    }
  }
  return { path, node, ...(keySpan ? { keySpan } : {}) };
}
