import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  coverageFixMethod,
  coverageTemplateMethod,
  type CoverageFinding,
  type CoverageFixResult,
  type CoverageTemplateResult,
} from '../../../server/src/protocol/coverageProtocol';
import type { CoverageStore } from './coverageStore';
import { FindingNode, ResourceNode } from './coverageTree';
import type { LiveResourceDocuments } from './liveResourceDocuments';

/** What a command on a tree node acts on: the node itself, or a finding key / resource ID when run from elsewhere. */
export type GapTarget = FindingNode | ResourceNode | string | undefined;

function resourceIdOf(target: GapTarget, store: CoverageStore): string | undefined {
  if (target instanceof FindingNode) return target.finding.resourceId;
  if (target instanceof ResourceNode) return target.resourceId;
  if (typeof target === 'string') return store.finding(target)?.resourceId ?? target;
  return undefined;
}

function findingOf(target: GapTarget, store: CoverageStore): CoverageFinding | undefined {
  if (target instanceof FindingNode) return target.finding;
  if (target instanceof ResourceNode) return target.findings.find((f) => f.fixable);
  return typeof target === 'string' ? store.finding(target) : undefined;
}

/** The commands that lead from a gap to its fix. */
export function registerGapActions(store: CoverageStore, documents: LiveResourceDocuments, clientOf: () => LanguageClient | undefined): vscode.Disposable[] {
  const client = (): LanguageClient => {
    const running = clientOf();
    if (!running) throw new Error('The HIPAA Notify language server is not running.');
    return running;
  };
  return [
    vscode.commands.registerCommand('hipaaNotify.coverage.openResourceJson', async (target: GapTarget) => {
      const resourceId = resourceIdOf(target, store);
      if (!resourceId) return undefined;
      return documents.open(resourceId, findingOf(target, store)?.key);
    }),
    vscode.commands.registerCommand('hipaaNotify.coverage.openInPortal', async (target: GapTarget) => {
      const resourceId = resourceIdOf(target, store);
      const url = resourceId ? store.resource(resourceId)?.portalUrl : undefined;
      if (!url) {
        void vscode.window.showInformationMessage('This cloud has no portal address that HIPAA Notify knows.');
        return false;
      }
      return vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    vscode.commands.registerCommand('hipaaNotify.coverage.generateBicepFix', async (target: GapTarget) => {
      const finding = findingOf(target, store);
      if (!finding) return undefined;
      const answer = await client().sendRequest<CoverageFixResult>(coverageFixMethod, { key: finding.key });
      if (answer.text === undefined) {
        void vscode.window.showInformationMessage(answer.reason ?? `No generated fix for ${finding.rule}.`);
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument({ language: 'bicep', content: answer.text });
      // A new untitled document may take the name of one just closed and get its backup's text instead.
      if (document.getText() !== answer.text) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), answer.text);
        await vscode.workspace.applyEdit(edit);
      }
      return vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand('hipaaNotify.coverage.goToTemplate', async (target: GapTarget) => {
      const resourceId = resourceIdOf(target, store);
      if (!resourceId) return undefined;
      const answer = await client().sendRequest<CoverageTemplateResult>(coverageTemplateMethod, { resourceId });
      if (!answer.file) {
        void vscode.window.showInformationMessage('No template of the workspace deploys this resource.');
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(answer.file));
      const at = document.positionAt(answer.offset ?? 0);
      return vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at) });
    }),
  ];
}
