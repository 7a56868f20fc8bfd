/** Realistic Bicep written for these tests (notification chains: alerts, action groups, diagnostics). */
export const notificationTemplate = `// Breach-notification chain for a workload
metadata description = 'Alerts, action groups and audit logs for PHI stores'
targetScope = 'resourceGroup'

import { contactType } from 'types.bicep'
import * as shared from 'shared.bicep'

@description('Where the resources go.')
param location string = resourceGroup().location

@minLength(3)
@maxLength(24)
param prefix string

@secure()
param webhookSecret string

@allowed([
  'dev'
  'prod'
])
param environment string = 'prod'

param contacts contactType[] = []

param tags object = {
  workload: 'phi-store'
  'cost-center': '1234'
}

type severity = 0 | 1 | 2 | 3 | 4

@export()
type receiver = {
  @description('Display name')
  name: string
  email: string?
  useCommonAlertSchema: bool
  *: string
}

@description('Builds a resource name')
func resourceName(kind string, suffix int) string => '\${prefix}-\${kind}-\${environment}-\${suffix}'

var isProd = environment == 'prod'
var logRetentionDays = isProd ? 365 : 30
var emailReceivers = [for (c, i) in contacts: {
  name: 'email-\${i}'
  emailAddress: c.email
  useCommonAlertSchema: true
}]
var categories = filter(['AuditEvent', 'SignInLogs', 'StorageRead'], c => !contains(c, 'Sign'))
var banner = '''
This chain notifies the privacy officer within 60 days of discovery.
It's written as a multi-line string: 'quotes' stay.
'''
var summary = $'''
Environment: \${environment}
Receivers: \${length(contacts)}
'''

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: resourceName('law', 1)
  location: location
  tags: union(tags, { role: 'audit' })
  properties: {
    retentionInDays: logRetentionDays
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: '\${prefix}-kv'
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: resourceName('ag', 1)
  location: 'global'
  properties: {
    groupShortName: take(prefix, 12)
    enabled: true
    emailReceivers: emailReceivers
    webhookReceivers: [
      {
        name: 'soc'
        serviceUri: 'https://soc.example.com/hook?code=\${webhookSecret}'
        useCommonAlertSchema: true
      }
    ]
  }
}

resource auditDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-law'
  scope: vault
  properties: {
    workspaceId: workspace.id
    logs: [for category in categories: {
      category: category
      enabled: true
    }]
  }
}

resource deleteAlert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = if (isProd) {
  name: resourceName('alert', 1)
  location: 'global'
  properties: {
    scopes: [
      resourceGroup().id
    ]
    condition: {
      allOf: [
        {
          field: 'operationName'
          equals: 'Microsoft.KeyVault/vaults/delete'
        }
      ]
    }
    actions: {
      actionGroups: [
        {
          actionGroupId: actionGroup.id
        }
      ]
    }
    enabled: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: toLower('\${prefix}phi')
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_GRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
  }

  resource blobService 'blobServices' = {
    name: 'default'

    @batchSize(1)
    resource containers 'containers' = [for name in ['phi', 'audit']: {
      name: name
    }]
  }
}

@batchSize(2)
module alerts 'modules/alerts.bicep' = [for (sev, i) in range(0, 3): if (sev < 2) {
  name: 'alerts-\${i}'
  params: {
    severity: sev
    actionGroupId: actionGroup.id
    workspaceId: workspace.?id ?? ''
  }
}]

module registryModule 'br/public:avm/res/insights/action-group:0.4.0' = {
  name: 'avm-ag'
  params: {
    name: '\${prefix}-avm-ag'
    groupShortName: 'avm'
    ...shared.defaults
  }
}

module specModule 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = {
  name: 'spec'
}

#disable-next-line no-unused-vars
var unused = storage::blobService::containers[0].id

// hipaa-notify-disable-next-line HN101 -- the SOC webhook covers this
output actionGroupId string = actionGroup.id
output firstReceiver string? = emailReceivers[?0].?name
output lastCategory string = categories[^1]
output alertsEnabled bool = !empty(contacts) && (isProd || environment =~ 'PROD')
output grsSku resourceOutput<'Microsoft.Storage/storageAccounts@2023-05-01'>.sku = storage.sku
output keys object = storage.listKeys()
output count int = length(contacts) * 2 + 1 - (3 % 2)
`;

export const paramsFile = `using 'main.bicep'

param prefix = 'hn'
param environment = 'prod'
param webhookSecret = readEnvironmentVariable('WEBHOOK_SECRET', '')
param contacts = [
  {
    name: 'privacy officer'
    email: 'privacy@example.com'
  }
]
var region = 'westeurope'
param location = region
`;

export const logicAppTemplate = `extension microsoftGraph

param location string = resourceGroup().location
param officers array

resource notifier 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'breach-notifier'
  location: location
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        manual: {
          type: 'Request'
          kind: 'Http'
        }
      }
      actions: {
        notify: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://notify.example.com/\${officers[0]}'
            body: {
              text: '@{triggerBody()?[\\'message\\']}'
            }
          }
        }
      }
    }
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: 'storage-events'
  location: location
  properties: {
    source: resourceId('Microsoft.Storage/storageAccounts', 'phi')
    topicType: 'Microsoft.Storage.StorageAccounts'
  }

  resource subscription 'eventSubscriptions' = {
    name: 'to-logic-app'
    properties: {
      destination: {
        endpointType: 'WebHook'
        properties: {
          endpointUrl: listCallbackUrl('\${notifier.id}/triggers/manual', '2019-05-01').value
        }
      }
      filter: {
        includedEventTypes: [
          'Microsoft.Storage.BlobDeleted'
        ]
      }
    }
  }
}

output triggerUrl string = notifier.properties.?accessEndpoint ?? 'none'
output shapes array = map(officers, o => {
  name: o.name
  lower: toLower(o.name)
})
output total int = reduce(officers, 0, (acc, o) => acc + length(o.name))
`;

export const samples: readonly { readonly name: string; readonly text: string; readonly kind: 'bicep' | 'bicepparam' }[] = [
  { name: 'notifications.bicep', text: notificationTemplate, kind: 'bicep' },
  { name: 'notifications.bicepparam', text: paramsFile, kind: 'bicepparam' },
  { name: 'logicApp.bicep', text: logicAppTemplate, kind: 'bicep' },
];
