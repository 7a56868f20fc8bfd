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
      return `@description('Action group ${i} for the privacy office')
resource actionGroup${i} 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-\${environment}-${i}'
  location: 'global'
  tags: {
    workload: 'phi'
    index: '${i}'
  }
  properties: {
    groupShortName: 'ag${i % 1000}'
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
      return `resource alert${i} 'Microsoft.Insights/activityLogAlerts@2020-10-01' = if (environment == 'prod') {
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
type receiver${i} = {
  @description('Display name')
  name: string
  email: string?
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
      return `output id${i} string = actionGroup${i - 5}.id
output names${i} array = names${i - 2}[?0] == null ? [] : [names${i - 2}[^1]]
`;
  }
}

if (require.main === module) {
  process.stdout.write(generateLargeBicep(Number(process.argv[2] ?? 5000)));
}
