import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Finding } from '../../server/src/rules/finding';
import { templateRules } from '../../server/src/rules/registry';
import { runRules } from '../../server/src/rules/runRules';
import { templateModelsUnder } from '../../server/src/workspace/templateModels';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { diskReader } from '../../server/src/workspace/workspaceReader';

const key = (f: Finding) => [f.ruleId, f.file, f.span.offset, f.span.length, f.message, JSON.stringify(f.related ?? [])].join('|');

/**
 * Each directory as one workspace: the workspace index's template findings against one run of
 * every rule over every resource. They must be equal; a rule that starts reading another kind of
 * cross-file link shows up here until resourceLinks.ts knows that link.
 */
export function runIncrementalConformance(dirs: string[]): number {
  const rules = templateRules.filter((rule) => !rule.workspace);
  let differences = 0;
  for (const dir of dirs.map((d) => path.resolve(d))) {
    const models = templateModelsUnder(dir, diskReader(dir));
    let started = performance.now();
    const partial = new Set(models.filter((m) => !m.complete).flatMap((m) => m.resources));
    const deploymentOf = new Map(models.flatMap((m) => m.resources.map((r) => [r, m.file] as const)));
    const whole = new Set(runRules(rules, { resources: models.flatMap((m) => m.resources), policyFile: undefined, defaultTimeZone: undefined, auditWorkspaces: [], partial, deploymentOf }, dir, { merge: false }).map(key));
    const wholeMs = performance.now() - started;
    started = performance.now();
    const index = new WorkspaceIndex({ rules, defaultTimeZone: undefined, auditWorkspaces: [] });
    index.sync(models);
    const indexed = new Set(index.findings().map(key));
    const indexMs = performance.now() - started;
    const missing = [...whole].filter((k) => !indexed.has(k));
    const extra = [...indexed].filter((k) => !whole.has(k));
    differences += missing.length + extra.length;
    console.log(`${dir}: ${models.length} deployments, ${whole.size} findings; whole-workspace run ${(wholeMs / 1000).toFixed(1)} s, index ${(indexMs / 1000).toFixed(1)} s; missing ${missing.length}, extra ${extra.length}`);
    for (const k of missing.slice(0, 10)) console.log(`  missing ${k.slice(0, 300)}`);
    for (const k of extra.slice(0, 10)) console.log(`  extra   ${k.slice(0, 300)}`);
  }
  return differences === 0 ? 0 : 1;
}
