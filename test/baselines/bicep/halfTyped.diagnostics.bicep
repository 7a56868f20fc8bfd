// Text in the middle of being typed: one problem where the typing is, the rest still parses.
param location string = 'westeurope'

resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'privacy-office'
  location: concat('glo', 
//@[18:19) [HN001 (Error)] this '(' is not closed: add ')' |(|
  properties: {
    groupShortName: 'privacy'
    emailReceivers: [
      {
        name: 'officer'
        emailAddress: 
//@[22:22) [HN001 (Error)] expected a value after ':' ||
      }
//@[07:07) [HN001 (Error)] expected ']' to close the array ||
    enabled: true
  }
  tags: { owner: 'privacy' ]
//@[27:28) [HN001 (Error)] expected '}' here, not ']' |]|
}

resource alert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'delete-alert'
  properties: {
    actions: {
      actionGroups: [
        {
          actionGroupId: ag.
//@[28:28) [HN001 (Error)] expected a property or function name after '.' ||
        }
      ]
    }
  }
}

output agId string = ag.id
resource next 'Microsoft.
//@[14:25) [HN001 (Error)] this string is not closed: add ' before the end of the line |'Microsoft.|
