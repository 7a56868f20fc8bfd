import { hn206InvalidTimezone } from '../../../server/src/rules/template/hn206InvalidTimezone';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';
import { notifierWorkflow } from './workflowFixture';

const escalation = (timeZone: Described, options: { name?: Described; parameters?: Described } = {}) => {
  const workflow = notifierWorkflow(
    { Check_open_incidents: { type: 'Compose', inputs: 'check', runAfter: {} } },
    { symbol: 'escalation', name: options.name ?? 'la-claims-escalation', triggers: { Every_four_hours: { type: 'Recurrence', recurrence: { frequency: 'Hour', interval: 4, startTime: '2026-01-05T08:00:00', timeZone } } } },
  );
  if (!options.parameters) return workflow;
  const properties = workflow.body.properties as { readonly [key: string]: Described };
  return { ...workflow, body: { ...workflow.body, properties: { ...properties, parameters: options.parameters } } };
};
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "zone": { "value": "America/Chicago" }\n  }\n}\n';

testRule(hn206InvalidTimezone, {
  valid: [
    { name: 'ARM: a Windows ID', files: { 'azuredeploy.json': armTemplate(armResource(escalation('Central Standard Time'))) } },
    { name: 'ARM: UTC', files: { 'azuredeploy.json': armTemplate(armResource(escalation('UTC'))) } },
    { name: 'ARM: a workflow expression is resolved at run time', files: { 'azuredeploy.json': armTemplate(armResource(escalation("@parameters('zone')"))) } },
    { name: 'ARM: a zone from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(escalation(expression('', "parameters('zone')"))), { parameters: '"zone": { "type": "string" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(escalation('America/Chicago'), { condition: false })) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(armResource(escalation('EST'))).replace('"timeZone": "EST"', '// hipaa-notify-disable-next-line HN206 -- replaced in the release pipeline\n                  "timeZone": "EST"') } },
    { name: 'Bicep: a Windows ID', files: { 'main.bicep': bicepResource(escalation('AUS Eastern Standard Time')) } },
    { name: 'Bicep: a zone from a parameter without a default is unknown', files: { 'main.bicep': `param zone string\n\n${bicepResource(escalation(expression('zone', '')))}` } },
    { name: 'Bicep: the Arizona Windows ID (no daylight saving time)', files: { 'main.bicep': bicepResource(escalation('US Mountain Standard Time')) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(escalation('America/Chicago'), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(escalation('EST')).replace("          timeZone: 'EST'", "          // hipaa-notify-disable-next-line HN206 -- replaced in the release pipeline\n          timeZone: 'EST'") } },
  ],
  invalid: [
    { name: 'ARM: an IANA name', files: { 'azuredeploy.json': armTemplate(armResource(escalation('America/New_York'))) }, rewrites: { 'azuredeploy.json': [['America/New_York', 'Eastern Standard Time']] }, findings: [{ file: 'azuredeploy.json', line: 26, message: /'America\/New_York' of trigger 'Every_four_hours' in Microsoft.Logic\/workflows 'la-claims-escalation' is an IANA name.*use 'Eastern Standard Time'/ }] },
    { name: 'ARM: an abbreviation', files: { 'azuredeploy.json': armTemplate(armResource(escalation('CST'))) }, rewrites: { 'azuredeploy.json': [['CST', 'Central Standard Time']] }, findings: [{ file: 'azuredeploy.json', line: 26, message: /'CST'.*is not a Windows time zone ID.*use 'Central Standard Time'/ }] },
    { name: 'ARM: a UTC offset', files: { 'azuredeploy.json': armTemplate(armResource(escalation('UTC-05:00'))) }, findings: [{ file: 'azuredeploy.json', line: 26, message: /'UTC-05:00'.*such as 'Eastern Standard Time' or 'UTC'/ }] },
    { name: 'ARM: the wrong letter case', files: { 'azuredeploy.json': armTemplate(armResource(escalation('eastern standard time'))) }, rewrites: { 'azuredeploy.json': [['eastern standard time', 'Eastern Standard Time']] }, findings: [{ file: 'azuredeploy.json', line: 26, message: /differs from the Windows time zone ID 'Eastern Standard Time' in letter case/ }] },
    {
      name: 'ARM: through a workflow parameter default',
      files: { 'azuredeploy.json': armTemplate(armResource(escalation("@parameters('zone')", { parameters: { zone: { value: 'Europe/Berlin' } } }))) },
      rewrites: { 'azuredeploy.json': [['Europe/Berlin', 'W. Europe Standard Time']] },
      findings: [{ file: 'azuredeploy.json', line: 40, message: /'Europe\/Berlin'.*use 'W. Europe Standard Time'/ }],
    },
    {
      name: 'ARM: through a template parameter default',
      files: { 'azuredeploy.json': armTemplate(armResource(escalation(expression('', "parameters('zone')"))), { parameters: '\n    "zone": { "type": "string", "defaultValue": "Asia/Kolkata" }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['Asia/Kolkata', 'India Standard Time']] },
      findings: [{ file: 'azuredeploy.json', line: 5, message: /use 'India Standard Time'/ }],
    },
    {
      name: 'ARM: through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(escalation(expression('', "parameters('zone')"))), { parameters: '"zone": { "type": "string", "defaultValue": "Central Standard Time" }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.parameters.json': [['America/Chicago', 'Central Standard Time']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /'America\/Chicago'.*use 'Central Standard Time'/ }],
    },
    {
      name: 'ARM: through a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(escalation(expression('', "variables('zone')"), { name: expression('', "concat('la-claims-escalation-', copyIndex())") }), { copy: { name: 'escalations', count: 2 } }), { variables: '\n    "zone": "Australia/Sydney"\n  ' }) },
      rewrites: { 'azuredeploy.json': [['Australia/Sydney', 'AUS Eastern Standard Time']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'la-claims-escalation-0'.*use 'AUS Eastern Standard Time'/ },
      ],
    },
    { name: 'ARM: spaces around a valid ID', files: { 'azuredeploy.json': armTemplate(armResource(escalation('UTC '))) }, rewrites: { 'azuredeploy.json': [['UTC ', 'UTC']] }, findings: [{ file: 'azuredeploy.json', line: 26, message: /differs from the Windows time zone ID 'UTC' in the spaces around it.*use 'UTC'/ }] },
    { name: 'Bicep: an Australian abbreviation', files: { 'main.bicep': bicepResource(escalation('AEST')) }, rewrites: { 'main.bicep': [['AEST', 'AUS Eastern Standard Time']] }, findings: [{ file: 'main.bicep', line: 18, message: /'AEST'.*is not a Windows time zone ID.*use 'AUS Eastern Standard Time'/ }] },
    { name: 'Bicep: a near miss gets a did-you-mean', files: { 'main.bicep': bicepResource(escalation('Eastern Standrd Time')) }, output: { 'main.bicep': bicepResource(escalation('Eastern Standard Time')) }, findings: [{ file: 'main.bicep', line: 18, message: /'Eastern Standrd Time'.*is not a Windows time zone ID.*use 'Eastern Standard Time'/ }] },
    { name: 'ARM: a near miss gets a did-you-mean', files: { 'azuredeploy.json': armTemplate(armResource(escalation('Pacific Standard Tim'))) }, output: { 'azuredeploy.json': armTemplate(armResource(escalation('Pacific Standard Time'))) }, findings: [{ file: 'azuredeploy.json', line: 26, message: /use 'Pacific Standard Time'/ }] },
    { name: 'Bicep: an IANA name', files: { 'main.bicep': bicepResource(escalation('America/Los_Angeles')) }, rewrites: { 'main.bicep': [['America/Los_Angeles', 'Pacific Standard Time']] }, findings: [{ file: 'main.bicep', line: 18, message: /use 'Pacific Standard Time'/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': `param zone string = 'America/Denver'\n\n${bicepResource(escalation(expression('zone', '')))}` }, rewrites: { 'main.bicep': [['America/Denver', 'Mountain Standard Time']] }, findings: [{ file: 'main.bicep', line: 1, message: /use 'Mountain Standard Time'/ }] },
    {
      name: 'Bicep: through a .bicepparam value',
      files: { 'main.bicep': `param zone string = 'UTC'\n\n${bicepResource(escalation(expression('zone', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam zone = 'America/New_York'\n" },
      rewrites: { 'main.bicepparam': [['America/New_York', 'Eastern Standard Time']] },
      findings: [{ file: 'main.bicepparam', line: 3, message: /use 'Eastern Standard Time'/ }],
    },
    {
      name: 'Bicep: through a variable, in a loop',
      files: { 'main.bicep': `var zone = 'Europe/London'\n\n${bicepResource(escalation(expression('zone', ''), { name: expression("'la-claims-escalation-${region}'", '') }), { loop: "region in ['uksouth', 'ukwest']" })}` },
      rewrites: { 'main.bicep': [['Europe/London', 'GMT Standard Time']] },
      findings: [
        { file: 'main.bicep', line: 1, message: /'la-claims-escalation-uksouth'.*use 'GMT Standard Time'/ },
      ],
    },
    {
      name: 'Bicep: passed to a module',
      files: { 'main.bicep': "module escalation 'modules/escalation.bicep' = {\n  name: 'escalation'\n  params: {\n    zone: 'Pacific/Honolulu'\n  }\n}\n", 'modules/escalation.bicep': `param zone string\n\n${bicepResource(escalation(expression('zone', '')))}` },
      rewrites: { 'main.bicep': [['Pacific/Honolulu', 'Hawaiian Standard Time']] },
      findings: [{ file: 'main.bicep', line: 4, message: /use 'Hawaiian Standard Time'/ }],
    },
  ],
});
