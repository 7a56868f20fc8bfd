/**
 * Writes a large, realistic Bicep template (parameters, types, functions, resources with nested
 * children, loops, conditions, modules, outputs) for the parser bench. Deterministic: the same
 * line count gives the same text. Run directly to print one: node out/test/bench/generateLargeBicep.js 5000
 */
export function generateLargeBicep(targetLines: number): string {
  const parts: string[] = [
    "metadata description = 'Generated notification estate for the parser bench'",
    "targetScope = 'resourceGroup'",
    '',
    "import { contactType } from 'types.bicep'",
    '',
    '@description(\'Deployment region\')',
    'param location string = resourceGroup().location',
    "@allowed([\n  'dev'\n  'prod'\n])\nparam environment string = 'prod'",
    'param contacts contactType[] = []',
    '',
  ];
  let lines = parts.join('\n').split('\n').length;
  for (let i = 0; lines < targetLines; i++) {
    const block = blockFor(i);
    parts.push(block);
    lines += block.split('\n').length;
  }
  return parts.join('\n') + '\n';
}

function blockFor(i: number): string {
  switch (i % 6) {
    case 0:
      return `// ---------------------------------------------------------------------------
// Action group ${i}: who hears about a possible breach, and how
// ---------------------------------------------------------------------------

@sys.description('Optional. Short name of action group ${i}, shown in SMS and email notifications. Defaults to the first 12 characters of the name.')
@maxLength(12)
param actionGroup${i}ShortName string = 'ag${i % 1000}'

@description('Action group ${i} for the privacy office')
resource actionGroup${i} 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-\${environment}-${i}'
  location: 'global'
  tags: {
    workload: 'phi'
    index: '${i}'
  }
  properties: {
    groupShortName: actionGroup${i}ShortName
    enabled: true
    emailReceivers: [for (c, n) in contacts: {
      name: 'email-\${n}'
      emailAddress: c.email
      useCommonAlertSchema: true
    }]
    webhookReceivers: [
      {
        name: 'soc'
        serviceUri: 'https://soc.example.com/hooks/${i}?env=\${toLower(environment)}'
        useCommonAlertSchema: environment == 'prod' && length(contacts) > 0
      }
    ]
  }
}
`;
    case 1:
      return `// Raise an activity log alert when a storage account that may hold PHI is deleted (HIPAA 164.308(a)(6)).
resource alert${i} 'Microsoft.Insights/activityLogAlerts@2020-10-01' = if (environment == 'prod') {
  name: 'alert-${i}'
  location: 'global'
  properties: {
    scopes: [
      resourceGroup().id
    ]
    condition: {
      allOf: [
        {
          field: 'category'
          equals: 'Administrative'
        }
        {
          field: 'operationName'
          equals: 'Microsoft.Storage/storageAccounts/delete'
        }
      ]
    }
    actions: {
      actionGroups: [
        {
          actionGroupId: actionGroup${i - 1}.id
        }
      ]
    }
    enabled: !empty(contacts) ? true : false
  }
}
`;
    case 2:
      return `resource storage${i} 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st\${uniqueString(resourceGroup().id, '${i}')}', 24)
  location: location
  kind: 'StorageV2'
  sku: {
    name: environment == 'prod' ? 'Standard_GRS' : 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }

  resource blobs 'blobServices' = {
    name: 'default'
    resource audit 'containers' = {
      name: 'audit-${i}'
    }
  }
}

resource diagnostics${i} 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-${i}'
  scope: storage${i}
  properties: {
    workspaceId: resourceId('Microsoft.OperationalInsights/workspaces', 'law-\${environment}')
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}
`;
    case 3:
      return `@export()
@description('A person or system told about a security incident.')
type receiver${i} = {
  @description('Required. The display name of the receiver, as shown in the notification.')
  name: string

  @description('Optional. The email address that receives the notification. Leave empty for webhook-only receivers.')
  email: string?

  @description('Required. The severity from which this receiver is notified: 0 (critical) to 4 (verbose).')
  severity: 0 | 1 | 2 | 3 | 4
  *: string
}

func label${i}(name string, n int) string => '\${name}-\${n}-\${environment}'

var names${i} = map(range(0, 5), n => label${i}('item', n))
var filtered${i} = filter(names${i}, name => !contains(name, 'skip') || startsWith(name, 'item'))
var total${i} = reduce(range(0, 10), 0, (acc, n) => acc + n * 2 - (n % 3))
`;
    case 4:
      return `@batchSize(2)
module notify${i} 'modules/notify.bicep' = [for (c, n) in contacts: if (c.?enabled ?? true) {
  name: 'notify-${i}-\${n}'
  params: {
    location: location
    receiver: c
    secret: az.deployment().name
  }
}]
`;
    default:
      return `@description('The resource ID of the action group.')
output id${i} string = actionGroup${i - 5}.id

@description('The names of the generated items, or an empty array.')
output names${i} array = names${i - 2}[?0] == null ? [] : [names${i - 2}[^1]]
`;
  }
}

if (require.main === module) {
  process.stdout.write(generateLargeBicep(Number(process.argv[2] ?? 5000)));
}
