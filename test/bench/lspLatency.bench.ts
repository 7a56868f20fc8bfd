import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../protocol/lspClient';
import type { Bench } from './run';
import { generateLargeArm } from './generateLargeArm';
import { generateLargeBicep } from './generateLargeBicep';

/**
 * Keystroke to diagnostics through the real server over stdio (debounce off): an edit to a
 * large template, until the diagnostics of that version arrive.
 */
function editLatency(name: string, fileName: string, languageId: string, text: string, edit: (text: string, round: number) => string): Bench {
  let client: LspTestClient | undefined;
  let folder = '';
  let uri = '';
  let version = 1;
  return {
    name,
    bytes: Buffer.byteLength(text),
    warmups: 5,
    iterations: 25,
    async before() {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-bench-'));
      fs.writeFileSync(path.join(folder, fileName), text);
      uri = pathToFileURL(path.join(folder, fileName)).href;
      client = (await LspTestClient.start({ debounceMs: 0 }, pathToFileURL(folder).href)).client;
      const first = client.diagnostics(uri);
      await client.open(uri, languageId, text, version);
      await first;
    },
    async run() {
      version++;
      const current = version;
      const published = client!.diagnostics(uri, (p) => p.version === current, 60_000);
      await client!.change(uri, current, [{ text: edit(text, current) }]);
      await published;
    },
    async after() {
      await client?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function benches(): Bench[] {
  const arm = generateLargeArm(200);
  const bicep = generateLargeBicep(5_000);
  return [
    editLatency('lsp edit -> diagnostics, Bicep 5,000 lines', 'main.bicep', 'bicep', bicep, (text, round) => text.replace("param environment string = 'prod'", `param environment string = 'prod${round}'`)),
    editLatency('lsp edit -> diagnostics, ARM template 200 groups', 'azuredeploy.json', 'json', arm, (text, round) => text.replace('"defaultValue": "claims"', `"defaultValue": "claims${round}"`)),
  ];
}
