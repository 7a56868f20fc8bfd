// Writes schemas/notification-policy.schema.json from its TypeScript source
// (server/src/syntax/policy/policySchema.ts, compiled to out/). Run after `tsc -b`.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { policySchema } = require(path.join(repo, 'out/server/src/syntax/policy/policySchema.js'));
const target = path.join(repo, 'schemas/notification-policy.schema.json');
fs.writeFileSync(target, JSON.stringify(policySchema, null, 2) + '\n');
console.log(`wrote ${path.relative(repo, target)}`);
const { snapshotSchema } = require(path.join(repo, 'out/server/src/azure/snapshotSchema.js'));
const snapshotTarget = path.join(repo, 'schemas/live-snapshot.schema.json');
fs.writeFileSync(snapshotTarget, JSON.stringify(snapshotSchema, null, 2) + '\n');
console.log(`wrote ${path.relative(repo, snapshotTarget)}`);
