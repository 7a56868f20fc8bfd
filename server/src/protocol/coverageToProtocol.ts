import type { CoverageReport as EngineReport, LiveFinding, LiveSnapshot } from '../azure';
import { controlOfRule } from '../azure/coverage';
import { portalUrlOf } from '../azure/clouds';
import { resourceGroupIdOf, subscriptionIdOf, typeAndNameOf } from '../azure/resourceIds';
import { ruleDocUrl, ruleMeta } from '../rules/catalog';
import type { ControlCoverage, CoverageChunk, CoverageControl, CoverageFinding, CoverageResource, CoverageState, CoverageUnknown } from './coverageProtocol';
import { hasLiveFix } from '../fixes/bicepForLiveGap';

/** A finding of the last report with the key the client names it by. */
export interface KeyedFinding {
  readonly key: string;
  readonly finding: LiveFinding;
  readonly docUrl: string;
}

/**
 * The tree's five controls. The engine answers for detect, route, deliver, log and retain; the
 * view shows log and retain as one, and gathers the rules that protect the notification path
 * itself (locks, Entra ID authentication, managed identities: 164.308(a)(1), 164.312(d)) as Protect.
 */
const protectRules = new Set(['HN209', 'HN304', 'HN403', 'HN404']);

export function viewControlOf(rule: string): CoverageControl {
  if (protectRules.has(rule)) return 'protect';
  const control = controlOfRule[rule];
  return control === 'retain' || control === undefined ? (control === undefined ? 'detect' : 'log') : control;
}

/** The only place where the engine's report becomes what the client renders. */
export function toCoverageChunk(snapshot: LiveSnapshot, report: EngineReport, docsBase: string): { chunk: CoverageChunk; findings: Map<string, KeyedFinding> } {
  const keyed = new Map<string, KeyedFinding>();
  const findings: CoverageFinding[] = [];
  const seen = new Map<string, number>();
  for (const finding of report.findings) {
    const base = `${finding.rule}|${finding.resourceId.toLowerCase()}`;
    const index = seen.get(base) ?? 0;
    seen.set(base, index + 1);
    const key = `${base}|${index}`;
    const meta = ruleMeta(finding.rule);
    const docUrl = ruleDocUrl(finding.rule, docsBase);
    keyed.set(key, { key, finding, docUrl });
    findings.push({
      key,
      rule: finding.rule,
      ruleName: meta?.name ?? finding.rule,
      level: finding.level,
      message: finding.message,
      citation: meta?.citation,
      control: viewControlOf(finding.rule),
      resourceId: finding.resourceId,
      docUrl,
      fixable: hasLiveFix(finding.rule),
    });
  }
  const records = new Map(snapshot.resources.map((r) => [r.id.toLowerCase(), r]));
  const resources = new Map<string, CoverageResource>();
  const describe = (id: string) => {
    const lower = id.toLowerCase();
    if (resources.has(lower)) return;
    const record = records.get(lower);
    const named = typeAndNameOf(id);
    const group = resourceGroupIdOf(id);
    resources.set(lower, {
      id,
      type: record?.type ?? named?.type ?? 'Microsoft.Resources/subscriptions',
      name: record?.name ?? named?.name.split('/').pop() ?? id,
      subscriptionId: subscriptionIdOf(id) ?? '',
      resourceGroup: group ? group.split('/').pop() : undefined,
      portalUrl: portalUrlOf(snapshot.cloud, id),
    });
  };
  for (const finding of report.findings) describe(finding.resourceId);
  const unknowns: CoverageUnknown[] = report.errors.map((error) => ({ scope: error.scope, subscriptionId: subscriptionIdOf(error.scope), status: error.status, message: error.message }));
  const coverage: ControlCoverage[] = report.coverage.flatMap((subscription) => {
    const mine = findings.filter((f) => subscriptionIdOf(f.resourceId) === subscription.subscriptionId.toLowerCase());
    const incomplete = unknowns.some((u) => u.subscriptionId === subscription.subscriptionId.toLowerCase());
    const answer = (control: CoverageControl, engine: readonly { state: CoverageState; reason: string }[]): ControlCoverage => {
      const gaps = mine.filter((f) => f.control === control);
      if (gaps.length > 0) return { subscriptionId: subscription.subscriptionId, control, state: 'gap', reason: `${gaps.length} finding${gaps.length === 1 ? '' : 's'} (${[...new Set(gaps.map((g) => g.rule))].join(', ')})` };
      // The engine's gap by findings that the view places under Protect is no gap here; one by missing evidence stays.
      const rest = engine.filter((a) => !(a.state === 'gap' && /^\d+ findings? \(/.test(a.reason)));
      const state = rest.some((a) => a.state === 'gap') ? 'gap' : incomplete || rest.some((a) => a.state === 'unknown') ? 'unknown' : 'covered';
      const reason = rest.filter((a) => a.state === state).map((a) => a.reason).join('; ') || (state === 'unknown' ? 'some of the subscription could not be read' : 'no findings');
      return { subscriptionId: subscription.subscriptionId, control, state, reason };
    };
    const c = subscription.controls;
    return [answer('detect', [c.detect]), answer('route', [c.route]), answer('deliver', [c.deliver]), answer('log', [c.log, c.retain]), answer('protect', [])];
  });
  return { chunk: { subscriptions: report.subscriptions, resources: [...resources.values()], findings, unknowns, coverage }, findings: keyed };
}
