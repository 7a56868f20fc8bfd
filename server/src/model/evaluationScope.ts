import type { Node } from 'jsonc-parser';
import type { ArmTemplate, ArmUserFunction } from '../syntax/arm/armTemplate';
import type { TargetScope } from '../syntax/arm/targetScope';
import type { Span } from '../syntax/span';
import { limits } from './limits';
import type { Origin, Value } from './value';

/** Something evaluation found wrong in a template (a missing parameter, a bad call). */
export interface EvaluationProblem {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
  /** A name that resolves to nothing (HN002), as opposed to a value that does not fit. */
  readonly unresolved?: boolean;
}

/** Shared by every scope of one evaluation: the step budget and the problems found. */
export class EvaluationRun {
  steps = 0;
  resources = 0;
  /** Above 0 while evaluating what is not deployed (a false condition): ARM does not evaluate it, so nothing is reported. */
  quiet = 0;
  private readonly seen = new Set<string>();
  readonly problems: EvaluationProblem[] = [];
  /** Template files deployed as modules (Bicep `module`), by absolute path. */
  readonly modules = new Set<string>();
  /** Nested deployments whose template is not written inline (`templateLink`, template specs). */
  linkedDeployments = 0;

  private nesting = 0;

  /** Runs `evaluate` one level deeper, or returns undefined when that would nest too deeply. */
  nested<T>(evaluate: () => T): T | undefined {
    if (this.nesting >= limits.maxNesting) return undefined;
    this.nesting++;
    try {
      return evaluate();
    } finally {
      this.nesting--;
    }
  }

  /** False once the step budget is spent; from then on everything evaluates to unknown. */
  step(): boolean {
    return ++this.steps <= limits.maxSteps;
  }

  report(file: string, span: Span, message: string, unresolved = false): void {
    if (this.quiet > 0) return;
    const key = `${file}\u0000${span.offset}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push(unresolved ? { file, span, message, unresolved } : { file, span, message });
  }
}

/** Resolves `parameters()` and `variables()` for one template (or one user function call). */
export interface SymbolTable {
  parameter(name: string): Value | undefined;
  variable(name: string): Value | undefined;
  /** Inside a user-defined function, `variables()` and `reference()` are not allowed. */
  readonly inFunction: boolean;
}

export interface CopyIndex {
  readonly name: string | undefined;
  /** An unnamed `copyIndex()` refers to the innermost resource loop; property and variable loops are named. */
  readonly loop: 'resource' | 'property' | 'variable';
  /** Undefined when the loop's count is not known. */
  readonly index: number | undefined;
}

/** Where an expression is evaluated: the template text, the symbols in reach and the loop indexes. */
export class EvaluationScope {
  private constructor(
    readonly template: ArmTemplate,
    readonly targetScope: TargetScope,
    readonly symbols: SymbolTable,
    readonly run: EvaluationRun,
    readonly functions: ReadonlyMap<string, ArmUserFunction>,
    readonly copyIndices: readonly CopyIndex[],
    readonly lambdaVariables: ReadonlyMap<string, Value> | undefined,
    readonly depth: number,
  ) {}

  /** `depth` is above 0 for the template of a nested deployment. */
  static root(template: ArmTemplate, symbols: SymbolTable, run: EvaluationRun, targetScope: TargetScope = template.targetScope, depth = 0): EvaluationScope {
    const functions = new Map(template.functions.map((fn) => [fn.key, fn] as const));
    return new EvaluationScope(template, targetScope, symbols, run, functions, [], undefined, depth);
  }

  get file(): string {
    return this.template.file;
  }

  get text(): string {
    return this.template.text;
  }

  withCopyIndex(name: string | undefined, index: number | undefined, loop: CopyIndex['loop'] = 'resource'): EvaluationScope {
    return new EvaluationScope(this.template, this.targetScope, this.symbols, this.run, this.functions, [...this.copyIndices, { name, index, loop }], this.lambdaVariables, this.depth);
  }

  withLambdaVariables(variables: ReadonlyMap<string, Value>): EvaluationScope {
    const merged = new Map(this.lambdaVariables ?? []);
    for (const [name, value] of variables) merged.set(name.toLowerCase(), value);
    return new EvaluationScope(this.template, this.targetScope, this.symbols, this.run, this.functions, this.copyIndices, merged, this.depth + 1);
  }

  /** The scope of a user-defined function body: only its own parameters are in reach. */
  forFunction(symbols: SymbolTable): EvaluationScope {
    return new EvaluationScope(this.template, this.targetScope, symbols, this.run, this.functions, [], undefined, this.depth + 1);
  }

  /** One level deeper (a variable's value, a nested deployment): bounds recursion. */
  deeper(): EvaluationScope {
    return new EvaluationScope(this.template, this.targetScope, this.symbols, this.run, this.functions, this.copyIndices, this.lambdaVariables, this.depth + 1);
  }

  originOf(node: Span | Node): Origin {
    // Every origin has the same shape (head included), which keeps property reads monomorphic.
    return { file: this.template.file, span: { offset: node.offset, length: node.length }, head: undefined };
  }

  report(span: Span, message: string): void {
    this.run.report(this.template.file, { offset: span.offset, length: span.length }, message);
  }

  reportUnresolved(span: Span, message: string): void {
    this.run.report(this.template.file, { offset: span.offset, length: span.length }, message, true);
  }
}
