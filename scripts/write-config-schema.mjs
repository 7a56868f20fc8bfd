// Writes schemas/config.schema.json from the rule catalog (run after adding a rule; a meta-test
// fails when the two disagree). Needs the TypeScript build in out/.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { catalog } = require('../out/server/src/rules/catalog.js');

const rules = {};
for (const rule of catalog) {
  rules[rule.id] = { $ref: '#/$defs/level', description: `${rule.name} (${rule.level} by default): ${rule.summary}` };
}
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:hipaa-notify:schemas:config',
  title: 'hipaa-notify configuration (hipaa-notify.json)',
  description: 'Workspace settings for hipaa-notify: rule levels, ignored paths and the default time zone. The nearest hipaa-notify.json up the folder tree of a file applies to it.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'The schema of this file.' },
    rules: {
      type: 'object',
      description: 'Level per rule ID; off turns a rule off.',
      additionalProperties: false,
      properties: rules,
      examples: [{ HN304: 'off', HN105: 'error' }],
    },
    ignore: {
      type: 'array',
      description: "Glob patterns of paths, relative to this file's folder, that are not checked (node_modules and .git never are).",
      items: { type: 'string', minLength: 1 },
      examples: [['test/fixtures/**', '**/*.generated.json']],
    },
    timeZone: {
      type: 'string',
      description: 'Default time zone for quick fixes that add one (HN205): a Windows time zone ID as Logic Apps expect, e.g. Central Standard Time. UTC when absent.',
      examples: ['Central Standard Time'],
    },
  },
  $defs: { level: { enum: ['off', 'info', 'warning', 'error'], description: 'off, info, warning or error.' } },
};
fs.writeFileSync(new URL('../schemas/config.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
