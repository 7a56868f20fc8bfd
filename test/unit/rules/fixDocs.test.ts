import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { structuredPatch } from 'diff';
import { analyseFile } from '../../../server/src/analysis';
import { onlyFixOf } from '../../../server/src/fixes/fixEdits';
import { fixUntilStable } from '../../../server/src/fixes/fixFiles';
import { catalog } from '../../../server/src/rules/catalog';
import { templateRules } from '../../../server/src/rules/registry';
import { analysePolicyFile, policyFileRules } from '../../../server/src/rules/policy';
import type { PolicyRule } from '../../../server/src/rules/policy/policyRule';
import type { Rule } from '../../../server/src/rules/rule';
import { documentKindOf } from '../../../server/src/syntax/documentKind';
import { diskReader } from '../../../server/src/workspace/workspaceReader';
import { minimalPolicy } from './ruleTester';

const repo = path.resolve(__dirname, '../../../..');
const pageOf = (id: string) => path.join(repo, 'docs/rules', `${id}.md`);
/** UPDATE_DOCS=1 rewrites the Quick fix sections from what the fixes do. */
const update = process.env.UPDATE_DOCS === '1';

function section(page: string, heading: string): string | undefined {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start + 1, end < 0 ? undefined : end + 1);
}

/** The failing Bicep example of a page after the rule's fixes, as the changed hunks. */
function fixedExample(rule: Rule, page: string): string | undefined {
  const failing = section(page, 'Failing examples') ?? section(page, 'Failing example') ?? '';
  const blocks = [...failing.matchAll(/```bicep\n([\s\S]*?)```/g)].map((m) => m[1]);
  const template = blocks.find((block) => !block.trimStart().startsWith('using '));
  const parameters = blocks.find((block) => block.trimStart().startsWith('using '));
  if (!template) return undefined;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `hn-fixdoc-${rule.id}-`));
  try {
    const files: Record<string, string> = { 'main.bicep': template, ...(parameters ? { 'main.bicepparam': parameters } : {}), ...(rule.workspace ? { 'docs.hipaa-notify.yaml': minimalPolicy } : {}) };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
    const analyse = (readText: (file: string) => string | undefined) => {
      const reader = diskReader(folder, readText);
      return Object.keys(files).flatMap((name) => {
        const file = path.join(folder, name);
        const text = readText(file) ?? '';
        return analyseFile({ file, text }, documentKindOf(file, text), { workspaceRoot: folder, reader });
      });
    };
    const run = fixUntilStable((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined), analyse, { accept: (f) => f.ruleId === rule.id, fixOf: onlyFixOf });
    const changed = ['main.bicep', 'main.bicepparam'].filter((name) => run.changed.has(path.join(folder, name)));
    if (changed.length === 0) return undefined;
    return changed.map((name) => `--- ${name}\n+++ ${name}\n${hunksOf(name, files[name], run.changed.get(path.join(folder, name))!)}`).join('\n');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The first YAML block of a policy rule's failing examples after its fixes, as the changed hunks. */
function fixedPolicyExample(rule: PolicyRule, page: string): string | undefined {
  const failing = section(page, 'Failing examples') ?? '';
  const example = /```yaml\n([\s\S]*?)```/.exec(failing)?.[1];
  if (!example) return undefined;
  const file = path.join(os.tmpdir(), 'example.hipaa-notify.yaml');
  const run = fixUntilStable((f) => (f === file ? example : undefined), (read) => analysePolicyFile(file, read(file) ?? '').findings, { accept: (f) => f.ruleId === rule.id, fixOf: onlyFixOf });
  const after = run.changed.get(file);
  return after === undefined ? undefined : `--- policy.hipaa-notify.yaml\n+++ policy.hipaa-notify.yaml\n${hunksOf('policy.hipaa-notify.yaml', example, after)}`;
}

function hunksOf(name: string, before: string, after: string): string {
  const patch = structuredPatch(name, name, before, after, undefined, undefined, { context: 2 });
  return patch.hunks.map((hunk) => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines].join('\n')).join('\n');
}

function quickFixSection(rule: { readonly fix?: string }, hunks: string | undefined, example = 'Bicep'): string {
  const what = `${rule.fix!.charAt(0).toUpperCase()}${rule.fix!.slice(1)}.`;
  const shown = hunks
    ? `On the failing ${example} example above, before (\`-\`) and after (\`+\`):\n\n\`\`\`diff\n${hunks}\n\`\`\`\n`
    : `The failing ${example} example above is a case the fix does not cover (see which cases it does above).\n`;
  return `## Quick fix\n${what}\n\n${shown}\nIn the editor: the lightbulb (Ctrl+.) on the diagnostic. From the command line: \`hipaa-notify check --fix\` (\`--dry-run\` prints the diff); fixes that need the author's input are offered in the editor only.\n\n`;
}

const documented: Array<{ readonly id: string; readonly expected: (page: string) => string }> = [
  ...templateRules.filter((r) => r.fix).map((rule) => ({ id: rule.id, expected: (page: string) => quickFixSection(rule, fixedExample(rule, page)) })),
  ...policyFileRules.filter((r) => r.fix).map((rule) => ({ id: rule.id, expected: (page: string) => quickFixSection(rule, fixedPolicyExample(rule, page), 'YAML') })),
];

for (const rule of documented) {
  test(`${rule.id}: the doc page shows the quick fix as it is applied to its failing example`, () => {
    const file = pageOf(rule.id);
    const page = fs.readFileSync(file, 'utf8');
    const expected = rule.expected(page);
    const current = section(page, 'Quick fix');
    if (update && current !== expected) {
      const next = current !== undefined ? page.replace(current, expected) : page.replace('\n## Suppressing\n', `\n${expected}## Suppressing\n`);
      fs.writeFileSync(file, next);
      return;
    }
    assert.equal(current, expected, `${rule.id}: run UPDATE_DOCS=1 node --test out/test/unit/rules/fixDocs.test.js to refresh the page`);
  });
}

test('a rule without a quick fix says why on its page', () => {
  const fixable = new Set(documented.map((r) => r.id));
  for (const { id } of catalog) {
    if (fixable.has(id) || !fs.existsSync(pageOf(id))) continue;
    const quickFix = section(fs.readFileSync(pageOf(id), 'utf8'), 'Quick fix');
    assert.ok(quickFix, `${id}: a '## Quick fix' section`);
    assert.match(quickFix, /^## Quick fix\nNo quick fix: .{40,}/, `${id}: says why there is no quick fix`);
  }
});
