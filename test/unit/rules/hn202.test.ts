import { hn202LogicAppNoFailurePath } from '../../../server/src/rules/template/hn202LogicAppNoFailurePath';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';
import { notifierWorkflow, pageAction } from './workflowFixture';

const recordFailure = (statuses: Described, after = 'Page_on_call'): Described => ({
  type: 'Compose',
  inputs: { incident: 'paging failed', run: "@{workflow()?['run']?['name']}" },
  runAfter: { [after]: statuses },
});
const paged = (statuses: Described) => notifierWorkflow({ Page_on_call: pageAction(), Record_page_failure: recordFailure(statuses) });
const arm = (statuses: Described, extra = {}) => armTemplate(armResource(paged(statuses), extra));
const mail = (to: string): Described => ({
  type: 'ApiConnection',
  inputs: { host: { connection: { name: "@parameters('$connections')['office365']['connectionId']" } }, method: 'post', path: '/v2/Mail', body: { To: to, Subject: 'Possible PHI incident' } },
  runAfter: {},
});
const teams: Described = {
  type: 'ApiConnection',
  inputs: { host: { connection: { name: "@parameters('$connections')['teams']['connectionId']" } }, method: 'post', path: '/v3/beta/teams/conversation/message/poster/Flow bot/location/Channel', body: { recipient: { groupId: 'c0a8e1f2-0000-4000-8000-000000000001', channelId: '19:privacy@thread.tacv2' }, messageBody: 'Possible PHI incident' } },
  runAfter: {},
};
const post = (uri: Described): Described => ({ type: 'Http', inputs: { method: 'POST', uri, body: '@triggerBody()' }, runAfter: {} });
/** A notifier whose workflow parameter `endpoint` has the given value (undefined: no value, no default). */
const withEndpoint = (uri: Described, endpoint: Described | undefined) => {
  const workflow = notifierWorkflow({ Post_alert: post(uri) });
  const properties = workflow.body.properties as { readonly [key: string]: Described };
  const definition = properties.definition as { readonly [key: string]: Described };
  return {
    ...workflow,
    body: {
      ...workflow.body,
      properties: { ...properties, definition: { ...definition, parameters: { endpoint: { type: 'String' } } }, ...(endpoint === undefined ? {} : { parameters: { endpoint: { value: endpoint } } }) },
    },
  };
};
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "onFailure": { "value": [ "Succeeded" ] }\n  }\n}\n';

testRule(hn202LogicAppNoFailurePath, {
  valid: [
    { name: 'ARM: a handler runs after Failed and TimedOut', files: { 'azuredeploy.json': arm(['Failed', 'TimedOut']) } },
    {
      name: 'ARM: a handler runs after the Scope that holds the sending action',
      files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Notify: { type: 'Scope', actions: { Page_on_call: pageAction() }, runAfter: {} }, Escalate: recordFailure(['Failed'], 'Notify') }))) },
    },
    { name: 'ARM: an action that is itself the failure path needs none', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction(), Page_backup: pageAction({}, { Page_on_call: ['Failed'] }), Log: recordFailure(['Failed'], 'Page_backup') }))) } },
    { name: 'ARM: reading a Key Vault secret is not a notification', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Get_secret: { type: 'Http', inputs: { method: 'POST', uri: 'https://kv-claims-phi.vault.azure.net/secrets/pager/?api-version=7.4' }, runAfter: {} } }))) } },
    { name: 'ARM: a GET sends nothing', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Read_roster: { type: 'Http', inputs: { method: 'GET', uri: 'https://roster.contoso-health.com/oncall' }, runAfter: {} } }))) } },
    { name: 'ARM: a Logic App that is no notification component', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction() }, { tag: 'none' }))) } },
    { name: 'ARM: statuses from a parameter without a default are unknown', files: { 'azuredeploy.json': armTemplate(armResource(paged(expression('', "parameters('onFailure')"))), { parameters: '"onFailure": { "type": "array" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction() }), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction() }), { metadata: { 'hipaa-notify': { suppress: { HN202: 'PagerDuty escalates on its own' } } } })) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction() }))).replace('"Page_on_call": {', '// hipaa-notify-disable-next-line HN202 -- PagerDuty escalates on its own\n          "Page_on_call": {') } },
    { name: 'ARM: a method from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: { type: 'Http', inputs: { method: expression('', "parameters('method')"), uri: 'https://events.pagerduty.com/v2/enqueue' }, runAfter: {} } })), { parameters: '"method": { "type": "string" }' }) } },
    { name: 'ARM: an address that depends on the Azure cloud is unknown', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Pause_pool: post(expression('', "concat(environment().resourceManager, 'subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Synapse/workspaces/syn-claims/sqlPools/claims/pause?api-version=2021-06-01')")) }))) } },
    { name: 'ARM: a Key Vault call in Azure Government is not a notification', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Get_secret: post('https://kv-claims-phi.vault.usgovcloudapi.net/secrets/pager/?api-version=7.4') }))) } },
    { name: 'ARM: a workflow parameter naming Resource Manager is not a notification', files: { 'azuredeploy.json': armTemplate(armResource(withEndpoint("@{parameters('endpoint')}subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups?api-version=2021-04-01", 'https://management.azure.com/'))) } },
    { name: 'ARM: a workflow parameter without a value is unknown', files: { 'azuredeploy.json': armTemplate(armResource(withEndpoint("@parameters('endpoint')", undefined))) } },
    { name: 'Bicep: a handler runs after Failed', files: { 'main.bicep': bicepResource(paged(['Failed'])) } },
    { name: 'Bicep: statuses from a parameter without a default are unknown', files: { 'main.bicep': `param onFailure array\n\n${bicepResource(paged(expression('onFailure', '')))}` } },
    { name: 'Bicep: a handler after the If that holds a Teams post', files: { 'main.bicep': bicepResource(notifierWorkflow({ Check: { type: 'If', expression: { equals: ["@triggerBody()?['severity']", 'Sev0'] }, actions: { Post_to_privacy_channel: teams }, runAfter: {} }, Escalate: recordFailure(['TimedOut'], 'Check') })) } },
    { name: 'Bicep: a query through the Azure Monitor Logs connector sends nothing', files: { 'main.bicep': bicepResource(notifierWorkflow({ Query: { ...teams as object, inputs: { host: { connection: { name: "@parameters('$connections')['azuremonitorlogs']['connectionId']" } }, method: 'post', path: '/queryData' } } })) } },
    {
      name: 'Bicep: a handler on Skipped after the step that waits for the page',
      files: { 'main.bicep': bicepResource(notifierWorkflow({ Page_on_call: pageAction(), Log_page: recordFailure(['Succeeded']), Escalate: recordFailure(['Skipped', 'Failed'], 'Log_page') })) },
    },
    { name: 'Bicep: one status from a parameter without a default is unknown', files: { 'main.bicep': `param handlerStatus string\n\n${bicepResource(paged(['Succeeded', expression('handlerStatus', '')]))}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(notifierWorkflow({ Page_on_call: pageAction() }), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(notifierWorkflow({ Page_on_call: pageAction() })).replace('      Page_on_call: {', '      // hipaa-notify-disable-next-line HN202 -- PagerDuty escalates on its own\n      Page_on_call: {') } },
  ],
  invalid: [
    { name: 'ARM: a page without a handler', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction() }))) }, rewrites: { 'azuredeploy.json': [['              "runAfter": {}\n', '              "runAfter": {}\n            },\n            "Handle_Page_on_call_failure": {\n              "type": "Scope",\n              "actions": {\n                "Record_failure": {\n                  "type": "Compose",\n                  "inputs": {\n                    "failedAction": "Page_on_call",\n                    "status": "@{actions(\'Page_on_call\')?[\'status\']}",\n                    "error": "@{actions(\'Page_on_call\')?[\'error\']}",\n                    "at": "@{utcNow()}"\n                  },\n                  "runAfter": {}\n                }\n              },\n              "runAfter": {\n                "Page_on_call": [\n                  "Failed",\n                  "TimedOut"\n                ]\n              }\n']] }, findings: [{ file: 'azuredeploy.json', line: 29, message: /'Page_on_call' of Microsoft.Logic\/workflows 'la-claims-breach-notifier' sends a notification but nothing runs when it fails/ }] },
    { name: 'ARM: the next action runs only on success', files: { 'azuredeploy.json': arm(['Succeeded']) }, rewrites: { 'azuredeploy.json': [['                ]\n              }\n', '                ]\n              }\n            },\n            "Handle_Page_on_call_failure": {\n              "type": "Scope",\n              "actions": {\n                "Record_failure": {\n                  "type": "Compose",\n                  "inputs": {\n                    "failedAction": "Page_on_call",\n                    "status": "@{actions(\'Page_on_call\')?[\'status\']}",\n                    "error": "@{actions(\'Page_on_call\')?[\'error\']}",\n                    "at": "@{utcNow()}"\n                  },\n                  "runAfter": {}\n                }\n              },\n              "runAfter": {\n                "Page_on_call": [\n                  "Failed",\n                  "TimedOut"\n                ]\n              }\n']] }, findings: [{ file: 'azuredeploy.json', line: 29, message: /'Page_on_call'/ }] },
    {
      name: 'ARM: an Office 365 mail inside an If, and a Function call',
      files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Check: { type: 'If', expression: { equals: ['@triggerBody()?[\'severity\']', 'Sev0'] }, actions: { Send_breach_email: mail('@{triggerBody()?[\'owner\']}') }, runAfter: {} }, Call_notifier: { type: 'Function', inputs: { function: { id: "[resourceId('Microsoft.Web/sites/functions', 'func-claims', 'notify')]" } }, runAfter: { Check: ['Succeeded'] } } }))) },
      rewrites: { 'azuredeploy.json': [['                  "runAfter": {}\n', '                  "runAfter": {}\n                },\n                "Handle_Send_breach_email_failure": {\n                  "type": "Scope",\n                  "actions": {\n                    "Record_failure": {\n                      "type": "Compose",\n                      "inputs": {\n                        "failedAction": "Send_breach_email",\n                        "status": "@{actions(\'Send_breach_email\')?[\'status\']}",\n                        "error": "@{actions(\'Send_breach_email\')?[\'error\']}",\n                        "at": "@{utcNow()}"\n                      },\n                      "runAfter": {}\n                    }\n                  },\n                  "runAfter": {\n                    "Send_breach_email": [\n                      "Failed",\n                      "TimedOut"\n                    ]\n                  }\n'], ['                ]\n              }\n', '                ]\n              }\n            },\n            "Handle_Call_notifier_failure": {\n              "type": "Scope",\n              "actions": {\n                "Record_failure": {\n                  "type": "Compose",\n                  "inputs": {\n                    "failedAction": "Call_notifier",\n                    "status": "@{actions(\'Call_notifier\')?[\'status\']}",\n                    "error": "@{actions(\'Call_notifier\')?[\'error\']}",\n                    "at": "@{utcNow()}"\n                  },\n                  "runAfter": {}\n                }\n              },\n              "runAfter": {\n                "Call_notifier": [\n                  "Failed",\n                  "TimedOut"\n                ]\n              }\n']] },
      findings: [
        { file: 'azuredeploy.json', line: 38, message: /'Send_breach_email'/ },
        { file: 'azuredeploy.json', line: 58, message: /'Call_notifier'/ },
      ],
    },
    { name: 'ARM: a post to a webhook from a workflow parameter', files: { 'azuredeploy.json': armTemplate(armResource(withEndpoint("@parameters('endpoint')", 'https://contoso.webhook.office.com/webhookb2/privacy-office'))) }, rewrites: { 'azuredeploy.json': [['              "runAfter": {}\n', '              "runAfter": {}\n            },\n            "Handle_Post_alert_failure": {\n              "type": "Scope",\n              "actions": {\n                "Record_failure": {\n                  "type": "Compose",\n                  "inputs": {\n                    "failedAction": "Post_alert",\n                    "status": "@{actions(\'Post_alert\')?[\'status\']}",\n                    "error": "@{actions(\'Post_alert\')?[\'error\']}",\n                    "at": "@{utcNow()}"\n                  },\n                  "runAfter": {}\n                }\n              },\n              "runAfter": {\n                "Post_alert": [\n                  "Failed",\n                  "TimedOut"\n                ]\n              }\n']] }, findings: [{ file: 'azuredeploy.json', line: 29, message: /'Post_alert'/ }] },
    { name: 'ARM: a post to an address read from the alert at run time', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Post_alert: post("@{triggerBody()?['callbackUrl']}") }))) }, rewrites: { 'azuredeploy.json': [['              "runAfter": {}\n', '              "runAfter": {}\n            },\n            "Handle_Post_alert_failure": {\n              "type": "Scope",\n              "actions": {\n                "Record_failure": {\n                  "type": "Compose",\n                  "inputs": {\n                    "failedAction": "Post_alert",\n                    "status": "@{actions(\'Post_alert\')?[\'status\']}",\n                    "error": "@{actions(\'Post_alert\')?[\'error\']}",\n                    "at": "@{utcNow()}"\n                  },\n                  "runAfter": {}\n                }\n              },\n              "runAfter": {\n                "Post_alert": [\n                  "Failed",\n                  "TimedOut"\n                ]\n              }\n']] }, findings: [{ file: 'azuredeploy.json', line: 29, message: /'Post_alert'/ }] },
    {
      name: 'ARM: statuses through a parameter default',
      files: { 'azuredeploy.json': armTemplate(armResource(paged(expression('', "parameters('onFailure')"))), { parameters: '"onFailure": { "type": "array", "defaultValue": [ "Succeeded" ] }' }) },
      rewrites: { 'azuredeploy.json': [['                "Page_on_call": "[parameters(\'onFailure\')]"\n              }\n', '                "Page_on_call": "[parameters(\'onFailure\')]"\n              }\n            },\n            "Handle_Page_on_call_failure": {\n              "type": "Scope",\n              "actions": {\n                "Record_failure": {\n                  "type": "Compose",\n                  "inputs": {\n                    "failedAction": "Page_on_call",\n                    "status": "@{actions(\'Page_on_call\')?[\'status\']}",\n                    "error": "@{actions(\'Page_on_call\')?[\'error\']}",\n                    "at": "@{utcNow()}"\n                  },\n                  "runAfter": {}\n                }\n              },\n              "runAfter": {\n                "Page_on_call": [\n                  "Failed",\n                  "TimedOut"\n                ]\n              }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 29, message: /'Page_on_call'/ }],
    },
    {
      name: 'ARM: statuses through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(paged(expression('', "parameters('onFailure')"))), { parameters: '"onFailure": { "type": "array", "defaultValue": [ "Failed" ] }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.json': [['                "Page_on_call": "[parameters(\'onFailure\')]"\n              }\n', '                "Page_on_call": "[parameters(\'onFailure\')]"\n              }\n            },\n            "Handle_Page_on_call_failure": {\n              "type": "Scope",\n              "actions": {\n                "Record_failure": {\n                  "type": "Compose",\n                  "inputs": {\n                    "failedAction": "Page_on_call",\n                    "status": "@{actions(\'Page_on_call\')?[\'status\']}",\n                    "error": "@{actions(\'Page_on_call\')?[\'error\']}",\n                    "at": "@{utcNow()}"\n                  },\n                  "runAfter": {}\n                }\n              },\n              "runAfter": {\n                "Page_on_call": [\n                  "Failed",\n                  "TimedOut"\n                ]\n              }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 29, message: /'Page_on_call'/ }],
    },
    {
      name: 'ARM: the actions from a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow(expression('', "variables('actions')") as never, { name: expression('', "concat('la-claims-notifier-', copyIndex())") }), { copy: { name: 'notifiers', count: 2 } }), { variables: '\n    "actions": { "Page_on_call": { "type": "Http", "inputs": { "method": "POST", "uri": "https://events.pagerduty.com/v2/enqueue" }, "runAfter": {} } }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['    "actions": { "Page_on_call": { "type": "Http", "inputs": { "method": "POST", "uri": "https://events.pagerduty.com/v2/enqueue" }, "runAfter": {} } }\n', '    "actions": {\n      "Page_on_call": {\n        "type": "Http",\n        "inputs": {\n          "method": "POST",\n          "uri": "https://events.pagerduty.com/v2/enqueue"\n        },\n        "runAfter": {}\n      },\n      "Handle_Page_on_call_failure": {\n        "type": "Scope",\n        "actions": {\n          "Record_failure": {\n            "type": "Compose",\n            "inputs": {\n              "failedAction": "Page_on_call",\n              "status": "@{actions(\'Page_on_call\')?[\'status\']}",\n              "error": "@{actions(\'Page_on_call\')?[\'error\']}",\n              "at": "@{utcNow()}"\n            },\n            "runAfter": {}\n          }\n        },\n        "runAfter": {\n          "Page_on_call": [\n            "Failed",\n            "TimedOut"\n          ]\n        }\n      }\n    }\n']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'la-claims-notifier-0'/ },
      ],
    },
    { name: 'Bicep: a page without a handler', files: { 'main.bicep': bicepResource(notifierWorkflow({ Page_on_call: pageAction() })) }, rewrites: { 'main.bicep': [['          runAfter: {}\n        }\n', '          runAfter: {}\n        }\n        Handle_Page_on_call_failure: {\n          type: \'Scope\'\n          actions: {\n            Record_failure: {\n              type: \'Compose\'\n              inputs: {\n                failedAction: \'Page_on_call\'\n                status: \'@{actions(\\\'Page_on_call\\\')?[\\\'status\\\']}\'\n                error: \'@{actions(\\\'Page_on_call\\\')?[\\\'error\\\']}\'\n                at: \'@{utcNow()}\'\n              }\n              runAfter: {}\n            }\n          }\n          runAfter: {\n            Page_on_call: [\n              \'Failed\'\n              \'TimedOut\'\n            ]\n          }\n        }\n']] }, findings: [{ file: 'main.bicep', line: 21, message: /'Page_on_call'.*runs after it on Failed and TimedOut/ }] },
    {
      name: 'Bicep: Skipped after an action the page does not gate is no failure path',
      files: { 'main.bicep': bicepResource(notifierWorkflow({ Page_on_call: pageAction(), Load_roster: { type: 'Compose', inputs: 'roster', runAfter: {} }, Escalate: recordFailure(['Skipped'], 'Load_roster') })) },
      rewrites: { 'main.bicep': [['            ]\n          }\n        }\n', '            ]\n          }\n        }\n        Handle_Page_on_call_failure: {\n          type: \'Scope\'\n          actions: {\n            Record_failure: {\n              type: \'Compose\'\n              inputs: {\n                failedAction: \'Page_on_call\'\n                status: \'@{actions(\\\'Page_on_call\\\')?[\\\'status\\\']}\'\n                error: \'@{actions(\\\'Page_on_call\\\')?[\\\'error\\\']}\'\n                at: \'@{utcNow()}\'\n              }\n              runAfter: {}\n            }\n          }\n          runAfter: {\n            Page_on_call: [\n              \'Failed\'\n              \'TimedOut\'\n            ]\n          }\n        }\n']] },
      findings: [{ file: 'main.bicep', line: 21, message: /'Page_on_call'/ }],
    },
    {
      name: 'Bicep: statuses through a parameter default',
      files: { 'main.bicep': `param onFailure array = [\n  'Succeeded'\n]\n\n${bicepResource(paged(expression('onFailure', '')))}` },
      rewrites: { 'main.bicep': [['            Page_on_call: onFailure\n          }\n        }\n', '            Page_on_call: onFailure\n          }\n        }\n        Handle_Page_on_call_failure: {\n          type: \'Scope\'\n          actions: {\n            Record_failure: {\n              type: \'Compose\'\n              inputs: {\n                failedAction: \'Page_on_call\'\n                status: \'@{actions(\\\'Page_on_call\\\')?[\\\'status\\\']}\'\n                error: \'@{actions(\\\'Page_on_call\\\')?[\\\'error\\\']}\'\n                at: \'@{utcNow()}\'\n              }\n              runAfter: {}\n            }\n          }\n          runAfter: {\n            Page_on_call: [\n              \'Failed\'\n              \'TimedOut\'\n            ]\n          }\n        }\n']] },
      findings: [{ file: 'main.bicep', line: 25, message: /'Page_on_call'/ }],
    },
    {
      name: 'Bicep: a Teams post inside a Switch case',
      files: { 'main.bicep': bicepResource(notifierWorkflow({ Route: { type: 'Switch', expression: "@triggerBody()?['severity']", cases: { Sev0: { case: 'Sev0', actions: { Post_to_privacy_channel: teams } } }, default: { actions: {} }, runAfter: {} } })) },
      rewrites: { 'main.bicep': [['                  runAfter: {}\n                }\n', '                  runAfter: {}\n                }\n                Handle_Post_to_privacy_channel_failure: {\n                  type: \'Scope\'\n                  actions: {\n                    Record_failure: {\n                      type: \'Compose\'\n                      inputs: {\n                        failedAction: \'Post_to_privacy_channel\'\n                        status: \'@{actions(\\\'Post_to_privacy_channel\\\')?[\\\'status\\\']}\'\n                        error: \'@{actions(\\\'Post_to_privacy_channel\\\')?[\\\'error\\\']}\'\n                        at: \'@{utcNow()}\'\n                      }\n                      runAfter: {}\n                    }\n                  }\n                  runAfter: {\n                    Post_to_privacy_channel: [\n                      \'Failed\'\n                      \'TimedOut\'\n                    ]\n                  }\n                }\n']] },
      findings: [{ file: 'main.bicep', line: 28, message: /'Post_to_privacy_channel'/ }],
    },
    {
      name: 'Bicep: statuses through a .bicepparam value',
      files: { 'main.bicep': `param onFailure array = [\n  'Failed'\n]\n\n${bicepResource(paged(expression('onFailure', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam onFailure = [\n  'Skipped'\n]\n" },
      rewrites: { 'main.bicep': [['            Page_on_call: onFailure\n          }\n        }\n', '            Page_on_call: onFailure\n          }\n        }\n        Handle_Page_on_call_failure: {\n          type: \'Scope\'\n          actions: {\n            Record_failure: {\n              type: \'Compose\'\n              inputs: {\n                failedAction: \'Page_on_call\'\n                status: \'@{actions(\\\'Page_on_call\\\')?[\\\'status\\\']}\'\n                error: \'@{actions(\\\'Page_on_call\\\')?[\\\'error\\\']}\'\n                at: \'@{utcNow()}\'\n              }\n              runAfter: {}\n            }\n          }\n          runAfter: {\n            Page_on_call: [\n              \'Failed\'\n              \'TimedOut\'\n            ]\n          }\n        }\n']] },
      findings: [{ file: 'main.bicep', line: 25, message: /'Page_on_call'/ }],
    },
    {
      name: 'Bicep: a variable action in a loop of notifiers',
      files: { 'main.bicep': `var page = {\n  type: 'Http'\n  inputs: {\n    method: 'POST'\n    uri: 'https://events.pagerduty.com/v2/enqueue'\n  }\n  runAfter: {}\n}\n\n${bicepResource(notifierWorkflow({ Page_on_call: expression('page', '') }, { name: expression("'la-claims-${region}'", '') }), { loop: "region in ['eastus', 'westus']" })}` },
      rewrites: { 'main.bicep': [['        Page_on_call: page\n', '        Page_on_call: page\n        Handle_Page_on_call_failure: {\n          type: \'Scope\'\n          actions: {\n            Record_failure: {\n              type: \'Compose\'\n              inputs: {\n                failedAction: \'Page_on_call\'\n                status: \'@{actions(\\\'Page_on_call\\\')?[\\\'status\\\']}\'\n                error: \'@{actions(\\\'Page_on_call\\\')?[\\\'error\\\']}\'\n                at: \'@{utcNow()}\'\n              }\n              runAfter: {}\n            }\n          }\n          runAfter: {\n            Page_on_call: [\n              \'Failed\'\n              \'TimedOut\'\n            ]\n          }\n        }\n']] },
      findings: [
        { file: 'main.bicep', line: 2, message: /'la-claims-eastus'/ },
      ],
    },
    {
      name: 'Bicep: a module deploys the notifier',
      files: { 'main.bicep': "module notifier 'modules/notifier.bicep' = {\n  name: 'notifier'\n  params: {\n    notifierName: 'la-claims-breach-notifier'\n  }\n}\n", 'modules/notifier.bicep': `param notifierName string\n\n${bicepResource(notifierWorkflow({ Page_on_call: pageAction() }, { name: expression('notifierName', '') }))}` },
      rewrites: { 'modules/notifier.bicep': [['          runAfter: {}\n        }\n', '          runAfter: {}\n        }\n        Handle_Page_on_call_failure: {\n          type: \'Scope\'\n          actions: {\n            Record_failure: {\n              type: \'Compose\'\n              inputs: {\n                failedAction: \'Page_on_call\'\n                status: \'@{actions(\\\'Page_on_call\\\')?[\\\'status\\\']}\'\n                error: \'@{actions(\\\'Page_on_call\\\')?[\\\'error\\\']}\'\n                at: \'@{utcNow()}\'\n              }\n              runAfter: {}\n            }\n          }\n          runAfter: {\n            Page_on_call: [\n              \'Failed\'\n              \'TimedOut\'\n            ]\n          }\n        }\n']] },
      findings: [{ file: 'modules/notifier.bicep', line: 23, message: /'la-claims-breach-notifier'/ }],
    },
  ],
});
