// Claims-processing platform: breach and audit-failure notification system, done right
// (resource group scope). No hipaa-notify rule fires on this folder. The policy file
// beside it (contoso.hipaa-notify.yaml) names ag-hipaa-tier1, ag-hipaa-privacy-office,
// law-hipaa-audit and the log alert phi-bulk-export defined here.
//
// Outside this template: grant the two Logic App identities the Microsoft Graph
// application permissions GroupMember.Read.All and Mail.Send (an Entra admin task).

@description('Region of the regional resources; action groups and alert rules are global.')
param location string = resourceGroup().location

@description('Windows time zone ID of the privacy office; Logic App schedules run in it.')
param timeZone string = 'Central Standard Time'

@description('Role whose members the tier-1 action group notifies (Monitoring Contributor).')
param tier1RoleId string = '749f88d5-cbae-40b8-bcfc-e573ddc772fa'

@description('Role whose members the privacy-office action group notifies (Monitoring Reader).')
param privacyOfficeRoleId string = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'

@description('Microsoft Entra group of the tier-1 responders.')
param tier1GroupId string = '7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f'

@description('Microsoft Entra group of the privacy office.')
param privacyOfficeGroupId string = '0b9d8c7e-6f5a-4b3c-8d2e-1a0f9e8d7c6b'

@description('Shared mailbox the notifications are sent from (a sender, not a recipient).')
param senderMailbox string = 'hipaa-notifications@contoso.com'

@description('App registration that protects the incident system webhook.')
param incidentAppObjectId string = '3f9a6c2e-8b1d-4e7a-9c05-6d2b4f8e1a73'

@description('Application ID URI of the incident system webhook.')
param incidentAppIdentifierUri string = 'api://contoso-incidents'

param claimsStorageName string = 'stclaimsphi001'
param deadLetterStorageName string = 'stnotifydl001'
param keyVaultName string = 'kv-hipaa-notify'

var workspaceName = 'law-hipaa-audit'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var queueMessageSenderRoleId = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
var monitoringReaderRoleId = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'
var workflowSchema = 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
var failureQueueUri = 'https://${deadLetterStorageName}.queue.core.windows.net/notification-failures/messages'

// Tables that receive audit and notification logs: kept six years (164.530(j)).
var auditTables = [
  'AzureActivity'
  'AzureDiagnostics'
  'StorageBlobLogs'
]

// One activity log alert per category the policy file lists, all routed to tier 1.
var activityLogAlertDefs = [
  {
    name: 'ala-hipaa-administrative'
    description: 'Deletes of notification, audit and lock configuration.'
    allOf: [
      { field: 'category', equals: 'Administrative' }
      {
        anyOf: [
          { field: 'operationName', equals: 'Microsoft.Insights/diagnosticSettings/delete' }
          { field: 'operationName', equals: 'Microsoft.Insights/actionGroups/delete' }
          { field: 'operationName', equals: 'Microsoft.Authorization/locks/delete' }
          { field: 'operationName', equals: 'Microsoft.Logic/workflows/delete' }
        ]
      }
    ]
  }
  {
    name: 'ala-hipaa-security'
    description: 'Security events of the claims subscription.'
    allOf: [
      { field: 'category', equals: 'Security' }
    ]
  }
  {
    name: 'ala-hipaa-policy'
    description: 'Azure Policy audit and deny events (HIPAA HITRUST assignment).'
    allOf: [
      { field: 'category', equals: 'Policy' }
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
    retentionInDays: 365
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource lawTables 'Microsoft.OperationalInsights/workspaces/tables@2022-10-01' = [for table in auditTables: {
  parent: law
  name: table
  properties: {
    plan: 'Analytics'
    retentionInDays: 365
    totalRetentionInDays: 2190
  }
}]

// ---------------------------------------------------------------------------
// PHI stores
// ---------------------------------------------------------------------------

resource claimsStorage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: claimsStorageName
  location: location
  tags: {
    'hipaa-notify': 'phi'
  }
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

resource claimsBlobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'claims-blob-audit-to-law'
  scope: claimsBlob
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

// Dead-lettered events and failed notification attempts are evidence too.
resource deadLetterStorage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: deadLetterStorageName
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

resource deadLetterBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: deadLetterStorage
  name: 'default'
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: deadLetterBlob
  name: 'eventgrid-deadletter'
  properties: {
    publicAccess: 'None'
  }
}

resource deadLetterQueues 'Microsoft.Storage/storageAccounts/queueServices@2023-01-01' = {
  parent: deadLetterStorage
  name: 'default'
}

resource failureQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-01-01' = {
  parent: deadLetterQueues
  name: 'notification-failures'
}

resource deadLetterBlobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'deadletter-blob-audit-to-law'
  scope: deadLetterBlob
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

resource deadLetterQueueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'deadletter-queue-audit-to-law'
  scope: deadLetterQueues
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

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
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

// The notifier reads the paging key: Key Vault Secrets User on this vault only.
resource notifierSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, notifier.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: notifier.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Both Logic Apps record failed notification attempts in the failure queue.
resource notifierQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterStorage.id, notifier.id, queueMessageSenderRoleId)
  scope: deadLetterStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueMessageSenderRoleId)
    principalId: notifier.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource escalationQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterStorage.id, escalation.id, queueMessageSenderRoleId)
  scope: deadLetterStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueMessageSenderRoleId)
    principalId: escalation.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The escalation sweep lists open alerts of this resource group.
resource escalationMonitoringReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, escalation.id, monitoringReaderRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringReaderRoleId)
    principalId: escalation.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------
// Notification Logic Apps
// ---------------------------------------------------------------------------

// Receives alerts (common alert schema) from both action groups, Defender for Cloud
// alerts and Azure Policy state changes; mails the members of the tier's Entra group
// and pages the on-call rotation. Every send has a failure path to the failure queue.
resource notifier 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'la-hipaa-breach-notifier'
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
      '$schema': workflowSchema
      contentVersion: '1.0.0.0'
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
        Get_tier_members: {
          type: 'Http'
          inputs: {
            method: 'GET'
            uri: 'https://graph.microsoft.com/v1.0/groups/@{if(equals(triggerOutputs()?[\'queries\']?[\'tier\'], \'privacy-office\'), \'${privacyOfficeGroupId}\', \'${tier1GroupId}\')}/transitiveMembers/microsoft.graph.user?$select=mail'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://graph.microsoft.com'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {}
        }
        Build_recipients: {
          type: 'Select'
          inputs: {
            from: '@body(\'Get_tier_members\')?[\'value\']'
            select: {
              emailAddress: {
                address: '@item()?[\'mail\']'
              }
            }
          }
          runAfter: {
            Get_tier_members: [
              'Succeeded'
            ]
          }
        }
        Send_notification_mail: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://graph.microsoft.com/v1.0/users/${senderMailbox}/sendMail'
            body: {
              message: {
                subject: 'Possible PHI incident: @{triggerBody()?[\'data\']?[\'essentials\']?[\'alertRule\']}'
                body: {
                  contentType: 'HTML'
                  content: '<p>@{triggerBody()?[\'data\']?[\'essentials\']?[\'description\']}</p>'
                }
                toRecipients: '@body(\'Build_recipients\')'
              }
              saveToSentItems: true
            }
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://graph.microsoft.com'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {
            Build_recipients: [
              'Succeeded'
            ]
          }
        }
        Record_mail_failure: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: failureQueueUri
            headers: {
              'x-ms-version': '2021-08-06'
            }
            body: '<QueueMessage><MessageText>mail failed for run @{workflow()?[\'run\']?[\'name\']}</MessageText></QueueMessage>'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://storage.azure.com/'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {
            Send_notification_mail: [
              'Failed'
              'TimedOut'
              'Skipped'
            ]
          }
        }
        Get_paging_key: {
          type: 'Http'
          inputs: {
            method: 'GET'
            uri: 'https://${keyVaultName}.vault.azure.net/secrets/paging-api-key?api-version=7.4'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://vault.azure.net'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
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
        Page_on_call: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://events.pagerduty.com/v2/enqueue'
            body: {
              routing_key: '@{body(\'Get_paging_key\')?[\'value\']}'
              event_action: 'trigger'
              payload: {
                summary: 'Possible PHI incident: @{triggerBody()?[\'data\']?[\'essentials\']?[\'alertRule\']}'
                source: 'azure-monitor'
                severity: 'critical'
              }
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {
            Get_paging_key: [
              'Succeeded'
            ]
          }
          runtimeConfiguration: {
            secureData: {
              properties: [
                'inputs'
              ]
            }
          }
        }
        Record_page_failure: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: failureQueueUri
            headers: {
              'x-ms-version': '2021-08-06'
            }
            body: '<QueueMessage><MessageText>page failed for run @{workflow()?[\'run\']?[\'name\']}</MessageText></QueueMessage>'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://storage.azure.com/'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {
            Page_on_call: [
              'Failed'
              'TimedOut'
              'Skipped'
            ]
          }
        }
      }
      outputs: {}
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
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

// Every 15 minutes in the privacy office's time zone: alerts still open after four
// hours go to the privacy office's Entra group (tier 2 of the policy file).
resource escalation 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'la-hipaa-escalation'
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
      '$schema': workflowSchema
      contentVersion: '1.0.0.0'
      triggers: {
        Every_15_minutes: {
          type: 'Recurrence'
          recurrence: {
            frequency: 'Minute'
            interval: 15
            startTime: '2026-01-05T00:00:00'
            timeZone: timeZone
          }
        }
      }
      actions: {
        Get_open_alerts: {
          type: 'Http'
          inputs: {
            method: 'GET'
            uri: 'https://management.azure.com${subscription().id}/providers/Microsoft.AlertsManagement/alerts?api-version=2019-05-05-preview&targetResourceGroup=${resourceGroup().name}&alertState=New&timeRange=1d'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://management.azure.com/'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {}
        }
        Get_privacy_office_members: {
          type: 'Http'
          inputs: {
            method: 'GET'
            uri: 'https://graph.microsoft.com/v1.0/groups/${privacyOfficeGroupId}/transitiveMembers/microsoft.graph.user?$select=mail'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://graph.microsoft.com'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {
            Get_open_alerts: [
              'Succeeded'
            ]
          }
        }
        Build_recipients: {
          type: 'Select'
          inputs: {
            from: '@body(\'Get_privacy_office_members\')?[\'value\']'
            select: {
              emailAddress: {
                address: '@item()?[\'mail\']'
              }
            }
          }
          runAfter: {
            Get_privacy_office_members: [
              'Succeeded'
            ]
          }
        }
        Send_escalation_mail: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://graph.microsoft.com/v1.0/users/${senderMailbox}/sendMail'
            body: {
              message: {
                subject: 'Escalation: PHI incident alerts unacknowledged for four hours'
                body: {
                  contentType: 'Text'
                  content: '@{string(body(\'Get_open_alerts\')?[\'value\'])}'
                }
                toRecipients: '@body(\'Build_recipients\')'
              }
              saveToSentItems: true
            }
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://graph.microsoft.com'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {
            Build_recipients: [
              'Succeeded'
            ]
          }
        }
        Record_escalation_failure: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: failureQueueUri
            headers: {
              'x-ms-version': '2021-08-06'
            }
            body: '<QueueMessage><MessageText>escalation failed for run @{workflow()?[\'run\']?[\'name\']}</MessageText></QueueMessage>'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://storage.azure.com/'
            }
            retryPolicy: {
              type: 'exponential'
              count: 4
              interval: 'PT10S'
            }
          }
          runAfter: {
            Send_escalation_mail: [
              'Failed'
              'TimedOut'
              'Skipped'
            ]
          }
        }
      }
      outputs: {}
    }
  }
}

resource escalationDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'escalation-runs-to-law'
  scope: escalation
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

// ---------------------------------------------------------------------------
// Action groups: roles and the notifier, never personal addresses
// ---------------------------------------------------------------------------

resource agTier1 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-hipaa-tier1'
  location: 'Global'
  properties: {
    groupShortName: 'hipaa-t1'
    enabled: true
    armRoleReceivers: [
      {
        name: 'tier1-role'
        roleId: tier1RoleId
        useCommonAlertSchema: true
      }
    ]
    logicAppReceivers: [
      {
        name: 'breach-notifier'
        resourceId: notifier.id
        callbackUrl: notifierTrigger.listCallbackUrl().value
        useCommonAlertSchema: true
      }
    ]
  }
}

resource agPrivacyOffice 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-hipaa-privacy-office'
  location: 'Global'
  properties: {
    groupShortName: 'hipaa-po'
    enabled: true
    armRoleReceivers: [
      {
        name: 'privacy-office-role'
        roleId: privacyOfficeRoleId
        useCommonAlertSchema: true
      }
    ]
    logicAppReceivers: [
      {
        name: 'breach-notifier-privacy-office'
        resourceId: notifier.id
        callbackUrl: '${notifierTrigger.listCallbackUrl().value}&tier=privacy-office'
        useCommonAlertSchema: true
      }
    ]
    webhookReceivers: [
      {
        name: 'incident-system'
        serviceUri: 'https://incidents.contoso.com/api/azure-monitor'
        useCommonAlertSchema: true
        useAadAuth: true
        objectId: incidentAppObjectId
        identifierUri: incidentAppIdentifierUri
        tenantId: subscription().tenantId
      }
    ]
  }
}

// ---------------------------------------------------------------------------
// Alert rules
// ---------------------------------------------------------------------------

resource storageAvailability 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-phi-storage-availability'
  location: 'global'
  properties: {
    description: 'Availability of a PHI storage account in this resource group dropped below 99.9 %.'
    severity: 1
    enabled: true
    scopes: [
      resourceGroup().id
    ]
    targetResourceType: 'Microsoft.Storage/storageAccounts'
    targetResourceRegion: location
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

// A failing notifier must reach people by another path: the privacy office's roles.
resource notifierFailures 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-hipaa-notifier-runs-failed'
  location: 'global'
  properties: {
    description: 'The breach notifier Logic App has failed runs.'
    severity: 0
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
    autoMitigate: true
    actions: [
      {
        actionGroupId: agPrivacyOffice.id
      }
    ]
  }
}

// The policy file's logQuery discovery source.
resource phiBulkExport 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'phi-bulk-export'
  location: location
  kind: 'LogAlert'
  properties: {
    displayName: 'Bulk read of claims documents'
    description: 'More than 500 successful blob reads by one caller on one account in 15 minutes.'
    severity: 1
    enabled: true
    scopes: [
      law.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'StorageBlobLogs | where OperationName == "GetBlob" and StatusCode == 200'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'AccountName'
              operator: 'Include'
              values: [
                '*'
              ]
            }
            {
              name: 'CallerIpAddress'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          resourceIdColumn: '_ResourceId'
          operator: 'GreaterThan'
          threshold: 500
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: [
        agTier1.id
      ]
    }
  }
}

resource activityAlerts 'Microsoft.Insights/activityLogAlerts@2020-10-01' = [for def in activityLogAlertDefs: {
  name: def.name
  location: 'Global'
  properties: {
    description: def.description
    enabled: true
    scopes: [
      subscription().id
    ]
    condition: {
      allOf: def.allOf
    }
    actions: {
      actionGroups: [
        {
          actionGroupId: agTier1.id
        }
      ]
    }
  }
}]

// ---------------------------------------------------------------------------
// Event Grid: Azure Policy state changes to the notifier
// ---------------------------------------------------------------------------

resource policyTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: 'evgt-hipaa-policy-states'
  location: 'global'
  properties: {
    source: subscription().id
    topicType: 'Microsoft.PolicyInsights.PolicyStates'
  }
}

resource policyNonCompliance 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: policyTopic
  name: 'policy-noncompliance-to-notifier'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: notifierTrigger.listCallbackUrl().value
        maxEventsPerBatch: 1
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.PolicyInsights.PolicyStateCreated'
        'Microsoft.PolicyInsights.PolicyStateChanged'
      ]
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.complianceState'
          values: [
            'NonCompliant'
          ]
        }
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
        resourceId: deadLetterStorage.id
        blobContainerName: deadLetterContainer.name
      }
    }
  }
}

resource policyTopicDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'policy-topic-delivery-to-law'
  scope: policyTopic
  properties: {
    workspaceId: law.id
    logs: [
      {
        category: 'DeliveryFailures'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------
// Defender for Cloud: Medium and High alerts to the notifier and the workspace
// ---------------------------------------------------------------------------

resource defenderExport 'Microsoft.Security/automations@2023-12-01-preview' = {
  name: 'auto-hipaa-defender-alerts'
  location: location
  properties: {
    description: 'Exports Defender for Cloud alerts of Medium and High severity.'
    isEnabled: true
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
          {
            rules: [
              {
                propertyJPath: 'Severity'
                propertyType: 'String'
                expectedValue: 'Medium'
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
      {
        actionType: 'Workspace'
        workspaceResourceId: law.id
      }
    ]
  }
}

// ---------------------------------------------------------------------------
// Network: the notification relay subnet may always reach HTTPS endpoints
// ---------------------------------------------------------------------------

resource relayNsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-hipaa-notify-relay'
  location: location
  properties: {
    securityRules: [
      {
        name: 'Allow-HTTPS-Out'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRange: '443'
        }
      }
      {
        name: 'Allow-AzureMonitor-Out'
        properties: {
          priority: 110
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'AzureMonitor'
          destinationPortRange: '443'
        }
      }
      {
        name: 'Deny-Admin-Ports-Out'
        properties: {
          priority: 4000
          direction: 'Outbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRanges: [
            '22'
            '445'
            '3389'
          ]
        }
      }
    ]
  }
}

resource relayVnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hipaa-notify'
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

// ---------------------------------------------------------------------------
// Locks: nobody deletes the notification path by accident (or on purpose) unnoticed
// ---------------------------------------------------------------------------

var lockNotes = 'Part of the HIPAA breach-notification path. Remove only through a reviewed change.'

resource agTier1Lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: agTier1
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

resource agPrivacyOfficeLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: agPrivacyOffice
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

resource storageAvailabilityLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: storageAvailability
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

resource notifierFailuresLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: notifierFailures
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

resource phiBulkExportLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: phiBulkExport
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

resource activityAlertLocks 'Microsoft.Authorization/locks@2020-05-01' = [for (def, i) in activityLogAlertDefs: {
  name: 'do-not-delete'
  scope: activityAlerts[i]
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}]

resource notifierLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: notifier
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

resource escalationLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: escalation
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

resource policyTopicLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: policyTopic
  properties: {
    level: 'CanNotDelete'
    notes: lockNotes
  }
}

output notifierPrincipalId string = notifier.identity.principalId
output workspaceId string = law.id
