/**
 * A large ARM template in the shape real notification platforms have: parameters, variables,
 * copy loops, nested deployments, action groups, alerts, Logic Apps and diagnostic settings.
 */
export function generateLargeArm(groups: number): string {
  const resources: string[] = [];
  for (let i = 0; i < groups; i++) {
    resources.push(`    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "[format('{0}-ag-{1}', parameters('prefix'), ${i})]",
      "location": "Global",
      "properties": {
        "groupShortName": "[take(format('ag{0}', ${i}), 12)]",
        "enabled": true,
        "armRoleReceivers": [{ "name": "monitoring", "roleId": "[variables('monitoringContributor')]", "useCommonAlertSchema": true }],
        "logicAppReceivers": [{ "name": "notifier", "resourceId": "[resourceId('Microsoft.Logic/workflows', format('{0}-la-{1}', parameters('prefix'), ${i}))]", "callbackUrl": "[listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', format('{0}-la-{1}', parameters('prefix'), ${i}), 'manual'), '2019-05-01').value]", "useCommonAlertSchema": true }]
      }
    },
    {
      "type": "Microsoft.Insights/metricAlerts",
      "apiVersion": "2018-03-01",
      "name": "[format('{0}-alert-{1}-{2}', parameters('prefix'), ${i}, copyIndex())]",
      "location": "global",
      "copy": { "name": "alerts${i}", "count": "[length(variables('metrics'))]" },
      "properties": {
        "severity": 2,
        "enabled": true,
        "scopes": ["[subscription().id]"],
        "targetResourceType": "Microsoft.Storage/storageAccounts",
        "targetResourceRegion": "[parameters('location')]",
        "evaluationFrequency": "PT5M",
        "windowSize": "PT15M",
        "criteria": {
          "odata.type": "Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria",
          "allOf": [{ "name": "c", "metricName": "[variables('metrics')[copyIndex()]]", "operator": "GreaterThan", "threshold": 0, "timeAggregation": "Total", "criterionType": "StaticThresholdCriterion" }]
        },
        "actions": [{ "actionGroupId": "[resourceId('Microsoft.Insights/actionGroups', format('{0}-ag-{1}', parameters('prefix'), ${i}))]" }]
      }
    },
    {
      "type": "Microsoft.Logic/workflows",
      "apiVersion": "2019-05-01",
      "name": "[format('{0}-la-{1}', parameters('prefix'), ${i})]",
      "location": "[parameters('location')]",
      "identity": { "type": "SystemAssigned" },
      "properties": {
        "state": "Enabled",
        "definition": {
          "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
          "contentVersion": "1.0.0.0",
          "triggers": { "manual": { "type": "Request", "kind": "Http", "inputs": { "schema": {} } } },
          "actions": {
            "notify": { "type": "Http", "runAfter": {}, "inputs": { "method": "POST", "uri": "[concat('https://', parameters('endpoint'), '/notify')]" }, "retryPolicy": { "type": "exponential", "count": 4, "interval": "PT10S" } },
            "record_failure": { "type": "Http", "runAfter": { "notify": ["Failed", "TimedOut"] }, "inputs": { "method": "POST", "uri": "[concat('https://', parameters('endpoint'), '/failures')]" } }
          }
        }
      }
    }`);
  }
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "prefix": { "type": "string", "defaultValue": "claims" },
    "location": { "type": "string", "defaultValue": "eastus" },
    "endpoint": { "type": "string", "defaultValue": "notify.contoso.example" }
  },
  "variables": {
    "monitoringContributor": "749f88d5-cbae-40b8-bcfc-e573ddc772fa",
    "metrics": ["Transactions", "Egress", "Availability"]
  },
  "resources": [
${resources.join(',\n')}
  ]
}
`;
}
