/** JSON data written as Bicep: objects and arrays one entry a line, strings single-quoted. */
export function bicepLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof BicepExpression) return value.text;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${bicepLiteral(item, inner)}`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${bicepKey(key)}: ${bicepLiteral(item, inner)}`).join('\n')}\n${indent}}`;
}

/** An expression written as is (a symbol's `.id`, `subscription().id`). */
export class BicepExpression {
  constructor(readonly text: string) {}
}

export const expression = (text: string) => new BicepExpression(text);

export function bicepString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function bicepKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : bicepString(key);
}

/** A Bicep identifier from a resource name: `ag-claims-oncall` becomes `agClaimsOncall`. */
export function symbolFor(name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let symbol = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'resource';
  if (!/^[A-Za-z_]/.test(symbol)) symbol = `r${symbol}`;
  let candidate = symbol;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${symbol}${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
