import { existsSync, readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { buildArmFileModel } from '../../server/src/model/armFileModel';
import type { Bench } from './run';
import { generateLargeArm } from './generateLargeArm';

/** The largest public templates, measured when the corpora are on this machine (never copied here). */
const corpusTemplates: Array<[string, string]> = [
  ['sharepoint-adfs azuredeploy.json', '/work/corpora/azure-quickstart-templates/application-workloads/sharepoint/sharepoint-adfs/azuredeploy.json'],
  ['aca-lza hosting-environment main.json', '/work/corpora/bicep-registry-modules/avm/ptn/aca-lza/hosting-environment/main.json'],
];

/** Model building (read + evaluate) next to jsonc-parser's own parse of the same text. */
function pair(name: string, file: string, text: string): Bench[] {
  return [
    { name: `arm parseTree (jsonc-parser), ${name}`, bytes: Buffer.byteLength(text), run: () => void parseTree(text, [], { allowTrailingComma: true }) },
    {
      name: `arm model (read + evaluate), ${name}`,
      bytes: Buffer.byteLength(text),
      run: () => {
        if (!buildArmFileModel(file, text)) throw new Error(`${name} did not load`);
      },
    },
  ];
}

export function benches(): Bench[] {
  const list = pair('generated 200 groups', '/bench/generated.json', generateLargeArm(200));
  for (const [name, file] of corpusTemplates) if (existsSync(file)) list.push(...pair(name, file, readFileSync(file, 'utf8')));
  return list;
}
