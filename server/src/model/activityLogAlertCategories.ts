import type { DeployedResource } from './deployedResource';
import { knownString } from './resourceReference';
import { valueAt, type Value } from './value';

/**
 * The activity-log categories an activity log alert names in `condition.allOf` (and nested
 * `anyOf`): `{ field: 'category', equals }` or `containsAny: [...]`, lower-cased.
 * 'unknown' when a category condition cannot be known.
 */
export function namedCategories(alert: DeployedResource): Set<string> | 'unknown' {
  const allOf = alert.properties ? valueAt(alert.properties, ['condition', 'allOf']) : undefined;
  const categories = new Set<string>();
  if (!allOf || allOf.kind === 'null') return categories;
  if (allOf.kind === 'unknown') return 'unknown';
  if (allOf.kind !== 'array') return categories;
  const visit = (condition: Value): boolean => {
    if (condition.kind === 'unknown') return false;
    if (condition.kind !== 'object') return true;
    const anyOf = valueAt(condition, ['anyOf']);
    if (anyOf) {
      if (anyOf.kind === 'unknown') return false;
      return anyOf.kind !== 'array' || anyOf.items.every(visit);
    }
    const field = valueAt(condition, ['field']);
    if (field?.kind === 'unknown') return false;
    if (knownString(field)?.toLowerCase() !== 'category') return true;
    const equals = valueAt(condition, ['equals']);
    if (equals?.kind === 'unknown') return false;
    const category = knownString(equals);
    if (category !== undefined) categories.add(category.toLowerCase());
    const containsAny = valueAt(condition, ['containsAny']);
    if (containsAny?.kind === 'unknown') return false;
    for (const item of containsAny?.kind === 'array' ? containsAny.items : []) {
      if (item.kind === 'unknown') return false;
      const name = knownString(item);
      if (name !== undefined) categories.add(name.toLowerCase());
    }
    return true;
  };
  return allOf.items.every(visit) ? categories : 'unknown';
}
