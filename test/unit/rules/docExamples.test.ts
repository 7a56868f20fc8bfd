import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseFile } from '../../../server/src/analysis';
import { templateRules } from '../../../server/src/rules/registry';
import type { Rule } from '../../../server/src/rules/rule';
import { documentKindOf } from '../../../server/src/syntax/documentKind';
import { diskReader } from '../../../server/src/workspace/workspaceReader';
import { parse as parseJsonc } from 'jsonc-parser';
import { armSchema, minimalPolicy } from './ruleTester';

const repo = path.resolve(__dirname, '../../../..');

/**
 * The Bicep blocks of a doc page section: a block that starts with `using` is the template's
 * .bicepparam file; a section that shows only the parameter file reuses the template before it.
 */
function bicepFiles(page: string, heading: string, fallbackTemplate?: string): Record<string, string> | undefined {
  const section = page.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? '';
  const blocks = [...section.matchAll(/```bicep\n([\s\S]*?)```/g)].map((m) => m[1]);
  const template = blocks.find((b) => !b.trimStart().startsWith('using ')) ?? fallbackTemplate;
  if (!template) return undefined;
  const params = blocks.find((b) => b.trimStart().startsWith('using '));
  return { 'main.bicep': template, ...(params ? { 'main.bicepparam': params } : {}) };
}

function findingsOf(rule: Rule, files: Record<string, string>) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `hn-doc-${rule.id}-`));
  try {
    const all = rule.workspace ? { ...files, 'docs.hipaa-notify.yaml': minimalPolicy } : files;
    for (const [name, text] of Object.entries(all)) fs.writeFileSync(path.join(folder, name), text);
    const reader = diskReader(folder);
    return Object.keys(all).flatMap((name) => {
      const file = path.join(folder, name);
      return analyseFile({ file, text: all[name] }, documentKindOf(file, all[name]), { workspaceRoot: folder, reader });
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

for (const rule of templateRules) {
  test(`${rule.id}: the doc page's Bicep examples parse, the failing one fires the rule and the passing one does not`, () => {
    const page = fs.readFileSync(path.join(repo, 'docs/rules', `${rule.id}.md`), 'utf8');
    let failingTemplate: string | undefined;
    for (const [heading, fires] of [['Failing example', true], ['Passing example', false]] as const) {
      const files = bicepFiles(page, heading, failingTemplate);
      failingTemplate ??= files?.['main.bicep'];
      assert.ok(files, `${rule.id}: a Bicep block under '${heading}s'`);
      const findings = findingsOf(rule, files);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'HN001').map((f) => f.message), [], `${rule.id} ${heading}: parses`);
      assert.equal(findings.some((f) => f.ruleId === rule.id), fires, `${rule.id} ${heading}: ${fires ? 'fires' : 'stays silent'}`);
    }
  });
}

/**
 * The first ARM JSON block of a section as a template: a whole template, a resource, or an array
 * of resources. Undefined for a fragment (the `actions` or `triggers` of a workflow definition).
 */
function armTemplateOf(page: string, heading: string): string | undefined {
  const section = page.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? '';
  const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) return undefined;
  const value = parseJsonc(block) as unknown;
  const wrap = (resources: unknown[]) => JSON.stringify({ $schema: armSchema, contentVersion: '1.0.0.0', resources }, null, 2);
  if (Array.isArray(value)) return value.every((r) => typeof r === 'object' && r !== null && 'type' in r) ? wrap(value) : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if ('$schema' in value) return block;
  return 'type' in value ? wrap([value]) : undefined;
}

test('every complete ARM JSON example of the rule pages behaves as its page says', () => {
  let tested = 0;
  for (const rule of templateRules) {
    const page = fs.readFileSync(path.join(repo, 'docs/rules', `${rule.id}.md`), 'utf8');
    for (const [heading, fires] of [['Failing example', true], ['Passing example', false]] as const) {
      const template = armTemplateOf(page, heading);
      if (!template) continue;
      tested++;
      const findings = findingsOf(rule, { 'azuredeploy.json': template });
      assert.deepEqual(findings.filter((f) => f.ruleId === 'HN001').map((f) => f.message), [], `${rule.id} ${heading} (ARM): parses`);
      assert.equal(findings.some((f) => f.ruleId === rule.id), fires, `${rule.id} ${heading} (ARM): ${fires ? 'fires' : 'stays silent'}`);
    }
  }
  // Only workflow-definition fragments (HN102's passing example, HN201, HN202, HN205, HN206) are not templates.
  assert.ok(tested >= 42, `${tested} ARM examples tested`);
});
