import type { DeployedResource } from '../model/deployedResource';
import { displayType } from '../model/typeNames';
import type { Origin, Value } from '../model/value';
import type { NotificationPolicy } from '../syntax/policy/notificationPolicy';
import { ruleMeta } from './catalog';
import type { Finding, Level, RelatedPlace } from './finding';
import type { Fix } from './fixIntent';

/** What a template rule sees: the evaluated resources of the workspace, never text. */
export interface RuleContext {
  /** Every resource the workspace's templates deploy or reference (`existing`), evaluated. */
  readonly resources: readonly DeployedResource[];
  /** A notification policy file covers the analysed file: *workspace* (absence) rules run. */
  readonly policyFile: string | undefined;
  /** Windows time zone ID from hipaa-notify.json, for fixes that add one. */
  readonly defaultTimeZone: string | undefined;
  /** The policy file's typed view, for *workspace* rules. */
  readonly policy?: NotificationPolicy;
  /** Log Analytics workspaces that policy files name as the audit trail (`spec.auditTrail.workspace`). */
  readonly auditWorkspaces?: readonly string[];
  /**
   * Resources of templates that also deploy what the model cannot see (a registry module, a
   * remote template link): absence rules cannot tell that something is missing next to them.
   */
  readonly partial?: ReadonlySet<DeployedResource>;
  /** The template (deployment) each resource belongs to: a lock without scope covers its own deployment's resource group. */
  readonly deploymentOf?: ReadonlyMap<DeployedResource, string>;
}

export interface Report {
  /** Where the finding sits: the value as written (its origin), or a resource's declaration. */
  readonly at: Value | Origin;
  readonly message: string;
  /** The resource the finding is about, when the value is written elsewhere (a parameter default). */
  readonly resource?: DeployedResource;
  readonly related?: readonly RelatedPlace[];
  /** Ways to repair it (several: the user chooses). */
  readonly fixes?: readonly Fix[];
}

export interface Rule {
  readonly id: string;
  readonly name: string;
  readonly level: Level;
  readonly description: string;
  readonly workspace: boolean;
  /** What the rule's quick fix does, when it has one (its table test must prove it in both syntaxes). */
  readonly fix?: string;
  check(context: RuleContext): Finding[];
}

function originOf(at: Value | Origin): Origin {
  return 'kind' in at ? at.origin : at;
}

/**
 * Defines a rule; id, name, level and workspace scope come from the catalog. A finding about a
 * value written away from its resource gets related information pointing at that resource. A
 * finding about a whole resource or object sits on its head (symbolic name, `name`, key), so a
 * squiggle marks one line, not the block.
 */
export function defineRule(id: string, description: string, check: (context: RuleContext, report: (finding: Report) => void) => void, options: { readonly fix?: string } = {}): Rule {
  const meta = ruleMeta(id);
  if (!meta) throw new Error(`${id} is not in the rule catalog`);
  return {
    id,
    name: meta.name,
    level: meta.level,
    description,
    workspace: meta.workspace === true,
    ...(options.fix ? { fix: options.fix } : {}),
    check(context) {
      const findings: Finding[] = [];
      check(context, ({ at, message, resource, related, fixes }) => {
        const origin = originOf(at);
        const places: RelatedPlace[] = [...(related ?? [])];
        if (resource && !within(origin, resource.origin)) places.push({ file: resource.origin.file, span: resource.origin.head ?? resource.origin.span, message: `used by ${describe(resource)}` });
        findings.push({ ruleId: id, level: meta.level, message, file: origin.file, span: origin.head ?? origin.span, ...(places.length > 0 ? { related: places } : {}), ...(fixes && fixes.length > 0 ? { fixes } : {}) });
      });
      return findings;
    },
  };
}

function within(inner: Origin, outer: Origin): boolean {
  return inner.file === outer.file && inner.span.offset >= outer.span.offset && inner.span.offset + inner.span.length <= outer.span.offset + outer.span.length;
}

/** `the action group 'ag-x'` style names for messages; a name not known is not shown as if the symbol were the name. */
export function describe(resource: DeployedResource): string {
  const name = resource.name.kind === 'string' ? `'${resource.name.value}'` : resource.symbolicName ? `(name unknown, declared as ${resource.symbolicName})` : '(name unknown)';
  return `${resource.type ? displayType(resource.type) : 'resource'} ${name}`;
}

/** Whether a template of the context also deploys what the model cannot read: an absence rule then cannot tell that something is missing. */
export function deploysUnseen(context: RuleContext): boolean {
  return context.partial !== undefined && context.resources.some((r) => context.partial!.has(r));
}
