import { policySchema } from '../syntax/policy/policySchema';
import type { PathSegment } from '../syntax/policy/policyTree';

/** The parts of a JSON Schema node that completion and hover read. */
export interface SchemaField {
  readonly type?: string;
  readonly description?: string;
  readonly examples?: readonly unknown[];
  readonly enum?: readonly string[];
  readonly const?: string;
  readonly pattern?: string;
  readonly properties?: Readonly<Record<string, SchemaField>>;
  readonly required?: readonly string[];
  readonly items?: SchemaField;
  readonly $ref?: string;
  readonly allOf?: readonly { readonly if?: SchemaField; readonly then?: SchemaField }[];
}

const root = policySchema as unknown as SchemaField & { $defs: Record<string, SchemaField> };

/** Follows `$ref` into `$defs`; the referring node's own description and examples win. */
export function resolved(field: SchemaField | undefined): SchemaField | undefined {
  if (!field?.$ref) return field;
  const target = root.$defs[field.$ref.replace('#/$defs/', '')];
  return { ...target, ...withoutRef(field) };
}

function withoutRef(field: SchemaField): SchemaField {
  const { $ref: _ref, ...rest } = field;
  return rest;
}

/** The schema of the value at a path of keys and list indexes, or undefined where the schema has no such field. */
export function schemaAtPath(path: readonly PathSegment[]): SchemaField | undefined {
  let field: SchemaField | undefined = root;
  for (const segment of path) {
    field = resolved(field);
    if (!field) return undefined;
    field = typeof segment === 'number' ? field.items : field.properties?.[segment];
  }
  return resolved(field);
}

/** A short description of what a field takes, for completion details. */
export function describeKind(field: SchemaField): string {
  if (field.const !== undefined) return field.const;
  if (field.enum) return field.enum.join(' | ');
  if (field.type === 'array') return 'list';
  if (field.type === 'object') return 'mapping';
  if (field.type === 'integer') return 'whole number';
  if (field.pattern?.startsWith('^P[0-9]+D')) return 'days (ISO 8601, e.g. P60D)';
  if (field.pattern?.startsWith('^P(?!$)')) return 'ISO 8601 duration (e.g. PT15M)';
  if (field.pattern?.includes('[0-9a-fA-F]{8}')) return 'GUID';
  return 'text';
}
