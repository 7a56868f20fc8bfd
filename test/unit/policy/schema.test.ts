import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { policySchema, policySchemaId } from '../../../server/src/syntax/policy/policySchema';
import { analysePolicyFile } from '../../../server/src/rules/policy';
import { validYaml } from './policyCases';

const repo = path.resolve(__dirname, '../../../..');

test('schemas/notification-policy.schema.json is written from policySchema.ts (run scripts/write-schemas.mjs)', () => {
  const written = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/notification-policy.schema.json'), 'utf8'));
  assert.deepEqual(written, JSON.parse(JSON.stringify(policySchema)));
  assert.equal(written.$id, policySchemaId);
  assert.equal(written.$schema, 'https://json-schema.org/draft/2020-12/schema');
});

type Schema = Record<string, unknown>;

/** Every property schema, with its path, following $defs. */
function fields(schema: Schema, at: string, out: [string, Schema][] = []): [string, Schema][] {
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    if (typeof sub !== 'object') continue;
    out.push([`${at}.${name}`, sub]);
    fields(sub, `${at}.${name}`, out);
    if (sub.items && typeof sub.items === 'object') {
      out.push([`${at}.${name}[]`, sub.items as Schema]);
      fields(sub.items as Schema, `${at}.${name}[]`, out);
    }
  }
  return out;
}

test('every field has a description and examples, and every example is valid for its field', () => {
  const ajv = new Ajv2020({ strictTypes: false, strictRequired: false });
  addFormats(ajv, ['email']);
  ajv.addSchema(policySchema as object);
  const all = [...fields(policySchema as Schema, '#'), ...Object.entries(policySchema.$defs).flatMap(([name, def]) => [[`$defs.${name}`, def as Schema] as [string, Schema], ...fields(def as Schema, `$defs.${name}`)])];
  assert.ok(all.length > 30, `${all.length} fields`);
  for (const [where, field] of all) {
    const own = field.$ref ? { ...(policySchema.$defs as Record<string, Schema>)[String(field.$ref).replace('#/$defs/', '')], ...field } : field;
    assert.equal(typeof own.description, 'string', `${where} has a description`);
    assert.ok(Array.isArray(own.examples) && own.examples.length > 0, `${where} has examples`);
  }
  for (const [name, def] of Object.entries(policySchema.$defs)) {
    const validate = ajv.getSchema(`${policySchemaId}#/$defs/${name}`)!;
    for (const example of (def as { readonly examples: readonly unknown[] }).examples) assert.ok(validate(example), `$defs.${name} example ${JSON.stringify(example)}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the example of POLICY-FORMAT.md, in YAML and JSON, passes the schema and every rule', () => {
  assert.deepEqual(analysePolicyFile('format.hipaa-notify.yaml', validYaml).findings, []);
  assert.deepEqual(analysePolicyFile('format.hipaa-notify.json', JSON.stringify(parse(validYaml), null, 2)).findings, []);
});

test('durations: days only for deadlines, days and time for escalation', () => {
  const days = new RegExp(policySchema.$defs.days.pattern);
  for (const ok of ['P60D', 'P1D', 'P0D']) assert.match(ok, days);
  for (const bad of ['P2M', 'P1Y', 'P8W', 'PT24H', 'P60', '60D', 'P60D ']) assert.doesNotMatch(bad, days);
  const duration = new RegExp(policySchema.$defs.duration.pattern);
  for (const ok of ['PT15M', 'PT4H', 'P1D', 'P1DT12H', 'PT30S', 'PT0.5S']) assert.match(ok, duration);
  for (const bad of ['P', 'PT', 'P1DT', 'PT15', '15M', 'P1M', 'P1Y', 'P1W', 'pt15m']) assert.doesNotMatch(bad, duration);
});
