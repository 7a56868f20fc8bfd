import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCoverageArguments } from '../../../server/src/cli/coverage/coverageArguments';
import { UsageError } from '../../../server/src/cli/arguments';

const id = '2b5c6f1e-8d7a-4c3b-9e2f-0a1b2c3d4e5f';

test('coverage arguments as the issue lists them', () => {
  assert.deepEqual(parseCoverageArguments(['--subscription', id, `--subscription=${id}`, '--tenant', 't', '--cloud', 'AzureUSGovernment', '--format', 'sarif', '--output', 'o.sarif', '--snapshot-out', 's.json']), {
    subscriptions: [id, id],
    tenant: 't',
    cloud: 'AzureUSGovernment',
    format: 'sarif',
    output: 'o.sarif',
    snapshotOut: 's.json',
  });
  assert.deepEqual(parseCoverageArguments(['--snapshot', 's.json']), { subscriptions: [], format: 'text', snapshot: 's.json' });
  assert.deepEqual(parseCoverageArguments(['--arm-endpoint', 'https://127.0.0.1:8443']), { subscriptions: [], format: 'text', armEndpoint: 'https://127.0.0.1:8443' });
});

test('coverage usage errors', () => {
  for (const argv of [['--cloud', 'AzureGermanCloud'], ['--subscription', 'prod'], ['--cloud', 'AzureCloud', '--arm-endpoint', 'https://x'], ['--snapshot', 's', '--tenant', 't'], ['path'], ['--format', 'xml'], ['--bogus']]) {
    assert.throws(() => parseCoverageArguments(argv), UsageError, argv.join(' '));
  }
});
