import * as path from 'node:path';
import { deploymentFolders } from './deploymentFolders';
import { performance } from 'node:perf_hooks';
import type { Finding } from '../../server/src/rules/finding';
import { workspaceRuleFindings } from '../../server/src/workspace/workspaceFindings';
import { diskReader } from '../../server/src/workspace/workspaceReader';


/**
 * The template rules over a corpus, one workspace per deployment folder (a folder holding
 * azuredeploy.json or main.bicep, with its modules and parameter files below it), as a user
 * who opens that sample would see them. Prints counts per rule and, with SHOW=HN302,HN401,
 * every finding of those rules for review. Exit code 1 when a rule throws.
 */
export function runRulesConformance(dirs: readonly string[]): number {
  const show = new Set((process.env.SHOW ?? '').split(',').filter((id) => id.length > 0));
  const counts = new Map<string, number>();
  const folders = dirs.flatMap(deploymentFolders);
  let failures = 0;
  const started = performance.now();
  for (const folder of folders) {
    let findings: readonly Finding[];
    try {
      findings = workspaceRuleFindings(diskReader(folder));
    } catch (error) {
      failures++;
      console.log(`rules: EXCEPTION ${folder}\n${error instanceof Error ? error.stack : String(error)}`);
      continue;
    }
    for (const finding of findings) {
      if (finding.message.includes('could not run')) failures++;
      counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      if (show.has(finding.ruleId)) console.log(`${finding.ruleId} ${path.relative(process.cwd(), finding.file)}: ${finding.message}`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`rules: ${folders.length} deployment folders, ${failures} rule failures, ${seconds} s`);
  for (const [id, count] of [...counts].sort()) console.log(`  ${id} ${count}`);
  return failures === 0 ? 0 : 1;
}
