import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a platform monorepo shaped like the public ones: shared Bicep modules, one folder per
 * team with a Bicep template and its .bicepparam file, an ARM template and its parameter file,
 * alerts routed to action groups that other teams' templates deploy, diagnostic settings to a
 * shared workspace, and one notification policy at the root. Deterministic for a given size.
 * Run directly: node out/test/bench/generateWorkspace.js DIR 500
 */
export interface GeneratedWorkspace {
  readonly root: string;
  /** Template, parameter and policy files written. */
  readonly files: number;
  /** A team's Bicep template in the middle of the tree, for edits. */
  readonly editTarget: string;
}

const filesPerTeam = 4;
const sharedFiles = 5;

export function generateWorkspace(root: string, templates: number): GeneratedWorkspace {
  const teams = Math.max(1, Math.ceil((templates - sharedFiles) / filesPerTeam));
  const write = (relative: string, text: string) => {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };
  write('modules/actionGroup.bicep', actionGroupModule);
  write('modules/notifier.bicep', notifierModule);
  write('modules/phiStorage.bicep', phiStorageModule);
  write('platform/workspace.bicep', workspaceTemplate);
  write('estate.hipaa-notify.yaml', policy);
  for (let t = 0; t < teams; t++) {
    const folder = `teams/${teamName(t)}`;
    write(`${folder}/main.bicep`, teamBicep(t, teams));
    write(`${folder}/main.bicepparam`, teamParams(t));
    write(`${folder}/azuredeploy.json`, teamArm(t, teams));
    write(`${folder}/azuredeploy.parameters.json`, teamArmParameters(t));
  }
  return { root, files: sharedFiles + teams * filesPerTeam, editTarget: path.join(root, `teams/${teamName(teams >> 1)}/main.bicep`) };
}

const teamName = (t: number) => `team-${String(t).padStart(4, '0')}`;

const actionGroupModule = `@description('Name of the action group')
param name string
param shortName string
param roleId string = '749f88d5-cbae-40b8-bcfc-e573ddc772fa'
param webhookUri string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: name
  location: 'global'
  properties: {
    groupShortName: shortName
    enabled: true
    armRoleReceivers: [
      {
        name: 'responders'
        roleId: roleId
        useCommonAlertSchema: true
      }
    ]
    webhookReceivers: [
      {
        name: 'incidents'
        serviceUri: webhookUri
        useCommonAlertSchema: true
        useAadAuth: true
        objectId: '3f9a6c2e-8b1d-4e7a-9c05-6d2b4f8e1a73'
        identifierUri: 'api://incidents'
        tenantId: tenant().tenantId
      }
    ]
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: '\${name}-lock'
  scope: actionGroup
  properties: {
    level: 'CanNotDelete'
  }
}

output id string = actionGroup.id
`;

const notifierModule = `param name string
param location string
param timeZone string = 'Central Standard Time'
param workspaceId string

resource notifier 'Microsoft.Logic/workflows@2019-05-01' = {
  name: name
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  tags: {
    'hipaa-notify': 'notification'
  }
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        daily: {
          type: 'Recurrence'
          recurrence: {
            frequency: 'Day'
            interval: 1
            timeZone: timeZone
          }
        }
      }
      actions: {
        notify: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://incidents.example.com/api/notify'
            authentication: {
              type: 'ManagedServiceIdentity'
            }
          }
          retryPolicy: {
            type: 'exponential'
            count: 4
            interval: 'PT10S'
          }
        }
        recordFailure: {
          type: 'Http'
          runAfter: {
            notify: [
              'Failed'
              'TimedOut'
            ]
          }
          inputs: {
            method: 'POST'
            uri: 'https://incidents.example.com/api/failures'
          }
          retryPolicy: {
            type: 'exponential'
            count: 4
            interval: 'PT10S'
          }
        }
      }
    }
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'delivery'
  scope: notifier
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: '\${name}-lock'
  scope: notifier
  properties: {
    level: 'CanNotDelete'
  }
}

output principalId string = notifier.identity.principalId
`;

const phiStorageModule = `param name string
param location string
param workspaceId string

resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: location
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: account
  name: 'default'
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: blobs
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}
`;

const workspaceTemplate = `param location string = resourceGroup().location

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'law-shared'
  location: location
  properties: {
    retentionInDays: 730
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'law-shared-lock'
  scope: workspace
  properties: {
    level: 'CanNotDelete'
  }
}
`;

const policy = `apiVersion: hipaa-notify/v1
kind: NotificationPolicy
metadata:
  name: estate-breach-notification
  description: Breach notification for every team of the platform
spec:
  entity:
    role: coveredEntity
    timeZone: America/Chicago
  discovery:
    - source: activityLog
      categories: [Administrative, Security]
  escalation:
    - tier: 1
      within: PT15M
      actionGroup: ag-${teamName(0)}
      recipients:
        - armRole: Monitoring Contributor
  deadlines:
    individuals: P60D
    media: P60D
    hhs: P60D
  auditTrail:
    workspace: law-shared
    retentionDays: 2190
`;

function teamBicep(t: number, teams: number): string {
  const name = teamName(t);
  const routedTo = teamName((t + 1) % teams);
  return `// Notification resources of ${name}; its alerts page the next team's on-call group too.
param location string = resourceGroup().location
param teamName string = '${name}'
param environment string = 'prod'
param threshold int = 90

var workspaceId = resourceId('Microsoft.OperationalInsights/workspaces', 'law-shared')

module actionGroup '../../modules/actionGroup.bicep' = {
  name: 'ag-\${teamName}'
  params: {
    name: 'ag-\${teamName}'
    shortName: '${name.slice(-8)}'
    webhookUri: 'https://incidents.example.com/hooks/\${teamName}'
  }
}

module notifier '../../modules/notifier.bicep' = {
  name: 'notifier-\${teamName}'
  params: {
    name: 'la-\${teamName}-notify'
    location: location
    workspaceId: workspaceId
  }
}

module storage '../../modules/phiStorage.bicep' = {
  name: 'storage-\${teamName}'
  params: {
    name: 'st\${replace(teamName, '-', '')}\${environment}'
    location: location
    workspaceId: workspaceId
  }
}

resource cpuAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'cpu-\${teamName}-\${environment}'
  location: 'global'
  properties: {
    severity: 2
    enabled: true
    scopes: [
      resourceId('Microsoft.Storage/storageAccounts', 'st\${replace(teamName, '-', '')}\${environment}')
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'availability'
          metricName: 'Availability'
          operator: 'LessThan'
          threshold: threshold
          timeAggregation: 'Average'
          criterionType: 'StaticThresholdCriterion'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.outputs.id
      }
      {
        actionGroupId: resourceId('Microsoft.Insights/actionGroups', 'ag-${routedTo}')
      }
    ]
  }
}

resource alertLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'cpu-\${teamName}-lock'
  scope: cpuAlert
  properties: {
    level: 'CanNotDelete'
  }
}
`;
}

function teamParams(t: number): string {
  return `using 'main.bicep'

param teamName = '${teamName(t)}'
param environment = 'prod'
param threshold = ${90 + (t % 9)}
`;
}

function teamArm(t: number, teams: number): string {
  const name = teamName(t);
  const routedTo = teamName((t + 7) % teams);
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      teamName: { type: 'string', defaultValue: name },
      topicName: { type: 'string', defaultValue: `egt-${name}` },
    },
    variables: {
      actionGroupId: `[resourceId('Microsoft.Insights/actionGroups', 'ag-${routedTo}')]`,
    },
    resources: [
      {
        type: 'Microsoft.Insights/activityLogAlerts',
        apiVersion: '2020-10-01',
        name: "[concat('ala-', parameters('teamName'), '-admin')]",
        location: 'global',
        properties: {
          enabled: true,
          scopes: ['[subscription().id]'],
          condition: { allOf: [{ field: 'category', equals: 'Administrative' }] },
          actions: { actionGroups: [{ actionGroupId: "[variables('actionGroupId')]" }] },
        },
      },
      {
        type: 'Microsoft.EventGrid/topics',
        apiVersion: '2022-06-15',
        name: "[parameters('topicName')]",
        location: '[resourceGroup().location]',
        properties: {},
      },
      {
        type: 'Microsoft.EventGrid/topics/eventSubscriptions',
        apiVersion: '2022-06-15',
        name: "[concat(parameters('topicName'), '/to-incidents')]",
        dependsOn: ["[resourceId('Microsoft.EventGrid/topics', parameters('topicName'))]"],
        properties: {
          destination: { endpointType: 'WebHook', properties: { endpointUrl: `https://incidents.example.com/events/${name}` } },
          retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 },
          deadLetterDestination: { endpointType: 'StorageBlob', properties: { resourceId: `[resourceId('Microsoft.Storage/storageAccounts', 'st${name.replace('-', '')}prod')]`, blobContainerName: 'deadletter' } },
        },
      },
    ],
  };
  return JSON.stringify(template, null, 2) + '\n';
}

function teamArmParameters(t: number): string {
  return JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { teamName: { value: teamName(t) } } }, null, 2) + '\n';
}

if (require.main === module) {
  const [dir, size] = process.argv.slice(2);
  if (!dir || !size) {
    console.error('usage: node out/test/bench/generateWorkspace.js DIR TEMPLATES');
    process.exit(2);
  }
  const generated = generateWorkspace(path.resolve(dir), Number(size));
  console.log(`${generated.files} files in ${generated.root}; edit ${generated.editTarget}`);
}
