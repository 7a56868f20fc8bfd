import { hn304NotificationConfigUnprotected } from '../../../server/src/rules/template/hn304NotificationConfigUnprotected';
import { armTemplate, testRule } from './ruleTester';

const actionGroup = (extra = '', name = '"ag-hipaa-tier1"') => `    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": ${name},
      "location": "Global",${extra}
      "properties": { "groupShortName": "hipaa-t1", "enabled": true, "armRoleReceivers": [ { "name": "monitoring", "roleId": "749f88d5-cbae-40b8-bcfc-e573ddc772fa", "useCommonAlertSchema": true } ] }
    }`;
const lock = ({ scope = '"Microsoft.Insights/actionGroups/ag-hipaa-tier1"', level = '"CanNotDelete"', extra = '' } = {}) => `    {
      "type": "Microsoft.Authorization/locks",
      "apiVersion": "2020-05-01",
      "name": "notification-chain",${scope ? `\n      "scope": ${scope},` : ''}${extra}
      "properties": { "level": ${level}, "notes": "Breach-notification path" }
    }`;

const bicepGroup = (top = '', name = "'ag-hipaa-tier1'") => `${top}resource agTier1 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: ${name}
  location: 'Global'
  properties: {
    groupShortName: 'hipaa-t1'
    enabled: true
    armRoleReceivers: [
      {
        name: 'monitoring'
        roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa'
        useCommonAlertSchema: true
      }
    ]
  }
}
`;
const bicepLock = (scope = 'agTier1', condition = '') => `
resource agTier1Lock 'Microsoft.Authorization/locks@2020-05-01' = ${condition}{
  name: 'notification-chain'
  scope: ${scope}
  properties: {
    level: 'CanNotDelete'
  }
}
`;

/** What the fix adds after the action group: ARM JSON (after its object in resources) and Bicep (after its declaration). */
const addedArmLock = ',\n    {\n      "type": "Microsoft.Authorization/locks",\n      "apiVersion": "2020-05-01",\n      "name": "hipaa-notify-do-not-delete",\n      "scope": "Microsoft.Insights/actionGroups/ag-hipaa-tier1",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n      ],\n      "properties": {\n        "level": "CanNotDelete",\n        "notes": "Part of the HIPAA breach notification chain (hipaa-notify HN304)."\n      }\n    }';
const addedBicepLock = 'resource notificationLock \'Microsoft.Authorization/locks@2020-05-01\' = {\n  name: \'hipaa-notify-do-not-delete\'\n  scope: agTier1\n  properties: {\n    level: \'CanNotDelete\'\n    notes: \'Part of the HIPAA breach notification chain (hipaa-notify HN304).\'\n  }\n}';

testRule(hn304NotificationConfigUnprotected, {
  valid: [
    { name: 'ARM: a lock scoped to the action group', files: { 'azuredeploy.json': armTemplate(`${actionGroup()},\n${lock()}`) } },
    { name: 'ARM: a resource-group lock covers everything in it', files: { 'azuredeploy.json': armTemplate(`${actionGroup()},\n${lock({ scope: '' })}`) } },
    {
      name: 'ARM: the nested providers form',
      files: { 'azuredeploy.json': armTemplate(`${actionGroup()},\n${lock({ scope: '' }).replace('"Microsoft.Authorization/locks"', '"Microsoft.Insights/actionGroups/providers/locks"').replace('"notification-chain"', '"ag-hipaa-tier1/Microsoft.Authorization/notification-chain"')}`) },
    },
    { name: 'ARM: a lock whose scope is unknown might be the one', files: { 'azuredeploy.json': armTemplate(`${actionGroup()},\n${lock({ scope: `"[parameters('lockScope')]"` })}`, { parameters: '"lockScope": { "type": "string" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(actionGroup('\n      "condition": false,')) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(`    // hipaa-notify-disable-next-line HN304 -- the landing zone locks this resource group\n${actionGroup()}`) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(actionGroup('\n      "metadata": { "hipaa-notify": { "suppress": { "HN304": "the landing zone locks this resource group" } } },')) } },
    { name: 'Bicep: scope: agTier1', files: { 'main.bicep': bicepGroup() + bicepLock() } },
    {
      name: 'Bicep: a module locks the existing action group',
      files: {
        'main.bicep': `${bicepGroup()}\nmodule locks 'modules/locks.bicep' = {\n  name: 'locks'\n  params: {\n    groupName: agTier1.name\n  }\n}\n`,
        'modules/locks.bicep': "param groupName string\n\nresource agTier1 'Microsoft.Insights/actionGroups@2023-01-01' existing = {\n  name: groupName\n}\n" + bicepLock(),
      },
    },
    { name: 'Bicep: an existing action group is locked where it is deployed', files: { 'main.bicep': bicepGroup().replace("' = {", "' existing = {") } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepGroup().replace("' = {", "' = if (false) {") } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN304 -- the landing zone locks this resource group\n${bicepGroup()}` } },
  ],
  invalid: [
    { name: 'ARM: an action group without a lock', files: { 'azuredeploy.json': armTemplate(actionGroup()) }, rewrites: { 'azuredeploy.json': [['    }', '    }' + addedArmLock]] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /'ag-hipaa-tier1' is part of the notification chain but no CanNotDelete or ReadOnly lock protects it/ }] },
    {
      name: 'ARM: a resource-group lock in another template covers only that deployment',
      files: { 'azuredeploy.json': armTemplate(actionGroup()), 'platform/locks.json': armTemplate(lock({ scope: '' })) },
      rewrites: { 'azuredeploy.json': [['    }', '    }' + addedArmLock]] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'ag-hipaa-tier1'/ }],
    },
    { name: 'ARM: a lock on another resource', files: { 'azuredeploy.json': armTemplate(`${actionGroup()},\n${lock({ scope: '"Microsoft.Insights/actionGroups/ag-hipaa-tier2"' })}`) }, rewrites: { 'azuredeploy.json': [['      "properties": { "level": "CanNotDelete", "notes": "Breach-notification path" }\n    }', '      "properties": { "level": "CanNotDelete", "notes": "Breach-notification path" }\n    }' + addedArmLock]] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /'ag-hipaa-tier1'/ }] },
    {
      name: 'ARM: the lock is not deployed by a parameter default',
      files: { 'azuredeploy.json': armTemplate(`${actionGroup()},\n${lock({ extra: `\n      "condition": "[parameters('lockChain')]",` })}`, { parameters: '"lockChain": { "type": "bool", "defaultValue": false }' }) },
      rewrites: { 'azuredeploy.json': [['      "properties": { "level": "CanNotDelete", "notes": "Breach-notification path" }\n    }', '      "properties": { "level": "CanNotDelete", "notes": "Breach-notification path" }\n    }' + addedArmLock]] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'ag-hipaa-tier1'/ }],
    },
    {
      name: 'ARM: the lock is not deployed by a parameter file',
      files: {
        'azuredeploy.json': armTemplate(`${actionGroup()},\n${lock({ extra: `\n      "condition": "[parameters('lockChain')]",` })}`, { parameters: '"lockChain": { "type": "bool", "defaultValue": true }' }),
        'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "lockChain": { "value": false } }\n}\n',
      },
      rewrites: { 'azuredeploy.json': [['      "properties": { "level": "CanNotDelete", "notes": "Breach-notification path" }\n    }', '      "properties": { "level": "CanNotDelete", "notes": "Breach-notification path" }\n    }' + addedArmLock]] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'ag-hipaa-tier1'/ }],
    },
    {
      name: 'ARM: a lock scoped through a variable to the wrong group, in a copy loop',
      files: {
        'azuredeploy.json': armTemplate(`${actionGroup('\n      "copy": { "name": "groups", "count": 2 },', `"[concat('ag-hipaa-tier', add(copyIndex(), 1))]"`)},\n${lock({ scope: `"[variables('locked')]"` })}`, { variables: `"locked": "Microsoft.Insights/actionGroups/ag-hipaa-tier1"` }),
      },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'ag-hipaa-tier2'/ }],
    },
    { name: 'Bicep: an action group without a lock', files: { 'main.bicep': bicepGroup() }, rewrites: { 'main.bicep': [['  }\n}\n', '  }\n}\n\n' + addedBicepLock + '\n']] }, findings: [{ file: 'main.bicep', line: 1, message: /'ag-hipaa-tier1' is part of the notification chain/ }] },
    {
      name: 'Bicep: the lock switched off in the .bicepparam file',
      files: { 'main.bicep': bicepGroup('param lockChain bool = true\n\n') + bicepLock('agTier1', 'if (lockChain) '), 'main.bicepparam': "using 'main.bicep'\n\nparam lockChain = false\n" },
      rewrites: { 'main.bicep': [['agTier1Lock', 'notificationLock \'Microsoft.Authorization/locks@2020-05-01\' = {\n  name: \'hipaa-notify-do-not-delete\'\n  scope: agTier1\n  properties: {\n    level: \'CanNotDelete\'\n    notes: \'Part of the HIPAA breach notification chain (hipaa-notify HN304).\'\n  }\n}\n\nresource agTier1Lock']] },
      findings: [{ file: 'main.bicep', line: 3, message: /'ag-hipaa-tier1'/ }],
    },
    {
      name: 'Bicep: the lock switched off by a parameter default',
      files: { 'main.bicep': bicepGroup('param lockChain bool = false\n\n') + bicepLock('agTier1', 'if (lockChain) ') },
      rewrites: { 'main.bicep': [['agTier1Lock', 'notificationLock \'Microsoft.Authorization/locks@2020-05-01\' = {\n  name: \'hipaa-notify-do-not-delete\'\n  scope: agTier1\n  properties: {\n    level: \'CanNotDelete\'\n    notes: \'Part of the HIPAA breach notification chain (hipaa-notify HN304).\'\n  }\n}\n\nresource agTier1Lock']] },
      findings: [{ file: 'main.bicep', line: 3, message: /'ag-hipaa-tier1'/ }],
    },
    {
      name: 'Bicep: a variable picks which group of a loop gets locked',
      files: {
        'main.bicep': bicepGroup("var lockedTier = 0\n\n", "'ag-hipaa-tier${tier}'").replace("resource agTier1 'Microsoft.Insights/actionGroups@2023-01-01' = {", "resource tiers 'Microsoft.Insights/actionGroups@2023-01-01' = [for tier in [1, 2]: {").replace(/}\n$/, '}]\n') + bicepLock('tiers[lockedTier]'),
      },
      findings: [{ file: 'main.bicep', line: 3, message: /'ag-hipaa-tier2'/ }],
    },
    {
      name: 'Bicep: an action group deployed by a module, locked nowhere',
      files: { 'main.bicep': "module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n  params: {\n    groupName: 'ag-hipaa-tier1'\n  }\n}\n", 'modules/tier1.bicep': bicepGroup('param groupName string\n\n', 'groupName') },
      rewrites: { 'modules/tier1.bicep': [['  }\n}\n', '  }\n}\n\n' + addedBicepLock + '\n']] },
      findings: [{ file: 'modules/tier1.bicep', line: 3, message: /'ag-hipaa-tier1'/ }],
    },
  ],
});
