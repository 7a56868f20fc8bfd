import { hn105AlertMissingDimensionFilter } from '../../../server/src/rules/template/hn105AlertMissingDimensionFilter';
import { armTemplate, testRule } from './ruleTester';
import { bicepResource, expression, type Described, type ResourceText } from './templateText';

const storageAvailability = (scopes: Described, extra: { readonly [key: string]: Described } = {}, name: Described = 'alert-claims-storage-availability'): ResourceText => ({
  symbol: 'availability',
  type: 'Microsoft.Insights/metricAlerts@2018-03-01',
  body: {
    name,
    location: 'global',
    properties: {
      severity: 1,
      enabled: true,
      scopes,
      ...extra,
      evaluationFrequency: 'PT5M',
      windowSize: 'PT15M',
      criteria: { 'odata.type': 'Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria', allOf: [{ criterionType: 'StaticThresholdCriterion', name: 'availability', metricNamespace: 'Microsoft.Storage/storageAccounts', metricName: 'Availability', operator: 'LessThan', threshold: 99, timeAggregation: 'Average' }] },
      actions: [{ actionGroupId: expression("resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1')", '') }],
    },
  },
});
const wholeGroup = [expression('resourceGroup().id', '')];

const metricAlert = (scopes: string, extra = '', top = '') => `    {
      "type": "Microsoft.Insights/metricAlerts",
      "apiVersion": "2018-03-01",
      "name": "alert-claims-storage-availability",
      "location": "global",${top}
      "properties": {
        "severity": 1,
        "enabled": true,
        "scopes": ${scopes},${extra}
        "evaluationFrequency": "PT5M",
        "windowSize": "PT15M",
        "criteria": { "odata.type": "Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria", "allOf": [ { "criterionType": "StaticThresholdCriterion", "name": "availability", "metricNamespace": "Microsoft.Storage/storageAccounts", "metricName": "Availability", "operator": "LessThan", "threshold": 99, "timeAggregation": "Average" } ] },
        "actions": [ { "actionGroupId": "[resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1')]" } ]
      }
    }`;
const logAlert = (scopes: string, split: string) => `    {
      "type": "Microsoft.Insights/scheduledQueryRules",
      "apiVersion": "2023-03-15-preview",
      "name": "claims-phi-bulk-export",
      "location": "eastus",
      "kind": "LogAlert",
      "properties": {
        "scopes": ${scopes},
        "criteria": {
          "allOf": [
            { "query": "StorageBlobLogs", "timeAggregation": "Count",${split} "operator": "GreaterThan", "threshold": 500 }
          ]
        },
        "actions": { "actionGroups": [ "[resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1')]" ] }
      }
    }`;
const bicepMetric = (extra: string) =>
  `resource availability 'Microsoft.Insights/metricAlerts@2018-03-01' = {\n  name: 'alert-claims-storage-availability'\n  location: 'global'\n  properties: {\n    severity: 1\n    enabled: true\n    scopes: [\n      resourceGroup().id\n    ]\n${extra}    evaluationFrequency: 'PT5M'\n    windowSize: 'PT15M'\n    criteria: {\n      'odata.type': 'Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria'\n      allOf: []\n    }\n  }\n}\n`;

testRule(hn105AlertMissingDimensionFilter, {
  valid: [
    { name: 'ARM: one resource in scope', files: { 'azuredeploy.json': armTemplate(metricAlert(`[ "[resourceId('Microsoft.Storage/storageAccounts', 'stclaims')]" ]`)) } },
    { name: 'ARM: resource group scope with target type and region', files: { 'azuredeploy.json': armTemplate(metricAlert('[ "[resourceGroup().id]" ]', '\n        "targetResourceType": "Microsoft.Storage/storageAccounts", "targetResourceRegion": "eastus",')) } },
    { name: 'ARM: a resource ID built from resourceGroup().id is one resource', files: { 'azuredeploy.json': armTemplate(metricAlert(`[ "[concat(resourceGroup().id, '/providers/Microsoft.Storage/storageAccounts/stclaims')]" ]`)) } },
    { name: 'ARM: scopes from a parameter without a default are unknown', files: { 'azuredeploy.json': armTemplate(metricAlert('"[parameters(\'scopes\')]"'), { parameters: '"scopes": { "type": "array" }' }) } },
    { name: 'ARM: log alert over the subscription split by resource', files: { 'azuredeploy.json': armTemplate(logAlert('[ "[subscription().id]" ]', ' "resourceIdColumn": "_ResourceId",')) } },
    { name: 'ARM: log alert over the subscription with dimensions', files: { 'azuredeploy.json': armTemplate(logAlert('[ "[subscription().id]" ]', ' "dimensions": [ { "name": "AccountName", "operator": "Include", "values": [ "*" ] } ],')) } },
    { name: 'ARM: log alert on one workspace', files: { 'azuredeploy.json': armTemplate(logAlert(`[ "[resourceId('Microsoft.OperationalInsights/workspaces', 'law')]" ]`, '')) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(metricAlert('[ "[resourceGroup().id]" ]', '', '\n      "condition": false,')) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(metricAlert('[ "[resourceGroup().id]" ]').replace('"scopes"', '// hipaa-notify-disable-next-line HN105 -- one account per resource group by design\n        "scopes"')) } },
    { name: 'Bicep: target type and region set', files: { 'main.bicep': bicepMetric("    targetResourceType: 'Microsoft.Storage/storageAccounts'\n    targetResourceRegion: 'eastus'\n") } },
    { name: 'Bicep: scopes from a parameter without a default are unknown', files: { 'main.bicep': `param watched array\n\n${bicepResource(storageAvailability(expression('watched', '')))}` } },
    { name: 'Bicep: a resource group scope from a .bicepparam value without a literal is unknown', files: { 'main.bicep': `param watched array\n\n${bicepResource(storageAvailability(expression('watched', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam watched = json(readEnvironmentVariable('WATCHED_SCOPES'))\n" } },
    { name: 'Bicep: one storage account per alert in a loop', files: { 'main.bicep': bicepResource(storageAvailability([expression("resourceId('Microsoft.Storage/storageAccounts', account)", '')], {}, expression("'alert-${account}-availability'", '')), { loop: "account in ['stclaimsdocs001', 'stclaimsimg001']" }) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(storageAvailability(wholeGroup), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN105 -- one storage account per resource group by policy\n${bicepResource(storageAvailability(wholeGroup))}` } },
  ],
  invalid: [
    {
      name: 'ARM: resource group scope without target type and region',
      files: { 'azuredeploy.json': armTemplate(metricAlert('[ "[resourceGroup().id]" ]')) },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /'alert-claims-storage-availability' watches a whole subscription or resource group without targetResourceType and targetResourceRegion/ }],
    },
    {
      name: 'ARM: a literal subscription ID through a parameter default',
      files: { 'azuredeploy.json': armTemplate(metricAlert(`[ "[parameters('scope')]" ]`), { parameters: '\n    "scope": { "type": "string", "defaultValue": "/subscriptions/00000000-0000-0000-0000-000000000000" }\n  ' }) },
      findings: [{ file: 'azuredeploy.json', line: 17, message: /without targetResourceType/ }],
    },
    {
      name: 'ARM: several resources through a variable, in a copy loop',
      files: {
        'azuredeploy.json': armTemplate(
          metricAlert('"[variables(\'accounts\')]"', '', '\n      "copy": { "name": "alerts", "count": 2 },').replace('"name": "alert-claims-storage-availability"', `"name": "[concat('alert-', copyIndex())]"`),
          { variables: `\n    "accounts": [ "[resourceId('Microsoft.Storage/storageAccounts', 'a')]", "[resourceId('Microsoft.Storage/storageAccounts', 'b')]" ]\n  ` },
        ),
      },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'alert-0' watches/ },
      ],
    },
    {
      name: 'ARM: a resource group ID through a parameter file',
      files: {
        'azuredeploy.json': armTemplate(metricAlert(`[ "[parameters('scope')]" ]`), { parameters: '"scope": { "type": "string" }' }),
        'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "scope": { "value": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims" }\n  }\n}\n',
      },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /without targetResourceType/ }],
    },
    {
      name: 'ARM: log alert over the subscription, not split, at the criterion',
      files: { 'azuredeploy.json': armTemplate(logAlert('[ "[subscription().id]" ]', '')) },
      findings: [{ file: 'azuredeploy.json', line: 17, message: /'claims-phi-bulk-export'.*neither dimensions nor resourceIdColumn/ }],
    },
    { name: 'Bicep: resource group scope', files: { 'main.bicep': bicepMetric('') }, findings: [{ file: 'main.bicep', line: 7, message: /without targetResourceType/ }] },
    {
      name: 'Bicep: scopes through a parameter default, at the default',
      files: { 'main.bicep': `param watched array = [\n  resourceGroup().id\n]\n\n${bicepResource(storageAvailability(expression('watched', '')))}` },
      findings: [{ file: 'main.bicep', line: 1, message: /'alert-claims-storage-availability' watches a whole subscription or resource group without targetResourceType/ }],
    },
    {
      name: 'Bicep: a resource group scope from the loop item',
      files: { 'main.bicep': bicepResource(storageAvailability([expression("'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${rg}'", '')], {}, expression("'alert-${rg}-availability'", '')), { loop: "rg in ['rg-claims', 'rg-billing']" }) },
      findings: [
        { file: 'main.bicep', line: 7, message: /'alert-rg-claims-availability' watches a whole/ },
      ],
    },
    {
      name: 'Bicep: a subscription scope through a .bicepparam value',
      files: { 'main.bicep': `param watched string = resourceId('Microsoft.Storage/storageAccounts', 'stclaimsdocs001')\n\n${bicepResource(storageAvailability([expression('watched', '')]))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam watched = '/subscriptions/00000000-0000-0000-0000-000000000000'\n" },
      findings: [{ file: 'main.bicep', line: 9, message: /watches a whole subscription or resource group without targetResourceType/ }],
    },
    {
      name: 'Bicep: scopes from a variable, in a loop',
      files: { 'main.bicep': `var watched = [\n  resourceGroup().id\n]\n\n${bicepResource(storageAvailability(expression('watched', ''), {}, expression("'alert-claims-${tier}'", '')), { loop: "tier in ['hot', 'archive']" })}` },
      findings: [
        { file: 'main.bicep', line: 1, message: /'alert-claims-hot' watches a whole/ },
      ],
    },
    {
      name: 'Bicep: a module deploys the alert',
      files: { 'main.bicep': "module alerts 'modules/alerts.bicep' = {\n  name: 'alerts'\n}\n", 'modules/alerts.bicep': bicepResource(storageAvailability(wholeGroup)) },
      findings: [{ file: 'modules/alerts.bicep', line: 7, message: /watches a whole/ }],
    },
    {
      name: 'Bicep: scopes passed to a module, at the value in main.bicep',
      files: {
        'main.bicep': "module alerts 'modules/alerts.bicep' = {\n  name: 'alerts'\n  params: {\n    watched: [\n      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims'\n    ]\n  }\n}\n",
        'modules/alerts.bicep': `param watched array\n\n${bicepResource(storageAvailability(expression('watched', '')))}`,
      },
      findings: [{ file: 'main.bicep', line: 4, message: /'alert-claims-storage-availability' watches a whole/ }],
    },
    {
      name: 'Bicep: a module loop, one alert per resource group',
      files: {
        'main.bicep': "module alerts 'modules/alerts.bicep' = [for rg in ['rg-claims', 'rg-billing']: {\n  name: 'alerts-${rg}'\n  scope: resourceGroup(rg)\n  params: {\n    alertName: 'alert-${rg}-availability'\n  }\n}]\n",
        'modules/alerts.bicep': `param alertName string\n\n${bicepResource(storageAvailability(wholeGroup, {}, expression('alertName', '')))}`,
      },
      findings: [
        { file: 'modules/alerts.bicep', line: 9, message: /'alert-rg-claims-availability' watches a whole/ },
      ],
    },
  ],
});
