import type { TargetScope } from '../syntax/arm/targetScope';
import type { Origin, Value } from './value';

/**
 * One resource a deployment would create (or, with `existing`, refer to), after evaluation.
 * Syntax-neutral: Bicep lowering produces the same record.
 */
export interface DeployedResource {
  /** Full type, e.g. `Microsoft.Network/virtualNetworks/subnets`; undefined when the type is not known. */
  readonly type: string | undefined;
  readonly apiVersion: string | undefined;
  /** Full name in ARM form (`parent/child`). */
  readonly name: Value;
  readonly symbolicName: string | undefined;
  /** Whether it is deployed: false when its condition (or an enclosing one) is known to be false. */
  readonly condition: boolean | 'unknown';
  readonly existing: boolean;
  readonly copy: CopyInstance | undefined;
  readonly location: Value | undefined;
  readonly tags: Value | undefined;
  readonly identity: Value | undefined;
  readonly sku: Value | undefined;
  readonly kind: Value | undefined;
  readonly scope: Value | undefined;
  readonly properties: Value | undefined;
  readonly dependsOn: readonly Value[];
  /** The whole declaration evaluated (without child resources and loop settings). */
  readonly body: Value;
  /** Where the resource is declared. */
  readonly origin: Origin;
  /** Index, in the same list, of the nested deployment that deploys it. */
  readonly deployedBy: number | undefined;
  /** Where the template (or module) declaring it deploys: a resource without `scope` lands there. */
  readonly targetScope: TargetScope;
}

export interface CopyInstance {
  readonly name: string | undefined;
  /** Undefined when the loop's count is not known: the record then stands for every instance. */
  readonly index: number | undefined;
  readonly count: number | undefined;
}
