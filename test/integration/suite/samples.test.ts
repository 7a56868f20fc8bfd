import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsOf } from './waitFor';

function sample(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the samples folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

async function open(relative: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument }> {
  const uri = sample(relative);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { uri, document };
}

const codes = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.map((d) => codeOf(d).value);

suite('the claims-platform sample in the extension host', () => {
  test('main.bicep shows the template rules at the offending values, each linking to its rule page', async () => {
    const { uri, document } = await open('claims-platform/main.bicep');
    // Every template rule that the sample's README places in main.bicep.
    const expected = ['HN101', 'HN102', 'HN103', 'HN104', 'HN105', 'HN108', 'HN109', 'HN201', 'HN202', 'HN203', 'HN204', 'HN205', 'HN207', 'HN208', 'HN209', 'HN301', 'HN302', 'HN304', 'HN401', 'HN402', 'HN403'];
    const diagnostics = await diagnosticsOf(uri, (d) => expected.every((code) => codes(d).includes(code)));
    const disabled = diagnostics.find((d) => codeOf(d).value === 'HN103');
    assert.ok(disabled);
    assert.equal(disabled.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(disabled.range), 'false');
    assert.match(disabled.message, /'ag-claims-legacy-pager' is disabled/);
    const hardcoded = diagnostics.find((d) => codeOf(d).value === 'HN101');
    assert.equal(hardcoded?.severity, vscode.DiagnosticSeverity.Warning);
    const extension = vscode.extensions.getExtension('hipaa-notify.hipaa-notify')!;
    for (const diagnostic of diagnostics) {
      const { value, target } = codeOf(diagnostic);
      assert.ok(target, `${value} links to its rule page`);
      assert.equal(target.toString(true), `command:hipaaNotify.openRule?["${value}"]`);
      const page = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${value}.md`))).toString('utf8');
      assert.match(page, new RegExp(`^# ${value}`, 'm'));
    }
  });

  test('the .bicepparam and subscription.bicep show the rules whose bad values they hold', async () => {
    const params = await open('claims-platform/main.bicepparam');
    const fromParams = await diagnosticsOf(params.uri, (d) => ['HN206', 'HN303'].every((code) => codes(d).includes(code)));
    const zone = fromParams.find((d) => codeOf(d).value === 'HN206');
    assert.equal(params.document.getText(zone!.range), "'America/New_York'");
    assert.ok(zone!.relatedInformation?.some((info) => info.location.uri.path.endsWith('/main.bicep')), 'related information points at the workflow in main.bicep');
    const subscription = await open('claims-platform/subscription.bicep');
    await diagnosticsOf(subscription.uri, (d) => ['HN106', 'HN107', 'HN305'].every((code) => codes(d).includes(code)));
  });

  test('the policy file reports an action group no template deploys (HN504) and a deadline past 60 days (HN501)', async () => {
    const { uri, document } = await open('claims-platform/claims.hipaa-notify.yaml');
    const diagnostics = await diagnosticsOf(uri, (d) => codes(d).includes('HN504') && codes(d).includes('HN501'));
    const missing = diagnostics.filter((d) => codeOf(d).value === 'HN504');
    assert.equal(missing.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.equal(missing[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(missing[0].range), 'ag-claims-breach-counsel');
  });

  test('the compliant twin shows no diagnostics', async () => {
    // The claims sample's diagnostics arriving first shows that the server is up and analysing.
    await diagnosticsOf(sample('claims-platform/main.bicep'), (d) => d.length > 0);
    const { uri } = await open('compliant/main.bicep');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'hipaa-notify').map((d) => d.message), []);
  });
});
