import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';
import { recordText } from '../../../server/src/azure/liveRecordText';
import type { LiveResource } from '../../../server/src/azure/snapshot';
import { editedRecord } from '../../../server/src/fixes/liveRecordEdits';
import type { Origin } from '../../../server/src/model/value';
import { FixExpression, addItem, replaceStart, replaceValue, setProperty } from '../../../server/src/rules/fixIntent';

const record: LiveResource = {
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag-pager',
  type: 'Microsoft.Insights/actionGroups',
  name: 'ag-pager',
  location: 'Global',
  properties: { enabled: false, webhookReceivers: [{ name: 'w', serviceUri: 'HTTP://pager.example.com/x' }], emailReceivers: [] },
};

/** Where the value at `path` is written in the text "Open resource JSON" shows. */
function at(path: JSONPath, of: LiveResource = record): Origin {
  const node = findNodeAtLocation(parseTree(recordText(of))!, path)!;
  return { file: of.id, span: { offset: node.offset, length: node.length } };
}

test('each intent edits the value its origin names in the record text, and nothing else', () => {
  const edited = editedRecord(record, [
    replaceValue(at(['properties', 'enabled']), true),
    replaceStart(at(['properties', 'webhookReceivers', 0, 'serviceUri']), 'http://', 'https://'),
    setProperty(at(['properties', 'webhookReceivers', 0]), ['useCommonAlertSchema'], true),
    addItem(at(['properties', 'emailReceivers']), { name: 'oncall', emailAddress: 'oncall@contoso.test' }),
    setProperty(at([]), ['identity'], { type: 'SystemAssigned' }),
  ]);
  assert.deepEqual(edited, {
    ...record,
    identity: { type: 'SystemAssigned' },
    properties: {
      enabled: true,
      webhookReceivers: [{ name: 'w', serviceUri: 'https://pager.example.com/x', useCommonAlertSchema: true }],
      emailReceivers: [{ name: 'oncall', emailAddress: 'oncall@contoso.test' }],
    },
  });
  assert.equal((record.properties as { enabled: boolean }).enabled, false, 'the record itself is left as read');
});

test('a property set with an empty path merges the value into the object; nested paths are created', () => {
  const edited = editedRecord(record, [setProperty(at(['properties']), [], { groupShortName: 'pager' }), setProperty(at(['properties']), ['a', 'b'], 1)]);
  assert.deepEqual((edited?.properties as Record<string, unknown>).groupShortName, 'pager');
  assert.deepEqual((edited?.properties as Record<string, unknown>).a, { b: 1 });
});

test('an expression stays an expression (Bicep writes it), not its text', () => {
  const reference = new FixExpression('auditWorkspaceId', "parameters('auditWorkspaceId')");
  const edited = editedRecord(record, [setProperty(at(['properties']), ['workspaceId'], reference)]);
  assert.equal((edited?.properties as Record<string, unknown>).workspaceId, reference);
});

test('an intent whose origin is no value of the text, or whose value is not what it expects, edits nothing', () => {
  const enabled = at(['properties', 'enabled']);
  assert.equal(editedRecord(record, [replaceValue({ ...enabled, span: { offset: enabled.span.offset + 1, length: 2 } }, true)]), undefined);
  assert.equal(editedRecord(record, [replaceStart(at(['properties', 'webhookReceivers', 0, 'serviceUri']), 'ftp://', 'https://')]), undefined);
  assert.equal(editedRecord(record, [addItem(enabled, 'x')]), undefined);
  assert.equal(editedRecord(record, [setProperty(enabled, ['x'], 1)]), undefined);
  assert.equal(editedRecord(record, [setProperty(at(['properties']), ['enabled', 'deeper'], 1)]), undefined, 'a path through a boolean');
});
