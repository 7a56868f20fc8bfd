import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsOf } from './waitFor';

const extensionId = 'hipaa-notify.hipaa-notify';

function sample(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the samples folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

suite('diagnostics in the extension host', () => {
  test('the extension is installed and activates on a JSON document', async () => {
    const document = await vscode.workspace.openTextDocument(sample('syntax-error/azuredeploy.json'));
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('a broken ARM template shows HN001 at the mistake, with a doc link that opens', async () => {
    const uri = sample('syntax-error/azuredeploy.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await diagnosticsOf(uri, (d) => d.length > 0);
    const hn001 = diagnostics.filter((d) => codeOf(d).value === 'HN001');
    assert.equal(hn001.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    const [diagnostic] = hn001;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /expected ','/);
    assert.equal(diagnostic.range.start.line, 10);
    const target = codeOf(diagnostic).target;
    assert.ok(target, 'the code links to its rule page');
    assert.equal(target.toString(true), 'command:hipaaNotify.openRule?["HN001"]');
    const extension = vscode.extensions.getExtension(extensionId)!;
    const page = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'HN001.md'));
    assert.match(Buffer.from(page).toString('utf8'), /^# HN001/m);
  });

  test('fixing the file in the editor clears the diagnostic', async () => {
    const uri = sample('syntax-error/azuredeploy.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const isSyntaxError = (d: vscode.Diagnostic) => codeOf(d).value === 'HN001';
    const [diagnostic] = (await diagnosticsOf(uri, (d) => d.some(isSyntaxError))).filter(isSyntaxError);
    const comma = diagnostic.range.start.translate(0, -1);
    try {
      await editor.edit((edit) => edit.insert(comma, ','));
      // Once the template parses, the rules run on it (an unlocked action group is an HN304 info).
      await diagnosticsOf(uri, (d) => !d.some(isSyntaxError));
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
