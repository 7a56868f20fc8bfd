import { collectionFunctions } from './collection';
import { comparisonFunctions } from './comparison';
import { conversionFunctions } from './conversion';
import { deploymentFunctions } from './deployment';
import { hashFunctions } from './hash';
import { lambdaFunctions } from './lambda';
import type { TemplateFunction } from './library';
import { logicalFunctions } from './logical';
import { networkFunctions } from './network';
import { numericFunctions } from './numeric';
import { objectFunctions } from './object';
import { resourceIdFunctions } from './resourceId';
import { failFunction, listFunction, runtimeFunctions } from './runtime';
import { stringFunctions } from './string';

export type { Argument, CallSite, Lambda, TemplateFunction } from './library';
export { knownStringPrefix, unknownWithPrefix } from './library';

const families = [
  stringFunctions,
  collectionFunctions,
  objectFunctions,
  logicalFunctions,
  comparisonFunctions,
  numericFunctions,
  conversionFunctions,
  hashFunctions,
  deploymentFunctions,
  resourceIdFunctions,
  lambdaFunctions,
  networkFunctions,
  runtimeFunctions,
];

const byName = new Map<string, TemplateFunction>();
for (const family of families) for (const [name, fn] of Object.entries(family)) byName.set(name.toLowerCase(), fn);
byName.set('fail', failFunction);

/** A built-in template function by name (case-insensitive, as ARM resolves them). */
export function templateFunction(name: string): TemplateFunction | undefined {
  const lower = name.toLowerCase();
  return byName.get(lower) ?? (lower.startsWith('list') ? listFunction : undefined);
}

export function templateFunctionNames(): readonly string[] {
  return [...byName.keys()];
}
