// A tier-1 action group for breach notifications, with one mistake to fix.
// HIPAA Notify underlines `false` below: hover it to read the finding, then set enabled to true.

resource breachTier1 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-hipaa-tier1'
  location: 'Global'
  properties: {
    groupShortName: 'hipaa-t1'
    enabled: false
    armRoleReceivers: [
      {
        name: 'monitoring-contributors'
        roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa'
        useCommonAlertSchema: true
      }
    ]
  }
}

resource breachTier1Lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'notification-chain'
  scope: breachTier1
  properties: {
    level: 'CanNotDelete'
    notes: 'Breach-notification path'
  }
}
