// Text in the middle of being typed: one problem where the typing is, the rest still parses.
param location string = 'westeurope'

resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'privacy-office'
  location: concat('glo', 
  properties: {
    groupShortName: 'privacy'
    emailReceivers: [
      {
        name: 'officer'
        emailAddress: 
      }
    enabled: true
  }
  tags: { owner: 'privacy' ]
}

resource alert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'delete-alert'
  properties: {
    actions: {
      actionGroups: [
        {
          actionGroupId: ag.
        }
      ]
    }
  }
}

output agId string = ag.id
resource next 'Microsoft.
