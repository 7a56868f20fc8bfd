import type { Origin } from '../model/value';

/**
 * What a fix does, said on the model: which written value or object changes and to what. It
 * names origins (file and span of what is written), never text offsets to edit; fixes/ turns it
 * into text edits for the syntax the origin lives in.
 */
export type FixIntent = ReplaceValue | SetProperty | AddItem | AddResource | AddParameter | ReplaceStart;

/** Replace the literal written at `at` (a property value, a parameter default, a parameter file value, a module argument). */
export interface ReplaceValue {
  readonly kind: 'replaceValue';
  readonly at: Origin;
  readonly value: FixValue;
}

/**
 * Rewrite the text a string written at `at` starts with, when it is written there: a plain
 * literal, a Bicep interpolation (`'http://${host}/x'`), or an ARM `concat()`/`format()` whose
 * first argument starts with it. For strings only partly known, where replaceValue cannot apply.
 */
export interface ReplaceStart {
  readonly kind: 'replaceStart';
  readonly at: Origin;
  /** Matched case-insensitively; plain text without quotes or escapes. */
  readonly from: string;
  readonly to: string;
}

/** Set `path` (property names, created as nested objects where absent) inside the object literal written at `object`. */
export interface SetProperty {
  readonly kind: 'setProperty';
  readonly object: Origin;
  readonly path: readonly string[];
  readonly value: FixValue;
}

/** Append `item` to the array literal written at `array`. */
export interface AddItem {
  readonly kind: 'addItem';
  readonly array: Origin;
  readonly item: FixValue;
}

/** Declare a new resource right after the resource declared at `beside` (in its file), scoped to it when `scoped`. */
export interface AddResource {
  readonly kind: 'addResource';
  readonly beside: Origin;
  readonly resource: NewResource;
}

export interface NewResource {
  /** Bicep symbolic name; a number is appended when the file already uses it. */
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  /** An extension resource of the resource beside it (`scope:` in Bicep, `scope` and `dependsOn` in ARM). */
  readonly scoped: boolean;
  /** Everything but type, apiVersion and scope: name, properties, ... */
  readonly body: FixObject;
  /** ARM `dependsOn` entries besides the scoped resource (Bicep infers them from the symbols used). */
  readonly armDependsOn?: readonly string[];
}

/**
 * Declare a parameter in the template that `near` (a place using it) belongs to: its file, or in
 * ARM JSON the nested template with inner scope around it. Kept as is when one of that name exists.
 */
export interface AddParameter {
  readonly kind: 'addParameter';
  readonly near: Origin;
  readonly name: string;
  readonly type: 'string' | 'int' | 'bool' | 'object' | 'array';
  readonly description: string;
  /** Without a default the deployment must pass a value (the author fills it in). */
  readonly defaultValue?: FixValue;
}

/** A value a fix writes: plain data, or an expression written per syntax. */
export type FixValue = string | number | boolean | null | readonly FixValue[] | FixObject | FixExpression;
export interface FixObject {
  readonly [key: string]: FixValue;
}

/** An expression, as Bicep writes it and as the inside of an ARM `[...]` string. */
export class FixExpression {
  constructor(
    readonly bicep: string,
    readonly arm: string,
  ) {}
}

/**
 * One way to repair a finding: its intents are applied together. A finding with several fixes
 * offers a choice (which action group, which workspace): the editor shows each, `check --fix`
 * applies none of them.
 */
export interface Fix {
  /** Imperative, shown as the code action title: "Set useCommonAlertSchema to true". */
  readonly title: string;
  readonly intents: readonly FixIntent[];
  /**
   * The author must look at the result (a did-you-mean, a new parameter to fill in): offered in
   * the editor, never applied without asking (fix-all, `check --fix`).
   */
  readonly needsReview?: boolean;
}

export const replaceValue = (at: Origin, value: FixValue): ReplaceValue => ({ kind: 'replaceValue', at, value });
export const replaceStart = (at: Origin, from: string, to: string): ReplaceStart => ({ kind: 'replaceStart', at, from, to });
export const setProperty = (object: Origin, path: readonly string[], value: FixValue): SetProperty => ({ kind: 'setProperty', object, path, value });
export const addResource = (beside: Origin, resource: NewResource): AddResource => ({ kind: 'addResource', beside, resource });
export const addParameter = (near: Origin, parameter: Omit<AddParameter, 'kind' | 'near'>): AddParameter => ({ kind: 'addParameter', near, ...parameter });
/** A reference to a template parameter, in both syntaxes. */
export const parameterReference = (name: string): FixExpression => new FixExpression(name, `parameters('${name}')`);
export const addItem = (array: Origin, item: FixValue): AddItem => ({ kind: 'addItem', array, item });
export const fix = (title: string, ...intents: FixIntent[]): Fix => ({ title, intents });
export const fixToReview = (title: string, ...intents: FixIntent[]): Fix => ({ title, intents, needsReview: true });
