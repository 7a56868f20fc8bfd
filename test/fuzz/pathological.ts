/**
 * Hand-made worst cases for the analysis, each a function of a repeat count: the shapes that make
 * a parser, an evaluator or a rule do more than linear work if it can (unclosed brackets on one
 * line, stray closers, unterminated strings, long chains of references, loops, aliases).
 * `npm run fuzz` analyses each at three sizes and holds them to the fuzz budget (time per MB).
 */
export interface Pathological {
  readonly name: string;
  /** File name: decides how the text is read (Bicep, ARM JSON, notification policy). */
  readonly file: string;
  readonly generate: (n: number) => string;
}

const armSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function armTemplate(variables: string, resources = '[]'): string {
  return `{\n  "$schema": "${armSchema}",\n  "contentVersion": "1.0.0.0",\n  "variables": {${variables}},\n  "resources": ${resources}\n}\n`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

const bicep: Pathological[] = [
  { name: "unclosed '[concat(' on one line", file: 'main.bicep', generate: (n) => 'var x = ' + '[concat('.repeat(n) + '\n' },
  { name: "'[concat(' ... ')]' in an object type", file: 'main.bicep', generate: (n) => 'type t = {\n  a: string\n  b: fooTy' + '[concat('.repeat(n) + ')]'.repeat(n) + '\n}\n' },
  { name: 'stray closers on one line', file: 'main.bicep', generate: (n) => 'var x = {\n  a: 1\n' + ')]}'.repeat(n) + '\n}\n' },
  { name: 'unclosed strings', file: 'main.bicep', generate: (n) => "var x = 'abc\n".repeat(n) },
  { name: 'unclosed interpolations', file: 'main.bicep', generate: (n) => "var x = '" + "${'".repeat(n) + '\n' },
  { name: 'unterminated multi-line string', file: 'main.bicep', generate: (n) => "var x = '''" + 'a\n'.repeat(n) },
  { name: 'unclosed objects over lines', file: 'main.bicep', generate: (n) => 'var x = ' + '{\n  a: '.repeat(n) },
  { name: 'unclosed arrays over lines', file: 'main.bicep', generate: (n) => 'var x = ' + '[\n'.repeat(n) },
  { name: 'unclosed decorators', file: 'main.bicep', generate: (n) => "@description('a'\n".repeat(n) + 'param p string\n' },
  { name: 'unclosed resource bodies', file: 'main.bicep', generate: (n) => "resource a 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n".repeat(n) },
  { name: 'empty call arguments', file: 'main.bicep', generate: (n) => 'var x = concat(' + ','.repeat(n) + ')\n' },
  { name: 'stray characters on every line', file: 'main.bicep', generate: (n) => ')\n:\n@\n'.repeat(n) },
  { name: 'a chain of variables', file: 'main.bicep', generate: (n) => "var v0 = 'a'\n" + range(n).map((i) => `var v${i + 1} = '\${v${i}}a'\n`).join('') },
  { name: 'a chain of resources', file: 'main.bicep', generate: (n) => range(n).map((i) => `resource r${i} 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag${i}'\n  location: 'global'\n  dependsOn: [${i > 0 ? `r${i - 1}` : ''}]\n  properties: { groupShortName: 'g', enabled: false }\n}\n`).join('') },
  { name: 'loops over loops', file: 'main.bicep', generate: (n) => range(n).map((i) => `var l${i} = [for a in range(0, 100): [for b in range(0, 100): a * b]]\n`).join('') },
];

const arm: Pathological[] = [
  { name: "unclosed 'concat(' in an expression", file: 'azuredeploy.json', generate: (n) => armTemplate(`"x": "[${'concat('.repeat(n)}]"`) },
  { name: 'stray closers in an expression', file: 'azuredeploy.json', generate: (n) => armTemplate(`"x": "[concat('a')${')'.repeat(n)}]"`) },
  { name: 'many expressions with an error each', file: 'azuredeploy.json', generate: (n) => armTemplate(range(n).map((i) => `"v${i}": "[concat(]"`).join(',\n')) },
  { name: 'deep JSON nesting', file: 'azuredeploy.json', generate: (n) => armTemplate(`"x": ${'['.repeat(n)}`) },
  { name: 'a chain of variables', file: 'azuredeploy.json', generate: (n) => armTemplate(['"v0": "a"', ...range(n).map((i) => `"v${i + 1}": "[concat(variables('v${i}'), 'a')]"`)].join(',\n')) },
  { name: 'a call with many arguments', file: 'azuredeploy.json', generate: (n) => armTemplate(`"x": "[concat(${range(n).map(() => "'a'").join(', ')})]"`) },
  { name: 'unterminated strings', file: 'azuredeploy.json', generate: (n) => armTemplate('"x": "a\n'.repeat(n)) },
  { name: "float() of a long run of digits", file: 'azuredeploy.json', generate: (n) => armTemplate(`"x": "[float('${'1'.repeat(n)}x')]"`).replace('"resources": []', `"resources": [], "outputs": {"x": {"type": "int", "value": "[variables('x')]"}}`) },
  {
    name: 'a Logic App e-mail recipient of a long run of name characters',
    file: 'azuredeploy.json',
    generate: (n) => armTemplate('', `[{"type": "Microsoft.Logic/workflows", "apiVersion": "2019-05-01", "name": "la", "location": "eastus", "properties": {"definition": {"triggers": {"manual": {"type": "Request", "kind": "Http"}}, "actions": {"Send": {"type": "ApiConnection", "inputs": {"host": {"connection": {"name": "@parameters('$connections')['office365']['connectionId']"}}, "method": "post", "path": "/v2/Mail", "body": {"To": "${'x'.repeat(n)}@", "Subject": "s", "Body": "b"}}}}}}}]`),
  },
  {
    name: 'resources with copy loops',
    file: 'azuredeploy.json',
    generate: (n) => armTemplate('', `[${range(Math.ceil(n / 10)).map((i) => `{"type": "Microsoft.Insights/actionGroups", "apiVersion": "2023-01-01", "name": "[concat('ag${i}-', copyIndex())]", "location": "global", "copy": {"name": "c${i}", "count": 800}, "properties": {"groupShortName": "g", "enabled": false}}`).join(',\n')}]`),
  },
];

const policy: Pathological[] = [
  { name: 'deep flow nesting', file: 'p.hipaa-notify.yaml', generate: (n) => 'apiVersion: hipaa-notify/v1\nkind: NotificationPolicy\nspec: ' + '['.repeat(n) + '\n' },
  { name: 'many escalation tiers', file: 'p.hipaa-notify.yaml', generate: (n) => 'apiVersion: hipaa-notify/v1\nkind: NotificationPolicy\nspec:\n  escalation:\n' + range(n).map((i) => `    - tier: ${i}\n      within: PT1H\n      actionGroup: ag${i}\n`).join('') },
  { name: 'alias expansion', file: 'p.hipaa-notify.yaml', generate: (n) => 'a0: &a0 [x, x, x, x, x, x, x, x]\n' + range(Math.min(n, 40)).map((i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}]\n`).join('') + 'spec: *a' + Math.min(n, 40) + '\n' },
  { name: 'unterminated quotes', file: 'p.hipaa-notify.yaml', generate: (n) => 'spec:\n' + '  - "a\n'.repeat(n) },
];

export const pathologicalInputs: readonly Pathological[] = [...bicep, ...arm, ...policy];

/** The repeat count that makes `input` about `bytes` long (its size grows about linearly with n). */
export function countForSize(input: Pathological, bytes: number): number {
  const probe = 64;
  const perUnit = Math.max(1, (input.generate(probe * 2).length - input.generate(probe).length) / probe);
  return Math.max(1, Math.round(bytes / perUnit));
}
