import * as vscode from 'vscode';

/**
 * Rule links open the packaged rule page rendered (Markdown preview), read-only, instead of the
 * raw file. The server puts this command link in each diagnostic's code and hover.
 */
export const openRuleCommand = 'hipaaNotify.openRule';
export const ruleLinkTemplate = `command:${openRuleCommand}?${encodeURIComponent(JSON.stringify(['{id}'])).replace(/%7Bid%7D/g, '{id}')}`;

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  const page = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${name}.md`);
  context.subscriptions.push(
    vscode.commands.registerCommand(openRuleCommand, async (id: unknown) => {
      const name = typeof id === 'string' && /^HN\d{3}$/.test(id) ? id : 'README';
      await vscode.commands.executeCommand('markdown.showPreview', page(name));
    }),
    vscode.commands.registerCommand('hipaaNotify.openRuleCatalog', () => vscode.commands.executeCommand('markdown.showPreview', page('README'))),
  );
}
