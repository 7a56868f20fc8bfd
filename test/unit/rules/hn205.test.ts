import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseFile } from '../../../server/src/analysis';
import { hn205RecurrenceWithoutTimezone } from '../../../server/src/rules/template/hn205RecurrenceWithoutTimezone';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';
import { notifierWorkflow } from './workflowFixture';

const digest = (recurrence: Described, options: { name?: Described } = {}) =>
  notifierWorkflow({ Compose_digest: { type: 'Compose', inputs: 'digest', runAfter: {} } }, { symbol: 'digest', tag: 'none', name: options.name ?? 'la-claims-daily-digest', triggers: { Every_morning: { type: 'Recurrence', recurrence } } });
/** A polling connector trigger (Office 365 inbox) with its own recurrence. */
const pollingDigest = (recurrence: Described) =>
  notifierWorkflow({ Compose_digest: { type: 'Compose', inputs: 'digest', runAfter: {} } }, {
    symbol: 'digest',
    tag: 'none',
    name: 'la-claims-breach-inbox',
    triggers: { When_a_breach_report_arrives: { type: 'ApiConnection', inputs: { host: { connection: { name: "@parameters('$connections')['office365']['connectionId']" } }, method: 'get', path: '/v2/Mail/OnNewEmail', queries: { folderPath: 'Inbox' } }, recurrence } },
  });
const morning = { hours: [7], minutes: [30] };
/** A digest whose time zone is the workflow parameter `zone`, given `value` (undefined: no value, no default). */
const zoneFromWorkflowParameter = (value: string | undefined) => {
  const workflow = digest({ frequency: 'Day', interval: 1, schedule: morning, timeZone: "@parameters('zone')" });
  const properties = workflow.body.properties as { readonly [key: string]: Described };
  const definition = properties.definition as { readonly [key: string]: Described };
  return { ...workflow, body: { ...workflow.body, properties: { ...properties, definition: { ...definition, parameters: { zone: { type: 'String' } } }, ...(value === undefined ? {} : { parameters: { zone: { value } } }) } } };
};
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "zone": { "value": "" }\n  }\n}\n';

testRule(hn205RecurrenceWithoutTimezone, {
  valid: [
    { name: 'ARM: a schedule with a time zone', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning, timeZone: 'Central Standard Time' }))) } },
    { name: 'ARM: every 15 minutes needs no time zone', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Minute', interval: 15 }))) } },
    { name: 'ARM: a time zone from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning, timeZone: expression('', "parameters('zone')") })), { parameters: '"zone": { "type": "string" }' }) } },
    { name: 'ARM: a start time from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Week', interval: 1, startTime: expression('', "parameters('firstRun')") })), { parameters: '"firstRun": { "type": "string" }' }) } },
    { name: 'ARM: a time zone from a workflow parameter', files: { 'azuredeploy.json': armTemplate(armResource(zoneFromWorkflowParameter('Central Standard Time'))) } },
    { name: 'ARM: a time zone from a workflow parameter without a value is unknown', files: { 'azuredeploy.json': armTemplate(armResource(zoneFromWorkflowParameter(undefined))) } },
    { name: 'Bicep: an empty schedule sets no hours', files: { 'main.bicep': bicepResource(digest({ frequency: 'Hour', interval: 4, schedule: { hours: [], minutes: [] } })) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning }), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning }), { metadata: { 'hipaa-notify': { suppress: { HN205: 'the digest is meant to run at 07:30 UTC' } } } })) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning }))).replace('"recurrence": {', '// hipaa-notify-disable-next-line HN205 -- the digest is meant to run at 07:30 UTC\n              "recurrence": {') } },
    { name: 'ARM: a schedule from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: expression('', "parameters('schedule')") })), { parameters: '"schedule": { "type": "object" }' }) } },
    { name: 'Bicep: a start time with a time zone', files: { 'main.bicep': bicepResource(digest({ frequency: 'Week', interval: 1, startTime: '2026-01-05T07:30:00', timeZone: 'Eastern Standard Time' })) } },
    { name: 'Bicep: a time zone from a parameter without a default is unknown', files: { 'main.bicep': `param zone string\n\n${bicepResource(digest({ frequency: 'Day', interval: 1, schedule: morning, timeZone: expression('zone', '') }))}` } },
    { name: 'Bicep: a polling connector trigger every hour needs no time zone', files: { 'main.bicep': bicepResource(pollingDigest({ frequency: 'Hour', interval: 1 })) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(digest({ frequency: 'Day', interval: 1, schedule: morning }), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(digest({ frequency: 'Day', interval: 1, schedule: morning })).replace('        recurrence: {', '        // hipaa-notify-disable-next-line HN205 -- the digest is meant to run at 07:30 UTC\n        recurrence: {') } },
  ],
  invalid: [
    { name: 'ARM: a daily schedule without a time zone', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning }))) }, rewrites: { 'azuredeploy.json': [['                }', '                },\n                "timeZone": "UTC"']] }, findings: [{ file: 'azuredeploy.json', line: 22, message: /trigger 'Every_morning' of Microsoft.Logic\/workflows 'la-claims-daily-digest' runs on a schedule without a time zone.*add timeZone: 'UTC'/ }] },
    { name: 'ARM: a start time with an empty time zone', files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Week', interval: 1, startTime: '2026-01-05T07:30:00', timeZone: '' }))) }, rewrites: { 'azuredeploy.json': [['                "timeZone": "', '                "timeZone": "UTC']] }, findings: [{ file: 'azuredeploy.json', line: 22, message: /runs on a start time without a time zone/ }] },
    { name: 'ARM: an empty workflow parameter as the time zone', files: { 'azuredeploy.json': armTemplate(armResource(zoneFromWorkflowParameter(''))) }, rewrites: { 'azuredeploy.json': [['            "value": "', '            "value": "UTC']] }, findings: [{ file: 'azuredeploy.json', line: 22, message: /'Every_morning'.*without a time zone/ }] },
    {
      name: 'ARM: an empty zone through a parameter default',
      files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning, timeZone: expression('', "parameters('zone')") })), { parameters: '"zone": { "type": "string", "defaultValue": "" }' }) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"zone": { "type": "string", "defaultValue": "', '  "parameters": {"zone": { "type": "string", "defaultValue": "UTC']] },
      findings: [{ file: 'azuredeploy.json', line: 22, message: /without a time zone/ }],
    },
    {
      name: 'ARM: an empty zone through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning, timeZone: expression('', "parameters('zone')") })), { parameters: '"zone": { "type": "string", "defaultValue": "UTC" }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.parameters.json': [['    "zone": { "value": "', '    "zone": { "value": "UTC']] },
      findings: [{ file: 'azuredeploy.json', line: 22, message: /without a time zone/ }],
    },
    {
      name: 'ARM: the recurrence from a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(digest(expression('', "variables('morning')"), { name: expression('', "concat('la-claims-digest-', copyIndex())") }), { copy: { name: 'digests', count: 2 } }), { variables: '\n    "morning": { "frequency": "Day", "interval": 1, "schedule": { "hours": [ 7 ] } }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['{ "frequency": "Day", "interval": 1, "schedule": { "hours": [ 7 ] }', '{\n      "frequency": "Day",\n      "interval": 1,\n      "schedule": {\n        "hours": [\n          7\n        ]\n      },\n      "timeZone": "UTC"\n   ']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'la-claims-digest-0'/ },
      ],
    },
    { name: 'Bicep: a daily schedule without a time zone', files: { 'main.bicep': bicepResource(digest({ frequency: 'Day', interval: 1, schedule: morning })) }, rewrites: { 'main.bicep': [['            }\n          }', '            }\n            timeZone: \'UTC\'\n          }']] }, findings: [{ file: 'main.bicep', line: 14, message: /'Every_morning'.*without a time zone/ }] },
    {
      name: 'Bicep: a polling connector trigger with a schedule',
      files: { 'main.bicep': bicepResource(pollingDigest({ frequency: 'Week', interval: 1, schedule: { weekDays: ['Monday'], hours: [8] } })) },
      rewrites: { 'main.bicep': [['              ]\n            }\n          }', '              ]\n            }\n            timeZone: \'UTC\'\n          }']] },
      findings: [{ file: 'main.bicep', line: 26, message: /trigger 'When_a_breach_report_arrives'.*schedule without a time zone/ }],
    },
    {
      name: 'Bicep: the schedule through a parameter default',
      files: { 'main.bicep': `param schedule object = {\n  hours: [\n    6\n  ]\n}\n\n${bicepResource(digest({ frequency: 'Day', interval: 1, schedule: expression('schedule', '') }))}` },
      rewrites: { 'main.bicep': [['          }', '            timeZone: \'UTC\'\n          }']] },
      findings: [{ file: 'main.bicep', line: 20, message: /without a time zone/ }],
    },
    {
      name: 'Bicep: an empty zone through a .bicepparam value',
      files: { 'main.bicep': `param zone string = 'UTC'\n\n${bicepResource(digest({ frequency: 'Day', interval: 1, schedule: morning, timeZone: expression('zone', '') }))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam zone = ''\n" },
      rewrites: { 'main.bicepparam': [['param zone = \'', 'param zone = \'UTC']] },
      findings: [{ file: 'main.bicep', line: 16, message: /without a time zone/ }],
    },
    {
      name: 'Bicep: a variable recurrence in a loop',
      files: { 'main.bicep': `var nightly = {\n  frequency: 'Day'\n  interval: 1\n  schedule: {\n    hours: [\n      2\n    ]\n  }\n}\n\n${bicepResource(digest(expression('nightly', ''), { name: expression("'la-claims-digest-${region}'", '') }), { loop: "region in ['eastus', 'westus']" })}` },
      rewrites: { 'main.bicep': [['    ]\n  }\n}', '    ]\n  }\n  timeZone: \'UTC\'\n}']] },
      findings: [
        { file: 'main.bicep', line: 2, message: /'la-claims-digest-eastus'/ },
      ],
    },
    {
      name: 'Bicep: a module given a start time',
      files: { 'main.bicep': "module digest 'modules/digest.bicep' = {\n  name: 'digest'\n  params: {\n    startTime: '2026-01-05T07:30:00'\n  }\n}\n", 'modules/digest.bicep': `param startTime string\n\n${bicepResource(digest({ frequency: 'Week', interval: 1, startTime: expression('startTime', '') }))}` },
      rewrites: { 'modules/digest.bicep': [['          }', '            timeZone: \'UTC\'\n          }']] },
      findings: [{ file: 'modules/digest.bicep', line: 16, message: /start time without a time zone/ }],
    },
  ],
});

function suggestedZone(defaultTimeZone: string): string | undefined {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn205-'));
  try {
    const file = path.join(folder, 'azuredeploy.json');
    const text = armTemplate(armResource(digest({ frequency: 'Day', interval: 1, schedule: morning })));
    fs.writeFileSync(file, text);
    const findings = analyseFile({ file, text }, 'armTemplate', { workspaceRoot: folder, defaultTimeZone }).filter((f) => f.ruleId === 'HN205');
    assert.equal(findings.length, 1);
    return /add timeZone: '([^']*)'/.exec(findings[0].message)?.[1];
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test('HN205 suggests the time zone configured in hipaa-notify.json', () => {
  assert.equal(suggestedZone('Central Standard Time'), 'Central Standard Time');
});

test('HN205 suggests the Windows ID when hipaa-notify.json holds an IANA name or another letter case', () => {
  assert.equal(suggestedZone('America/Chicago'), 'Central Standard Time');
  assert.equal(suggestedZone('pacific standard time'), 'Pacific Standard Time');
});

test('HN205 suggests UTC when the configured zone names no known zone', () => {
  assert.equal(suggestedZone('Claims Office Time'), 'UTC');
});
