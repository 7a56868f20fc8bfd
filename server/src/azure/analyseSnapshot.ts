import type { Finding, Level } from '../rules/finding';
import { templateRules } from '../rules/registry';
import { runRules } from '../rules/runRules';
import { portalUrlOf } from './clouds';
import { subscriptionCoverage, type SubscriptionCoverage } from './coverage';
import { liveModels, type SubscriptionModel } from './liveModel';
import { redactText } from './redact';
import type { LiveSnapshot, ReadError, SubscriptionRecord } from './snapshot';

/** A finding of a rule on a live resource. */
export interface LiveFinding {
  readonly rule: string;
  readonly level: Level;
  readonly message: string;
  /** The resource the finding is about; the subscription's ID for an absence in the whole subscription. */
  readonly resourceId: string;
  readonly portalUrl?: string;
}

export interface CoverageReport {
  readonly subscriptions: readonly SubscriptionRecord[];
  readonly findings: readonly LiveFinding[];
  readonly coverage: readonly SubscriptionCoverage[];
  readonly errors: readonly ReadError[];
  /** False when the snapshot is a cancelled read. */
  readonly complete: boolean;
}

/**
 * Runs every template rule on each subscription of the snapshot (a subscription is a whole
 * deployment, so the workspace rules HN106-HN108 and HN305 run too) and sums up the coverage.
 * Pure: no network, no file access.
 */
export function analyseSnapshot(snapshot: LiveSnapshot): CoverageReport {
  const findings: LiveFinding[] = [];
  const coverage: SubscriptionCoverage[] = [];
  const names = new Map(snapshot.subscriptions.map((s) => [s.id.toLowerCase(), s.name]));
  for (const model of liveModels(snapshot)) {
    const ruleFindings = liveRuleFindings(model);
    for (const finding of ruleFindings) {
      const portalUrl = portalUrlOf(snapshot.cloud, finding.file);
      findings.push({ rule: finding.ruleId, level: finding.level, message: redactText(finding.message), resourceId: finding.file, ...(portalUrl ? { portalUrl } : {}) });
    }
    coverage.push(subscriptionCoverage(model, names.get(model.subscriptionId) ?? model.subscriptionId, ruleFindings));
  }
  return { subscriptions: snapshot.subscriptions, findings, coverage, errors: snapshot.errors, complete: snapshot.complete };
}

/** The findings, with their fixes, of every template rule on one subscription's model. */
export function liveRuleFindings(model: Pick<SubscriptionModel, 'subscriptionId' | 'resources' | 'partial' | 'deploymentOf'>): Finding[] {
  const subscriptionScope = `/subscriptions/${model.subscriptionId}`;
  const context = { resources: model.resources, defaultTimeZone: undefined, partial: model.partial, deploymentOf: model.deploymentOf };
  return [
    ...runRules(templateRules.filter((r) => !r.workspace), { ...context, policyFile: undefined }, subscriptionScope),
    ...runRules(templateRules.filter((r) => r.workspace), { ...context, policyFile: subscriptionScope }, subscriptionScope),
  ];
}
