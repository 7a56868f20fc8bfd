import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicepSuppressions } from '../../../server/src/suppression/bicepSuppressions';
import { applySuppressions } from '../../../server/src/suppression/suppression';
import { parseBicep } from '../../../server/src/syntax/bicep';
import type { Finding } from '../../../server/src/rules/finding';

const text = `// hipaa-notify-disable-next-line HN101 -- shared privacy-office mailbox
resource agPrivacy 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-privacy'
  properties: {
    emailReceivers: [
      { name: 'privacy', emailAddress: 'privacy-office@contoso.com' }
    ]
  }
}

resource agOther 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-other'
  properties: {
    // hipaa-notify-disable-next-line HN109
    webhookReceivers: [
      { name: 'hook', serviceUri: 'https://hooks.contoso.com/alert' }
    ]
    emailReceivers: [
      { name: 'jane', emailAddress: 'jane.doe@contoso.com' }
    ]
  }
}

// hipaa-notify-disable-next-line HN103 -- decorated declarations are covered from their decorator
@description('the pager group')
resource agPager 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-pager'
}
`;

const at = (ruleId: string, needle: string): Finding => ({ ruleId, level: 'warning', message: ruleId, file: 'main.bicep', span: { offset: text.indexOf(needle), length: needle.length } });

test('Bicep suppressions cover the whole declaration or property on the next line', () => {
  const file = parseBicep(text);
  assert.deepEqual(file.problems, []);
  const kept = applySuppressions(
    [
      at('HN101', "emailAddress: 'privacy-office@contoso.com'"),
      at('HN109', "serviceUri: 'https://hooks.contoso.com/alert'"),
      at('HN109', "emailAddress: 'jane.doe@contoso.com'"),
      at('HN101', "emailAddress: 'jane.doe@contoso.com'"),
      at('HN103', "name: 'ag-pager'"),
    ],
    'main.bicep',
    bicepSuppressions(file),
  );
  assert.deepEqual(kept.map((f) => `${f.ruleId} ${text.slice(f.span.offset, f.span.offset + 12)}`), [
    'HN109 emailAddress',
    'HN101 emailAddress',
    'HN009 // hipaa-not',
  ]);
});
