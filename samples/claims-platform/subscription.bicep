// Claims-processing platform: subscription-level settings (the "before" picture).
// Deploy with: az deployment sub create --location eastus --template-file subscription.bicep
// HN106, HN107 and HN305 are workspace rules: they run when the folder has a notification
// policy file (*.hipaa-notify.yaml).
targetScope = 'subscription'

@description('Storage account (in the platform resource group) that archives the activity log.')
param archiveStorageAccountId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims-platform/providers/Microsoft.Storage/storageAccounts/stclaimsarchive001'

// HN106: HIPAA/HITRUST is assigned, but no Policy-category activity log alert and no
// Event Grid subscription to policy state changes tells anyone about non-compliance
resource hipaaInitiative 'Microsoft.Authorization/policyAssignments@2022-06-01' = {
  name: 'claims-hipaa-hitrust'
  location: deployment().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    displayName: 'HIPAA HITRUST 9.2 for the claims platform'
    policyDefinitionId: '/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab'
    enforcementMode: 'Default'
  }
}

// HN107: alert e-mails are off and owners are not told; the only Defender export
// (auto-claims-defender-alerts in main.bicep) is disabled
resource securityContact 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'default'
  properties: {
    emails: 'secops@contoso-claims.com'
    phone: ''
    alertNotifications: {
      state: 'Off'
      minimalSeverity: 'High'
    }
    notificationsByRole: {
      state: 'Off'
      roles: [
        'Owner'
      ]
    }
  }
}

// HN305: the activity log goes to a storage account only, never to a Log Analytics workspace
resource activityLogArchive 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'activity-log-archive'
  properties: {
    storageAccountId: archiveStorageAccountId
    logs: [
      {
        category: 'Administrative'
        enabled: true
      }
      {
        category: 'Security'
        enabled: true
      }
      {
        category: 'Policy'
        enabled: true
      }
      {
        category: 'Alert'
        enabled: true
      }
    ]
  }
}
