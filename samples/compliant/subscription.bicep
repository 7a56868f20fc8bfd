// Claims-processing platform: subscription-level settings, done right.
// Deploy with: az deployment sub create --location centralus --template-file subscription.bicep
targetScope = 'subscription'

@description('Resource group that holds law-hipaa-audit (deployed by main.bicep).')
param auditResourceGroupName string = 'rg-hipaa-notify'

@description('Shared mailbox of the security operations team; Defender also mails subscription owners.')
param securityMailbox string = 'security-operations@contoso.com'

resource law 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: 'law-hipaa-audit'
  scope: resourceGroup(auditResourceGroupName)
}

// Azure Policy non-compliance is routed by ala-hipaa-policy and the Event Grid
// subscription policy-noncompliance-to-notifier in main.bicep.
resource hipaaInitiative 'Microsoft.Authorization/policyAssignments@2022-06-01' = {
  name: 'hipaa-hitrust'
  location: deployment().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    displayName: 'HIPAA HITRUST 9.2 for the claims platform'
    policyDefinitionId: '/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab'
    enforcementMode: 'Default'
    nonComplianceMessages: [
      {
        message: 'This resource breaks the HIPAA HITRUST baseline of the claims platform.'
      }
    ]
  }
}

// Defender for Cloud mails Medium and High alerts to the security team and to the
// subscription owners; auto-hipaa-defender-alerts in main.bicep exports them too.
resource securityContact 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'default'
  properties: {
    emails: securityMailbox
    phone: ''
    alertNotifications: {
      state: 'On'
      minimalSeverity: 'Medium'
    }
    notificationsByRole: {
      state: 'On'
      roles: [
        'Owner'
      ]
    }
  }
}

// The activity log goes to the audit workspace, whose tables keep it six years.
resource activityLogExport 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'activity-log-to-law-hipaa-audit'
  properties: {
    workspaceId: law.id
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
      {
        category: 'ServiceHealth'
        enabled: true
      }
      {
        category: 'ResourceHealth'
        enabled: true
      }
    ]
  }
}
