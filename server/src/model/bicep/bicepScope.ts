import type { TargetScope } from '../../syntax/arm/targetScope';
import type { BicepFile } from '../../syntax/bicep';
import type { Span } from '../../syntax/span';
import type { EvaluationRun } from '../evaluationScope';
import type { Origin, Value } from '../value';
import type { BicepSymbols } from './bicepSymbols';

/** Reads files the evaluation needs (modules, `loadTextContent`, imports); undefined outside the workspace. */
export type FileLoader = (file: string) => string | undefined;

/** One Bicep file being evaluated: its tree, its symbols and the run it belongs to. */
export interface BicepFileContext {
  readonly file: string;
  readonly parsed: BicepFile;
  readonly targetScope: TargetScope;
  readonly run: EvaluationRun;
  readonly symbols: BicepSymbols;
  readonly load: FileLoader;
  /** Files of the module chain that led here, this one last: a module that includes itself is not followed. */
  readonly chain: readonly string[];
}

/**
 * Where a Bicep expression is evaluated: the file, the loop and lambda variables in reach, and
 * whether it is the body of a user-defined function (which sees only its own parameters).
 */
export class BicepScope {
  private constructor(
    readonly context: BicepFileContext,
    readonly locals: ReadonlyMap<string, Value>,
    readonly inFunction: boolean,
    readonly depth: number,
  ) {}

  static of(context: BicepFileContext): BicepScope {
    return new BicepScope(context, new Map(), false, 0);
  }

  get run(): EvaluationRun {
    return this.context.run;
  }

  get file(): string {
    return this.context.file;
  }

  withLocals(values: ReadonlyMap<string, Value>): BicepScope {
    const merged = new Map(this.locals);
    for (const [name, value] of values) merged.set(name, value);
    return new BicepScope(this.context, merged, this.inFunction, this.depth + 1);
  }

  /** A user-defined function's body: its parameters only. */
  forFunction(parameters: ReadonlyMap<string, Value>, context: BicepFileContext = this.context): BicepScope {
    return new BicepScope(context, parameters, true, this.depth + 1);
  }

  /** The file level of `context` (a variable's or parameter's value), one level deeper. */
  atFileLevel(context: BicepFileContext = this.context): BicepScope {
    return new BicepScope(context, new Map(), false, this.depth + 1);
  }

  originOf(span: Span): Origin {
    return { file: this.context.file, span: { offset: span.offset, length: span.length }, head: undefined };
  }

  report(span: Span, message: string): void {
    this.context.run.report(this.context.file, { offset: span.offset, length: span.length }, message);
  }

  reportUnresolved(span: Span, message: string): void {
    this.context.run.report(this.context.file, { offset: span.offset, length: span.length }, message, true);
  }
}
