import type { Span } from '../span';

/**
 * The ARM template expression language, as a syntax tree. Every node's offset and length are
 * document offsets (the JSON escapes of the string that holds the expression are mapped away).
 */
export type Expression = StringLiteral | NumberLiteral | Identifier | Call | PropertyAccess | IndexAccess;

export interface StringLiteral extends Span {
  readonly kind: 'string';
  readonly value: string;
}

export interface NumberLiteral extends Span {
  readonly kind: 'number';
  readonly value: number;
}

/** A bare name that is not called, e.g. `true` in `[if(true, 1, 2)]`. */
export interface Identifier extends Span {
  readonly kind: 'identifier';
  readonly name: string;
}

export interface Call extends Span {
  readonly kind: 'call';
  /** `concat`, or `ns.fn` for a user-defined function. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expression[];
}

export interface PropertyAccess extends Span {
  readonly kind: 'property';
  readonly target: Expression;
  readonly name: string;
  readonly nameSpan: Span;
}

export interface IndexAccess extends Span {
  readonly kind: 'index';
  readonly target: Expression;
  readonly index: Expression;
}

/** What a JSON string value is in ARM: a literal (possibly after `[[` unescaping) or an expression. */
export type TemplateString =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly expression: Expression | undefined };

/** ARM treats `[...]` as an expression and `[[...` as a literal that starts with `[`. */
export function isExpressionText(value: string): boolean {
  return value.length >= 2 && value.charCodeAt(0) === 91 /* [ */ && value.charCodeAt(value.length - 1) === 93 /* ] */ && value.charCodeAt(1) !== 91;
}

/** The literal a non-expression string stands for: `[[x]` means `[x]` (only strings that end in `]` are escaped). */
export function literalText(value: string): string {
  return value.length >= 2 && value.startsWith('[[') && value.endsWith(']') ? value.slice(1) : value;
}
