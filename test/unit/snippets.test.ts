import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseBicep } from '../../server/src/syntax/bicep';
import { analysePolicyFile } from '../../server/src/rules/policy';

const repo = path.resolve(__dirname, '../../..');
type Snippet = { prefix: string; body: string[]; description?: string };
const snippets = (name: string): Array<[string, Snippet]> => Object.entries(JSON.parse(fs.readFileSync(path.join(repo, 'snippets', name), 'utf8')));

/** The text a snippet inserts when every placeholder keeps its default (the first choice). */
function expand(body: readonly string[]): string {
  let text = body.join('\n');
  for (let pass = 0; pass < 5; pass++) {
    text = text
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^{}]*)\}/g, '$1')
      .replace(/\$\{0\}|\$0/g, '')
      .replace(/\$\{\d+\}|\$\d+/g, 'value')
      .replace(/\$\{(TM_FILENAME_BASE|WORKSPACE_NAME)[^}]*\}/g, 'sample');
  }
  return text.replace(/\\\$/g, '$');
}

test('every snippet has a hn- prefix and a description', () => {
  for (const file of ['bicep.json', 'arm.json', 'policy.json']) {
    for (const [name, snippet] of snippets(file)) {
      assert.match(snippet.prefix, /^hn-[a-z-]+$/, name);
      assert.ok(snippet.description && snippet.description.length > 10, name);
    }
  }
});

test('Bicep snippets parse without errors once expanded', () => {
  for (const [name, snippet] of snippets('bicep.json')) {
    const problems = parseBicep(expand(snippet.body)).problems;
    assert.deepEqual(problems, [], `${name}:\n${expand(snippet.body)}`);
  }
});

test('ARM snippets are JSON array items (resources) once expanded', () => {
  for (const [name, snippet] of snippets('arm.json')) {
    const errors: ParseError[] = [];
    parseTree(`[${expand(snippet.body)}]`, errors, { allowTrailingComma: false, disallowComments: true });
    assert.deepEqual(errors, [], name);
  }
});

test('the policy file snippet is a policy with no findings of its own', () => {
  const [, policy] = snippets('policy.json').find(([, s]) => s.prefix === 'hn-policy')!;
  const text = expand(policy.body);
  assert.deepEqual(analysePolicyFile('snippet.hipaa-notify.yaml', text).findings, [], text);
});
