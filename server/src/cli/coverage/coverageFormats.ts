import type { CoverageReport } from '../../azure/analyseSnapshot';
import { controls } from '../../azure/coverage';
import { catalog } from '../../rules/catalog';
import { sarifLevel, sarifLog, sarifRules } from '../formats/sarif';
import type { Level } from '../../rules/finding';

/** `{subscriptions, findings, coverage, errors}`, the shape the coverage tree reads too. */
export function coverageJson(report: CoverageReport): string {
  return (
    JSON.stringify(
      {
        subscriptions: report.subscriptions.map(({ id, name, state }) => ({ id, name, state })),
        findings: report.findings.map(({ rule, level, message, resourceId, portalUrl }) => ({ rule, level, message, resourceId, ...(portalUrl ? { portalUrl } : {}) })),
        coverage: report.coverage,
        errors: report.errors.map(({ scope, status, message }) => ({ scope, status, message })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Per subscription the five controls, then one line per finding (`level rule resourceId message`), read errors, and a summary. */
export function coverageText(report: CoverageReport): string {
  const lines: string[] = [];
  for (const subscription of report.coverage) {
    lines.push(`subscription ${subscription.name} (${subscription.subscriptionId})`);
    for (const control of controls) {
      const answer = subscription.controls[control];
      lines.push(`  ${control.padEnd(8)} ${answer.state.padEnd(8)} ${answer.reason}`);
    }
    for (const r of subscription.resources) {
      const role = r.role === 'phiStore' ? 'PHI store' : 'notifier';
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      lines.push(`  ${role} ${r.name}: ${plural(r.detectedBy.length, 'alert')}, ${plural(r.actionGroups.length, 'action group')}, ${plural(r.recipients.length, 'recipient')}; logged ${r.logged}, kept six years ${r.retainedSixYears}, locked ${r.locked}`);
    }
  }
  for (const finding of report.findings) lines.push(`${finding.resourceId} ${finding.level} ${finding.rule} ${finding.message}`);
  for (const error of report.errors) lines.push(`${error.scope} not read (${error.status === 0 ? 'network error' : `HTTP ${error.status}`}): ${error.message}`);
  const count = (level: Level) => report.findings.filter((f) => f.level === level).length;
  const subscriptions = `${report.subscriptions.length} subscription${report.subscriptions.length === 1 ? '' : 's'} read${report.complete ? '' : ' (cancelled: partial)'}`;
  lines.push(report.findings.length === 0 ? `${subscriptions}, no findings` : `${subscriptions}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos`);
  return lines.join('\n') + '\n';
}


/** SARIF 2.1.0: a live finding has no file, so its resource ID is the logical location's fullyQualifiedName. */
export function coverageSarif(report: CoverageReport, version: string): string {
  const ruleIndex = new Map(catalog.map((rule, index) => [rule.id, index]));
  return sarifLog(version, sarifRules(), {
    invocations: [
      {
        executionSuccessful: report.complete,
        toolExecutionNotifications: report.errors.map((error) => ({
          level: 'warning',
          message: { text: `${error.scope} not read (HTTP ${error.status}): ${error.message}` },
          locations: [{ logicalLocations: [{ fullyQualifiedName: error.scope, kind: 'resource' }] }],
        })),
      },
    ],
    results: report.findings.map((finding) => ({
      ruleId: finding.rule,
      ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
      level: sarifLevel[finding.level],
      message: { text: finding.message },
      locations: [{ logicalLocations: [{ fullyQualifiedName: finding.resourceId, kind: 'resource' }] }],
      ...(finding.portalUrl ? { properties: { portalUrl: finding.portalUrl } } : {}),
    })),
  });
}
