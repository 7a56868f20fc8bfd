import { hn102LogicAppHardcodedRecipients } from '../../../server/src/rules/template/hn102LogicAppHardcodedRecipients';
import { armTemplate, testRule } from './ruleTester';
import { bicepResource, expression, type Described } from './templateText';
import { notifierWorkflow } from './workflowFixture';

const mailTo = (to: Described, name?: Described) => notifierWorkflow({ Send_breach_email: { type: 'ApiConnection', inputs: { host: { connection: { name: "@parameters('$connections')['office365']['connectionId']" } }, method: 'post', path: '/v2/Mail', body: { To: to, Subject: 'Possible PHI incident' } }, runAfter: {} } }, { name, tag: 'none' });

const workflow = (actions: string, extra = '', parameters = '') => `    {
      "type": "Microsoft.Logic/workflows",
      "apiVersion": "2019-05-01",
      "name": "la-breach-notifier",
      "location": "eastus",${extra}
      "properties": {${parameters}
        "definition": {
          "triggers": { "manual": { "type": "Request", "kind": "Http", "inputs": { "schema": {} } } },
          "actions": {
${actions}
          }
        }
      }
    }`;
const outlookMail = (to: string) => `            "Send_breach_email": {
              "type": "ApiConnection",
              "inputs": {
                "host": { "connection": { "name": "@parameters('$connections')['office365']['connectionId']" } },
                "method": "post",
                "path": "/v2/Mail",
                "body": { "To": ${to}, "Subject": "Possible PHI incident" }
              },
              "runAfter": {}
            }`;
const graphMail = (recipients: string) => `            "Send_notification_mail": {
              "type": "Http",
              "inputs": {
                "method": "POST",
                "uri": "https://graph.microsoft.com/v1.0/users/hipaa-notifications@contoso.com/sendMail",
                "body": { "message": { "subject": "Possible PHI incident", "toRecipients": ${recipients} } }
              },
              "runAfter": {}
            }`;
const inScope = (inner: string) => `            "Notify": {
              "type": "If",
              "expression": { "and": [ { "equals": [ "@triggerBody()?['severity']", "Sev0" ] } ] },
              "actions": {},
              "else": { "actions": {
${inner}
              } },
              "runAfter": {}
            }`;

testRule(hn102LogicAppHardcodedRecipients, {
  valid: [
    { name: 'ARM: recipients from a workflow expression', files: { 'azuredeploy.json': armTemplate(workflow(graphMail(`"@body('Build_recipients')"`))) } },
    { name: 'ARM: recipient interpolated from the trigger', files: { 'azuredeploy.json': armTemplate(workflow(outlookMail(`"@{triggerBody()?['owner']}"`))) } },
    { name: 'ARM: recipient from a template parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(workflow(outlookMail(`"[parameters('to')]"`)), { parameters: '"to": { "type": "string" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(workflow(outlookMail('"dana.whitfield@contoso-claims.com"'), '\n      "condition": false,')) } },
    { name: 'ARM: the sender mailbox in a Graph URI is not a recipient', files: { 'azuredeploy.json': armTemplate(workflow(graphMail('[]'))) } },
    {
      name: 'ARM: a connector that does not send (Blob storage) is not checked',
      files: { 'azuredeploy.json': armTemplate(workflow(outlookMail('"dana.whitfield@contoso-claims.com"').replace("['office365']", "['azureblob']"))) },
    },
    {
      name: 'ARM: suppressed with a reason',
      files: { 'azuredeploy.json': armTemplate(workflow(outlookMail('"dana.whitfield@contoso-claims.com"')).replace('            "Send_breach_email"', '            // hipaa-notify-disable-next-line HN102 -- test workflow, never deployed to production\n            "Send_breach_email"')) },
    },
    {
      name: 'Bicep: recipients from a workflow expression',
      files: {
        'main.bicep': "resource la 'Microsoft.Logic/workflows@2019-05-01' = {\n  name: 'la-breach-notifier'\n  location: 'eastus'\n  properties: {\n    definition: {\n      triggers: {}\n      actions: {\n        Send: {\n          type: 'ApiConnection'\n          inputs: {\n            host: { connection: { name: '@parameters(\\'$connections\\')[\\'office365\\'][\\'connectionId\\']' } }\n            body: { To: '@{body(\\'Build\\')}' }\n          }\n          runAfter: {}\n        }\n      }\n    }\n  }\n}\n",
      },
    },
    { name: 'Bicep: a recipient from a parameter without a default is unknown', files: { 'main.bicep': `param to string\n\n${bicepResource(mailTo(expression('to', '')))}` } },
    { name: 'Bicep: a reserved example address is not a real recipient', files: { 'main.bicep': bicepResource(mailTo('privacy-officer@example.com')) } },
    { name: 'Bicep: not deployed (condition false through a parameter default)', files: { 'main.bicep': `param deployNotifier bool = false\n\n${bicepResource(mailTo('dana.whitfield@contoso-claims.com'), { condition: 'deployNotifier' })}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(mailTo('dana.whitfield@contoso-claims.com'), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(mailTo('dana.whitfield@contoso-claims.com')).replace("          To: 'dana", "          // hipaa-notify-disable-next-line HN102 -- test workflow, never deployed to production\n          To: 'dana") } },
  ],
  invalid: [
    {
      name: 'ARM: Office 365 mail to a literal address',
      files: { 'azuredeploy.json': armTemplate(workflow(outlookMail('"dana.whitfield@contoso-claims.com"'))) },
      findings: [{ file: 'azuredeploy.json', line: 22, message: /action 'Send_breach_email' of Microsoft.Logic\/workflows 'la-breach-notifier' sends to the literal recipient 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'ARM: Graph sendMail inside an If else branch',
      files: { 'azuredeploy.json': armTemplate(workflow(inScope(graphMail('[ { "emailAddress": { "address": "jkowalski@contoso-claims.com" } } ]')))) },
      findings: [{ file: 'azuredeploy.json', line: 26, message: /'Send_notification_mail'.*'jkowalski@contoso-claims.com'/ }],
    },
    {
      name: 'ARM: literal text around an expression hole',
      files: { 'azuredeploy.json': armTemplate(workflow(outlookMail(`"@{triggerBody()?['owner']};dana.whitfield@contoso-claims.com"`))) },
      findings: [{ file: 'azuredeploy.json', line: 22, message: /'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'ARM: through a template parameter default, at the default',
      files: { 'azuredeploy.json': armTemplate(workflow(outlookMail(`"[parameters('to')]"`)), { parameters: '\n    "to": { "type": "string", "defaultValue": "dana.whitfield@contoso-claims.com" }\n  ' }) },
      findings: [{ file: 'azuredeploy.json', line: 5, message: /literal recipient 'dana.whitfield/ }],
    },
    {
      name: 'ARM: through a parameter file',
      files: {
        'azuredeploy.json': armTemplate(workflow(outlookMail(`"[parameters('to')]"`)), { parameters: '"to": { "type": "string" }' }),
        'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "to": { "value": "jkowalski@contoso-claims.com" }\n  }\n}\n',
      },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /'jkowalski@contoso-claims.com'/ }],
    },
    {
      name: 'ARM: through a workflow parameter set from a variable, in a copy loop',
      files: {
        'azuredeploy.json': armTemplate(
          workflow(outlookMail(`"@parameters('privacyOfficer')"`), '\n      "copy": { "name": "notifiers", "count": 2 },', `\n        "parameters": { "privacyOfficer": { "value": "[variables('officer')]" } },`).replace('"name": "la-breach-notifier"', `"name": "[concat('la-', copyIndex())]"`),
          { variables: '\n    "officer": "maria.gonzalez@contoso-claims.com"\n  ' },
        ),
      },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'la-0' sends to the literal recipient 'maria.gonzalez@contoso-claims.com'/ },
      ],
    },
    {
      name: 'Bicep: Office 365 mail to a literal address',
      files: {
        'main.bicep': "resource la 'Microsoft.Logic/workflows@2019-05-01' = {\n  name: 'la-breach-notifier'\n  location: 'eastus'\n  properties: {\n    definition: {\n      triggers: {}\n      actions: {\n        Send: {\n          type: 'ApiConnection'\n          inputs: {\n            host: { connection: { name: '@parameters(\\'$connections\\')[\\'office365\\'][\\'connectionId\\']' } }\n            body: { To: 'dana.whitfield@contoso-claims.com' }\n          }\n          runAfter: {}\n        }\n      }\n    }\n  }\n}\n",
      },
      findings: [{ file: 'main.bicep', line: 12, message: /literal recipient 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: through a parameter default, at the default',
      files: { 'main.bicep': `param to string = 'dana.whitfield@contoso-claims.com'\n\n${bicepResource(mailTo(expression('to', '')))}` },
      findings: [{ file: 'main.bicep', line: 1, message: /action 'Send_breach_email' of Microsoft.Logic\/workflows 'la-claims-breach-notifier' sends to the literal recipient 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: recipients written in the loop collection',
      files: { 'main.bicep': `var regions = [\n  { name: 'eastus', officer: '@{triggerBody()?[\\'owner\\']}' }\n  { name: 'westus', officer: 'maria.gonzalez@contoso-claims.com' }\n]\n\n${bicepResource(mailTo(expression('region.officer', ''), expression("'la-claims-${region.name}'", '')), { loop: 'region in regions' })}` },
      findings: [{ file: 'main.bicep', line: 3, message: /'la-claims-westus' sends to the literal recipient 'maria.gonzalez@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: through a .bicepparam value',
      files: { 'main.bicep': `param to string = '@{triggerBody()?[\\'owner\\']}'\n\n${bicepResource(mailTo(expression('to', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam to = 'dana.whitfield@contoso-claims.com'\n" },
      findings: [{ file: 'main.bicepparam', line: 3, message: /literal recipient 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: a variable recipient in a loop of workflows',
      files: { 'main.bicep': `var privacyOfficer = 'dana.whitfield@contoso-claims.com'\n\n${bicepResource(mailTo(expression('privacyOfficer', ''), expression("'la-claims-${region}'", '')), { loop: "region in ['eastus', 'westus']" })}` },
      findings: [
        { file: 'main.bicep', line: 1, message: /'la-claims-eastus' sends to the literal recipient/ },
      ],
    },
    {
      name: 'Bicep: a recipient passed to a module',
      files: { 'main.bicep': "module notifier 'modules/notifier.bicep' = {\n  name: 'notifier'\n  params: {\n    to: '+14155550123'\n  }\n}\n", 'modules/notifier.bicep': `param to string\n\n${bicepResource(mailTo(expression('to', '')))}` },
      findings: [{ file: 'main.bicep', line: 4, message: /literal recipient '\+14155550123'/ }],
    },
    {
      name: 'Bicep: written in the module',
      files: { 'main.bicep': "module notifier 'modules/notifier.bicep' = {\n  name: 'notifier'\n}\n", 'modules/notifier.bicep': bicepResource(mailTo('dana.whitfield@contoso-claims.com')) },
      findings: [{ file: 'modules/notifier.bicep', line: 32, message: /literal recipient 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: a module loop, one notifier per region, at the value in main.bicep',
      files: {
        'main.bicep': "module notifiers 'modules/notifier.bicep' = [for region in ['eastus', 'westus']: {\n  name: 'notifier-${region}'\n  params: {\n    workflowName: 'la-claims-${region}'\n    to: 'dana.whitfield@contoso-claims.com'\n  }\n}]\n",
        'modules/notifier.bicep': `param workflowName string\nparam to string\n\n${bicepResource(mailTo(expression('to', ''), expression('workflowName', '')))}`,
      },
      findings: [
        { file: 'main.bicep', line: 5, message: /'la-claims-eastus' sends to the literal recipient/ },
      ],
    },
  ],
});
