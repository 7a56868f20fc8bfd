// Claims-processing platform: breach and audit-failure notification system
// (resource group scope). This is the "before" picture: every HN1xx-HN4xx rule fires
// somewhere in this folder. Each violation has a comment naming the rule above it.
// The fixed twin is ../compliant/main.bicep.

@description('Region of the regional resources; action groups are global.')
param location string = resourceGroup().location

// HN101: the on-call recipient is a person's address, through this parameter default
@description('On-call engineer who receives claims-platform alerts.')
param onCallEmail string = 'dana.whitfield@contoso-claims.com'

@description('Time zone of the escalation schedule (supplied by main.bicepparam).')
param escalationTimeZone string

@description('Days the audit workspace keeps logs (supplied by main.bicepparam).')
param auditRetentionDays int = 365

@description('Client secret of the app registration the escalation Logic App signs in with.')
@secure()
param graphClientSecret string = ''

param tenantId string = subscription().tenantId

// HN207: the partner's ticketing webhook is plain http, through this variable
var ticketingWebhookUrl = 'http://tickets.claims-partner.example.com/api/azure-alerts'

var claimsStorageName = 'stclaimsdocs001'
var keyVaultName = 'kv-claims-notify'
var workspaceName = 'law-claims-audit'

// Blob events from the claims document store that should page someone.
var blobEventRules = [
  {
    name: 'claims-blob-deleted'
    eventTypes: [
      'Microsoft.Storage.BlobDeleted'
    ]
  }
  {
    name: 'claims-blob-tier-changed'
    eventTypes: [
      'Microsoft.Storage.BlobTierChanged'
    ]
  }
]

// ---------------------------------------------------------------------------
// Audit workspace
// ---------------------------------------------------------------------------

resource law 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    // HN303: 90 days from main.bicepparam, and no table keeps the logs six years
    retentionInDays: auditRetentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

// ---------------------------------------------------------------------------
// PHI stores
// ---------------------------------------------------------------------------

// HN302: claims documents (PHI) with no diagnostic setting on the blob service
resource claimsStorage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: claimsStorageName
  location: location
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource claimsBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: claimsStorage
  name: 'default'
}

resource claimsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: claimsBlob
  name: 'claims-documents'
  properties: {
    publicAccess: 'None'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'kv-audit-to-law'
  scope: keyVault
  properties: {
    workspaceId: law.id
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

// Key Vault Reader only shows secret metadata: this is why HN402 fires on Get_paging_key.
resource notifierVaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, notifier.id, '21090545-7ca7-4776-b22c-e363652d74d2')
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '21090545-7ca7-4776-b22c-e363652d74d2')
    principalId: notifier.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------
// Notification Logic Apps
// ---------------------------------------------------------------------------

resource office365 'Microsoft.Web/connections@2016-06-01' = {
  name: 'office365-claims-notify'
  location: location
  properties: {
    displayName: 'Claims notifications mailbox'
    api: {
      id: subscriptionResourceId('Microsoft.Web/locations/managedApis', location, 'office365')
    }
  }
}

// Receives alerts from ag-claims-tier1 and the Defender automation.
resource notifier 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'la-claims-breach-notifier'
  location: location
  tags: {
    'hipaa-notify': 'notification'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        '$connections': {
          type: 'Object'
          defaultValue: {}
        }
      }
      triggers: {
        manual: {
          type: 'Request'
          kind: 'Http'
          inputs: {
            schema: {}
          }
        }
      }
      actions: {
        // HN402: reads a secret from kv-claims-notify, whose RBAC grants this identity no secret read
        Get_paging_key: {
          type: 'Http'
          inputs: {
            method: 'GET'
            uri: 'https://${keyVaultName}.vault.azure.net/secrets/paging-api-key?api-version=7.4'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://vault.azure.net'
            }
          }
          runAfter: {}
          runtimeConfiguration: {
            secureData: {
              properties: [
                'outputs'
              ]
            }
          }
        }
        // HN202: nothing runs after this action when it fails or times out
        Send_breach_email: {
          type: 'ApiConnection'
          inputs: {
            host: {
              connection: {
                name: '@parameters(\'$connections\')[\'office365\'][\'connectionId\']'
              }
            }
            method: 'post'
            path: '/v2/Mail'
            body: {
              // HN102: a literal personal address as the recipient
              To: 'dana.whitfield@contoso-claims.com'
              Subject: 'Possible PHI incident: @{triggerBody()?[\'data\']?[\'essentials\']?[\'alertRule\']}'
              Body: '<p>@{triggerBody()?[\'data\']?[\'essentials\']?[\'description\']}</p>'
              Importance: 'High'
            }
            // HN201: no retry: one transient Exchange error and the notice is lost
            retryPolicy: {
              type: 'none'
            }
          }
          runAfter: {
            Get_paging_key: [
              'Succeeded'
            ]
          }
        }
      }
      outputs: {}
    }
    parameters: {
      '$connections': {
        value: {
          office365: {
            connectionId: office365.id
            connectionName: office365.name
            id: subscriptionResourceId('Microsoft.Web/locations/managedApis', location, 'office365')
          }
        }
      }
    }
  }
}

resource notifierTrigger 'Microsoft.Logic/workflows/triggers@2019-05-01' existing = {
  parent: notifier
  name: 'manual'
}

resource notifierDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'notifier-runs-to-law'
  scope: notifier
  properties: {
    workspaceId: law.id
    logs: [
      {
        category: 'WorkflowRuntime'
        enabled: true
      }
    ]
  }
}

// Sends the privacy office a digest of open incidents every morning.
resource digest 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'la-claims-daily-digest'
  location: location
  tags: {
    'hipaa-notify': 'notification'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    // HN208: the digest was switched off during an incident and never switched back on
    state: 'Disabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        // HN205: recurrence without timeZone: 07:30 is UTC, not the privacy office's morning
        Every_morning: {
          type: 'Recurrence'
          recurrence: {
            frequency: 'Day'
            interval: 1
            startTime: '2026-01-05T07:30:00'
            schedule: {
              hours: [
                7
              ]
              minutes: [
                30
              ]
            }
          }
        }
      }
      actions: {
        Post_digest_to_privacy_channel: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://contoso.webhook.office.com/webhookb2/privacy-office/IncomingWebhook/claims-digest'
            body: {
              text: 'Open PHI incidents: @{utcNow()}'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {}
        }
        Record_digest_failure: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://${claimsStorageName}.queue.core.windows.net/notification-failures/messages'
            body: '<QueueMessage><MessageText>digest failed @{utcNow()}</MessageText></QueueMessage>'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://storage.azure.com/'
            }
          }
          runAfter: {
            Post_digest_to_privacy_channel: [
              'Failed'
              'TimedOut'
            ]
          }
        }
      }
      outputs: {}
    }
  }
}

resource digestDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'digest-runs-to-law'
  scope: digest
  properties: {
    workspaceId: law.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

// Re-sends unacknowledged incidents to the privacy office every four hours.
// HN301: no diagnostic setting sends its run history to Log Analytics
// HN403: calls Microsoft Graph with a client secret and has no managed identity
resource escalation 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'la-claims-escalation'
  location: location
  tags: {
    'hipaa-notify': 'notification'
  }
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        graphClientSecret: {
          type: 'SecureString'
          defaultValue: ''
        }
      }
      triggers: {
        Every_four_hours: {
          type: 'Recurrence'
          recurrence: {
            frequency: 'Hour'
            interval: 4
            startTime: '2026-01-05T08:00:00'
            // HN206: 'America/New_York' (from main.bicepparam) is an IANA name, not a Windows ID
            timeZone: escalationTimeZone
          }
        }
      }
      actions: {
        Send_escalation_mail: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://graph.microsoft.com/v1.0/users/claims-notify@contoso-claims.com/sendMail'
            body: {
              message: {
                subject: 'Unacknowledged PHI incident'
                toRecipients: '@body(\'Parse_open_incidents\')?[\'recipients\']'
              }
            }
            authentication: {
              type: 'ActiveDirectoryOAuth'
              tenant: tenantId
              audience: 'https://graph.microsoft.com'
              clientId: '5b0f7c1e-93a4-4d8e-a6b2-1c9f0e7d3a58'
              secret: '@parameters(\'graphClientSecret\')'
            }
          }
          runAfter: {}
        }
        Open_partner_ticket: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: ticketingWebhookUrl
            body: {
              summary: 'Unacknowledged PHI incident'
            }
          }
          runAfter: {
            Send_escalation_mail: [
              'Succeeded'
            ]
          }
        }
        Record_escalation_failure: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://${claimsStorageName}.queue.core.windows.net/notification-failures/messages'
            body: '<QueueMessage><MessageText>escalation failed @{utcNow()}</MessageText></QueueMessage>'
          }
          runAfter: {
            Send_escalation_mail: [
              'Failed'
              'TimedOut'
            ]
          }
        }
        Record_ticket_failure: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://${claimsStorageName}.queue.core.windows.net/notification-failures/messages'
            body: '<QueueMessage><MessageText>ticket failed @{utcNow()}</MessageText></QueueMessage>'
          }
          runAfter: {
            Open_partner_ticket: [
              'Failed'
              'TimedOut'
            ]
          }
        }
      }
      outputs: {}
    }
    parameters: {
      graphClientSecret: {
        value: graphClientSecret
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Action groups
// ---------------------------------------------------------------------------

// HN101: only a person's address and phone numbers, no armRoleReceivers
resource agOnCall 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-claims-oncall'
  location: 'Global'
  properties: {
    groupShortName: 'claims-oc'
    enabled: true
    emailReceivers: [
      {
        name: 'on-call-engineer'
        emailAddress: onCallEmail
        useCommonAlertSchema: true
      }
    ]
    smsReceivers: [
      {
        name: 'on-call-sms'
        countryCode: '1'
        phoneNumber: '3125550147'
      }
    ]
    voiceReceivers: [
      {
        name: 'on-call-voice'
        countryCode: '1'
        phoneNumber: '3125550147'
      }
    ]
    webhookReceivers: [
      {
        name: 'partner-ticketing'
        // HN207: http:// endpoint, from the variable ticketingWebhookUrl
        serviceUri: ticketingWebhookUrl
        // HN109: the partner parser gets a different payload for each alert type
        useCommonAlertSchema: false
        // HN209: no useAadAuth: the endpoint cannot tell Azure Monitor from anyone else
      }
    ]
  }
}

resource agTier1 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-claims-tier1'
  location: 'Global'
  properties: {
    groupShortName: 'claims-t1'
    enabled: true
    armRoleReceivers: [
      {
        name: 'monitoring-contributors'
        roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa'
        useCommonAlertSchema: true
      }
    ]
    logicAppReceivers: [
      {
        name: 'breach-notifier'
        resourceId: notifier.id
        callbackUrl: notifierTrigger.listCallbackUrl().value
        // HN109: common alert schema off
        useCommonAlertSchema: false
      }
    ]
  }
}

// HN103: disabled when the old pager vendor was retired; alerts still point at it
resource agLegacy 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-claims-legacy-pager'
  location: 'Global'
  properties: {
    groupShortName: 'claims-old'
    enabled: false
    armRoleReceivers: [
      {
        name: 'owners'
        roleId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
        useCommonAlertSchema: true
      }
    ]
  }
}

// The privacy office's shared mailbox: a deliberate exception, suppressed with a reason.
// hipaa-notify-disable-next-line HN101 -- shared privacy-office mailbox; membership is managed in Exchange by the privacy officer
resource agPrivacyMailbox 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-claims-privacy-mailbox'
  location: 'Global'
  properties: {
    groupShortName: 'claims-pm'
    enabled: true
    emailReceivers: [
      {
        name: 'privacy-office'
        emailAddress: 'privacy-office@contoso-claims.com'
        useCommonAlertSchema: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------
// Alert rules
// ---------------------------------------------------------------------------

// HN105: scoped to the whole resource group without targetResourceType/targetResourceRegion
resource storageAvailability 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-claims-storage-availability'
  location: 'global'
  properties: {
    description: 'Availability of the claims document stores dropped below 99.9 %.'
    severity: 1
    enabled: true
    scopes: [
      resourceGroup().id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'availability'
          metricNamespace: 'Microsoft.Storage/storageAccounts'
          metricName: 'Availability'
          operator: 'LessThan'
          threshold: 99
          timeAggregation: 'Average'
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: agTier1.id
      }
    ]
  }
}

// HN104: routed only to the disabled legacy pager group
resource notifierFailures 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-claims-notifier-runs-failed'
  location: 'global'
  properties: {
    description: 'The breach notifier Logic App has failed runs.'
    severity: 1
    enabled: true
    scopes: [
      notifier.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'runs-failed'
          metricName: 'RunsFailed'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [
      {
        actionGroupId: agLegacy.id
      }
    ]
  }
}

// HN105: a log alert over the subscription with neither dimensions nor resourceIdColumn
resource bulkExport 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'claims-phi-bulk-export'
  location: location
  kind: 'LogAlert'
  properties: {
    displayName: 'Bulk read of claims documents'
    description: 'More than 500 successful blob reads by one caller in 15 minutes.'
    severity: 1
    enabled: true
    scopes: [
      subscription().id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'StorageBlobLogs | where OperationName == "GetBlob" and StatusCode == 200'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 500
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        agTier1.id
      ]
    }
  }
}

// Administrative activity is routed; Security and Policy are not (HN108 fires for both,
// when a notification policy file is present).
resource administrativeAlert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'ala-claims-administrative'
  location: 'Global'
  properties: {
    description: 'Deletes of notification and audit configuration.'
    enabled: true
    scopes: [
      subscription().id
    ]
    condition: {
      allOf: [
        {
          field: 'category'
          equals: 'Administrative'
        }
        {
          anyOf: [
            {
              field: 'operationName'
              equals: 'Microsoft.Insights/diagnosticSettings/delete'
            }
            {
              field: 'operationName'
              equals: 'Microsoft.Insights/actionGroups/delete'
            }
          ]
        }
      ]
    }
    actions: {
      actionGroups: [
        {
          actionGroupId: agTier1.id
        }
      ]
    }
  }
}

// HN104: disabled, so Security events reach nobody
resource securityAlert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'ala-claims-security'
  location: 'Global'
  properties: {
    description: 'Security center events for the claims subscription.'
    enabled: false
    scopes: [
      subscription().id
    ]
    condition: {
      allOf: [
        {
          field: 'category'
          equals: 'Security'
        }
      ]
    }
    actions: {
      actionGroups: [
        {
          actionGroupId: agTier1.id
        }
      ]
    }
  }
}

// ---------------------------------------------------------------------------
// Event Grid: blob events of the claims store to the notifier
// ---------------------------------------------------------------------------

resource claimsTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: 'evgt-claims-documents'
  location: location
  properties: {
    source: claimsStorage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// HN203: no deadLetterDestination (one finding per loop iteration)
// HN204: 3 attempts within 60 minutes, then the event is dropped
resource blobEventSubscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = [for rule in blobEventRules: {
  parent: claimsTopic
  name: rule.name
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: notifierTrigger.listCallbackUrl().value
      }
    }
    filter: {
      includedEventTypes: rule.eventTypes
      subjectBeginsWith: '/blobServices/default/containers/claims-documents/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 3
      eventTimeToLiveInMinutes: 60
    }
  }
}]

// HN207: Event Grid delivers audit events to the partner over http
resource ticketingSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: claimsTopic
  name: 'claims-blob-to-partner-ticketing'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: ticketingWebhookUrl
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterDestination: {
      endpointType: 'StorageBlob'
      properties: {
        resourceId: claimsStorage.id
        blobContainerName: 'eventgrid-deadletter'
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Defender for Cloud automation
// ---------------------------------------------------------------------------

resource defenderExport 'Microsoft.Security/automations@2023-12-01-preview' = {
  name: 'auto-claims-defender-alerts'
  location: location
  properties: {
    description: 'Sends Defender for Cloud alerts to the breach notifier.'
    // HN208: the export was disabled, so Defender alerts reach neither the notifier nor the workspace
    isEnabled: false
    scopes: [
      {
        description: 'Claims subscription'
        scopePath: subscription().id
      }
    ]
    sources: [
      {
        eventSource: 'Alerts'
        ruleSets: [
          {
            rules: [
              {
                propertyJPath: 'Severity'
                propertyType: 'String'
                expectedValue: 'High'
                operator: 'Equals'
              }
            ]
          }
        ]
      }
    ]
    actions: [
      {
        actionType: 'LogicApp'
        logicAppResourceId: notifier.id
        uri: notifierTrigger.listCallbackUrl().value
      }
    ]
  }
}

// ---------------------------------------------------------------------------
// Network: the subnet of the notification relay
// ---------------------------------------------------------------------------

resource relayNsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-claims-notify-relay'
  location: location
  properties: {
    securityRules: [
      // HN401: denies 443, 587 and 25 to the Internet; the only Allow comes later (300)
      {
        name: 'Deny-Internet-Out'
        properties: {
          priority: 200
          direction: 'Outbound'
          access: 'Deny'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRanges: [
            '25'
            '443'
            '587'
          ]
        }
      }
      {
        name: 'Allow-AzureMonitor-Out'
        properties: {
          priority: 300
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'AzureMonitor'
          destinationPortRange: '443'
        }
      }
    ]
  }
}

resource relayVnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-claims-notify'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.42.0.0/24'
      ]
    }
    subnets: [
      {
        name: 'snet-notify-relay'
        properties: {
          addressPrefix: '10.42.0.0/27'
          networkSecurityGroup: {
            id: relayNsg.id
          }
        }
      }
    ]
  }
}

// HN304: none of the action groups, alert rules or notification Logic Apps above has a
// CanNotDelete or ReadOnly lock, and neither does this resource group.

// The SMTP relay VM's NIC in snet-notify-relay: a notification component, so HN401 judges the
// subnet's NSG (an NSG with no notifier behind it is not judged).
resource relayNic 'Microsoft.Network/networkInterfaces@2023-09-01' = {
  name: 'nic-claims-smtp-relay'
  location: location
  tags: {
    'hipaa-notify': 'notification'
  }
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', relayVnet.name, 'snet-notify-relay')
          }
        }
      }
    ]
  }
}
