import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsOf } from './waitFor';

const extensionId = 'hipaa-notify.hipaa-notify';

interface HipaaNotifyApi {
  languageStatus(): { findings: { text: string; detail?: string }; config: { text: string } };
}

function sample(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the samples folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Resolves once `accept` holds, re-checking on every event of `event`; fails after `limitMs`. */
function until<T>(event: vscode.Event<unknown>, accept: () => T | undefined, what: string, limitMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = accept();
      if (value === undefined) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(value);
    };
    const subscription = event(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, limitMs);
    check();
  });
}

const tabLabels = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));

suite('presence: status, commands, rule pages, walkthrough', () => {
  let api: HipaaNotifyApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<HipaaNotifyApi>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
  });

  test('the language status item counts this file\'s findings and names the config in force', async () => {
    const uri = sample('claims-platform/main.bicep');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x).value === 'HN103'));
    const status = await until(vscode.languages.onDidChangeDiagnostics, () => {
      const now = api.languageStatus();
      return /^HIPAA: [1-9]\d* errors?, \d+ warnings?, \d+ info$/.test(now.findings.text) && !/unknown/.test(now.config.text) ? now : undefined;
    }, 'the language status item');
    const errors = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'hipaa-notify' && d.severity === vscode.DiagnosticSeverity.Error).length;
    assert.match(status.findings.text, new RegExp(`^HIPAA: ${errors} error`));
    assert.match(status.findings.detail ?? '', /workspace: \d+ errors?/);
    assert.equal(status.config.text, 'HIPAA config: none (rule defaults)', 'samples/ has no hipaa-notify.json');
  });

  test('Check Workspace fills Problems for templates that are not open', async () => {
    const unopened = sample('claims-platform-arm/azuredeploy.json');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()));
    const result = (await vscode.commands.executeCommand('hipaaNotify.checkWorkspace')) as { files: number; findings: number; errors: number };
    assert.ok(result.files >= 10, `checked ${result.files} files`);
    assert.ok(result.errors > 0);
    const diagnostics = await diagnosticsOf(unopened, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => codeOf(d).value === 'HN207'), JSON.stringify(diagnostics.map((d) => codeOf(d).value)));
    assert.deepEqual(vscode.languages.getDiagnostics(sample('compliant/azuredeploy.json')).filter((d) => d.source === 'hipaa-notify'), []);
  });

  test('a rule link is a command that renders the packaged rule page in Markdown preview', async () => {
    const uri = sample('syntax-error/azuredeploy.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [diagnostic] = await diagnosticsOf(uri, (d) => d.length > 0);
    const target = codeOf(diagnostic).target;
    assert.ok(target);
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'hipaaNotify.openRule');
    assert.deepEqual(JSON.parse(decodeURIComponent(target.query)), ['HN001']);
    await vscode.commands.executeCommand(target.path, ...JSON.parse(decodeURIComponent(target.query)));
    await until(vscode.window.tabGroups.onDidChangeTabs, () => (tabLabels().some((l) => /Preview HN001\.md/.test(l)) ? true : undefined), 'the HN001 preview tab');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/docs/rules/HN001.md') && vscode.window.visibleTextEditors.some((e) => e.document === d)), 'the page is not opened as an editable text editor');
  });

  test('Open Rule Catalog renders the catalog', async () => {
    await vscode.commands.executeCommand('hipaaNotify.openRuleCatalog');
    await until(vscode.window.tabGroups.onDidChangeTabs, () => (tabLabels().some((l) => /Preview README\.md/.test(l)) ? true : undefined), 'the catalog preview tab');
  });

  test('the getting-started walkthrough opens', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#gettingStarted`, false);
    const label = await until(vscode.window.tabGroups.onDidChangeTabs, () => tabLabels().find((l) => /Welcome|Walkthrough|HIPAA/i.test(l)), 'the walkthrough tab');
    assert.ok(label);
  });

  test('the walkthrough path: Open Sample shows one finding, fixing it clears it', async () => {
    const folder = sample('hipaa-notify-sample');
    try {
      await vscode.commands.executeCommand('hipaaNotify.openSample');
      const uri = vscode.Uri.joinPath(folder, 'main.bicep');
      const editor = await until(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined), 'the sample in the editor');
      const [finding] = await diagnosticsOf(uri, (d) => d.length > 0);
      assert.equal(codeOf(finding).value, 'HN103');
      assert.equal(editor.document.getText(finding.range), 'false');
      await editor.edit((edit) => edit.replace(finding.range, 'true'));
      await diagnosticsOf(uri, (d) => d.length === 0);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });

  test('hipaaNotify.minimumLevel error hides warnings and infos in the editor', async () => {
    const uri = sample('claims-platform/main.bicep');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await diagnosticsOf(uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Warning));
    const settings = vscode.workspace.getConfiguration('hipaaNotify');
    try {
      await settings.update('minimumLevel', 'error', vscode.ConfigurationTarget.Global);
      const shown = await diagnosticsOf(uri, (d) => d.length > 0 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(shown.some((d) => codeOf(d).value === 'HN103'));
    } finally {
      await settings.update('minimumLevel', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsOf(uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('our grammar is the one for .bicep and .bicepparam', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('bicep') && languages.includes('bicepparam'));
    const document = await vscode.workspace.openTextDocument(sample('claims-platform/main.bicepparam'));
    assert.equal(document.languageId, 'bicepparam');
  });
});
