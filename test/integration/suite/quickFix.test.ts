import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsOf } from './waitFor';

suite('quick fixes in the extension host', () => {
  test('the quick fix of a Problems entry makes its diagnostic go', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the samples folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'claims-platform/main.bicep');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const isDisabledGroup = (d: vscode.Diagnostic) => codeOf(d).value === 'HN103' && /'ag-claims-legacy-pager' is disabled/.test(d.message);
    const [problem] = (await diagnosticsOf(uri, (d) => d.some(isDisabledGroup))).filter(isDisabledGroup);
    try {
      // What the lightbulb of that Problems entry offers.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((action) => action.title);
      const quickFix = actions.find((action) => action.title === 'Set enabled to true');
      assert.ok(quickFix, `the quick fix is offered among: ${titles.join(' | ')}`);
      assert.equal(quickFix.isPreferred, true);
      assert.ok(titles.includes('Disable HN103 for this line'));
      assert.ok(titles.includes('Show HN103 documentation'));
      assert.ok(quickFix.edit, 'the quick fix carries its edit');
      assert.equal(await vscode.workspace.applyEdit(quickFix.edit), true);
      assert.equal(document.getText(problem.range), 'true');
      await diagnosticsOf(uri, (d) => !d.some(isDisabledGroup) && d.some((other) => codeOf(other).value === 'HN101'));
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
