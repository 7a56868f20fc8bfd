import { isDeployed, namedOf, sameNamedResource } from '../model/resourceReference';
import type { TemplateModel } from '../workspace/templateModels';
import { typeAndNameOf } from './resourceIds';

/** The workspace template that deploys a live resource (same type and full name), at its declaration. */
export function templateOfResource(models: readonly TemplateModel[], resourceId: string): { file: string; offset: number } | undefined {
  const live = typeAndNameOf(resourceId);
  if (!live) return undefined;
  for (const model of models) {
    for (const resource of model.resources) {
      const named = namedOf(resource);
      if (named && isDeployed(resource) && sameNamedResource(named, live)) return { file: resource.origin.file, offset: resource.origin.span.offset };
    }
  }
  return undefined;
}
