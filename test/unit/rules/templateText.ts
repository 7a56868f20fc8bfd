/**
 * Writes one resource as Bicep and as ARM JSON from a single description, so a table test can
 * state each case once per syntax without two hand-kept copies drifting apart.
 */

/** An expression: Bicep text and the ARM expression (without brackets). */
export class Expression {
  constructor(
    readonly bicep: string,
    readonly arm: string,
  ) {}
}

export const expression = (bicep: string, arm: string) => new Expression(bicep, arm);

export type Described = string | number | boolean | null | Expression | readonly Described[] | { readonly [key: string]: Described };

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function bicepText(value: Described, indent = ''): string {
  if (value instanceof Expression) return value.bicep;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((item) => `${inner}${bicepText(item, inner)}`).join('\n')}\n${indent}]`;
  const entries = Object.entries(value as { readonly [key: string]: Described });
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${identifier.test(key) ? key : bicepText(key)}: ${bicepText(item, inner)}`).join('\n')}\n${indent}}`;
}

export function armText(value: Described, indent = ''): string {
  if (value instanceof Expression) return JSON.stringify(`[${value.arm}]`);
  if (typeof value === 'string') return JSON.stringify(value.startsWith('[') ? `[${value}` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((item) => `${inner}${armText(item, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as { readonly [key: string]: Described });
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${armText(item, inner)}`).join(',\n')}\n${indent}}`;
}

export interface ResourceText {
  readonly symbol: string;
  /** `Microsoft.Logic/workflows@2019-05-01` */
  readonly type: string;
  /** Everything but type and apiVersion: name, location, tags, properties, ... */
  readonly body: { readonly [key: string]: Described };
}

/** A Bicep `resource` declaration. */
export function bicepResource({ symbol, type, body }: ResourceText, options: { condition?: string; loop?: string; existing?: boolean } = {}): string {
  const head = `resource ${symbol} '${type}'${options.existing ? ' existing' : ''} = `;
  const object = bicepText(body);
  if (options.loop) return `${head}[for ${options.loop}: ${options.condition ? `if (${options.condition}) ` : ''}${object}]\n`;
  return `${head}${options.condition ? `if (${options.condition}) ` : ''}${object}\n`;
}

/** An ARM resource, as an item of `resources` (indented 4). */
export function armResource({ type, body }: ResourceText, extra: { readonly [key: string]: Described } = {}): string {
  const [fullType, apiVersion] = type.split('@');
  return `    ${armText({ type: fullType, apiVersion, ...extra, ...body }, '    ')}`;
}
