import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyseFile } from '../analysis';
import { applyRuleLevels } from '../config/config';
import { configFileName, isInside, type LocatedConfig } from '../config/configLookup';
import { newConfigText, ruleLevelEdits } from '../config/configEdits';
import { editsOf, safeFixOf } from '../fixes/fixEdits';
import { fixUntilStable } from '../fixes/fixFiles';
import type { TextEdit } from '../fixes/textEdit';
import { ruleDocUrl, ruleMeta } from '../rules/catalog';
import type { ConfiguredLevel, Finding } from '../rules/finding';
import { disableInMetadataEdits, disableNextLineEdit, type DisableEdit } from '../suppression/disableEdits';
import { documentKindOf, type DocumentKind } from '../syntax/documentKind';
import { LineMap } from '../syntax/lineMap';
import { fileUri, rangeOf } from './toLsp';

/** The kind editors ask for in `editor.codeActionsOnSave`. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.hipaa-notify`;
/** Opens a rule's page through `window/showDocument`. */
export const showDocumentationCommand = 'hipaa-notify.showRuleDocumentation';

/** What the code actions need from the server: its documents, workspace folders and configs. */
export interface CodeActionHost {
  document(uri: string): TextDocument | undefined;
  workspaceFolderOf(file: string): string | undefined;
  configFor(file: string): LocatedConfig | undefined;
  docsBase(): string;
  capabilities(): ClientCapabilities;
}

interface Analysed {
  readonly version: number;
  readonly findings: readonly Finding[];
}

interface FixAllData {
  readonly uri: string;
  readonly version: number;
}

/**
 * `textDocument/codeAction` for hipaa-notify diagnostics: the rule's quick fixes, disabling the
 * rule for a line (or an ARM resource), setting its level in hipaa-notify.json, its page, and
 * `source.fixAll.hipaa-notify`. Only the shown file is edited unless the title names another.
 */
export class CodeActions {
  private readonly analysed = new Map<string, Analysed>();

  constructor(private readonly host: CodeActionHost) {}

  /** The findings behind the diagnostics just published for a document (after rule levels). */
  remember(uri: string, version: number, findings: readonly Finding[]): void {
    this.analysed.set(uri, { version, findings });
  }

  forget(uri: string): void {
    this.analysed.delete(uri);
  }

  actions(params: CodeActionParams): CodeAction[] {
    const document = this.host.document(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'hipaa-notify' || typeof diagnostic.code !== 'string') continue;
        actions.push(...this.quickFixes(document, diagnostic));
      }
    }
    // Only on request: a fix-all among the lightbulb's entries would be noise.
    if (only && wants(fixAllKind) && this.hasSafeFix(document)) {
      const data: FixAllData = { uri: document.uri, version: document.version };
      const action: CodeAction = { title: 'Fix all hipaa-notify problems that have a safe fix', kind: fixAllKind, data };
      actions.push(this.canResolveEdits() ? action : this.resolve(action));
    }
    return actions;
  }

  /** Fills in the fix-all edit, computed only when the editor applies it. */
  resolve(action: CodeAction): CodeAction {
    const data = action.data as FixAllData | undefined;
    const document = data ? this.host.document(data.uri) : undefined;
    if (!document || action.kind !== fixAllKind) return action;
    const edit = this.fixAllEdit(document);
    return edit ? { ...action, edit } : action;
  }

  private quickFixes(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
    const ruleId = String(diagnostic.code);
    const text = document.getText();
    const lines = new LineMap(text);
    const file = this.fileOf(document);
    const finding = this.findingFor(document, diagnostic, lines);
    const actions: CodeAction[] = [];
    const fixes = finding?.fixes ?? [];
    for (const fix of fixes) {
      const edits = editsOf(fix, (other) => this.readText(other, document));
      if (!edits || edits.length === 0) continue;
      const others = [...new Set(edits.map((edit) => edit.file))].filter((other) => other !== file);
      const title = others.length === 0 ? fix.title : `${fix.title} (edits ${others.map((other) => path.basename(other)).join(', ')})`;
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(fixes.length === 1 && !fix.needsReview ? { isPreferred: true } : {}), edit: this.workspaceEdit(edits, document) });
    }
    const offset = lines.offsetAt(diagnostic.range.start);
    const kind = documentKindOf(file, text, document.languageId);
    const comment = commentStyle(kind, file);
    if (comment && ruleId !== 'HN001') {
      actions.push(this.disableAction(`Disable ${ruleId} for this line`, document, diagnostic, [disableNextLineEdit(text, offset, ruleId, comment)]));
      const metadata = kind === 'armTemplate' ? disableInMetadataEdits(text, offset, ruleId) : undefined;
      if (metadata) actions.push(this.disableAction(`Disable ${ruleId} for this resource (metadata)`, document, diagnostic, metadata));
    }
    actions.push(...this.levelActions(document, diagnostic, ruleId));
    if (ruleMeta(ruleId)) {
      actions.push({ title: `Show ${ruleId} documentation`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: documentationCommand(`Show ${ruleId} documentation`, ruleDocUrl(ruleId, this.host.docsBase())) });
    }
    return actions;
  }

  private findingFor(document: TextDocument, diagnostic: Diagnostic, lines: LineMap): Finding | undefined {
    const analysed = this.analysed.get(document.uri);
    if (!analysed || analysed.version !== document.version) return undefined;
    const same = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line === b.line && a.character === b.character;
    return analysed.findings.find((finding) => {
      if (finding.ruleId !== diagnostic.code || finding.message !== diagnostic.message) return false;
      const range = rangeOf(lines, finding.span);
      return same(range.start, diagnostic.range.start) && same(range.end, diagnostic.range.end);
    });
  }

  private disableAction(title: string, document: TextDocument, diagnostic: Diagnostic, edits: readonly DisableEdit[]): CodeAction {
    const snippets = this.host.capabilities().workspace?.workspaceEdit?.snippetEditSupport === true && this.usesDocumentChanges();
    const lspEdits = edits.map((edit) => {
      const range = { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) };
      if (!snippets || edit.reasonAt === undefined) return { range, newText: edit.newText };
      const escape = (part: string) => part.replace(/[\\$}]/g, (c) => `\\${c}`);
      const placeholder = edit.newText.slice(edit.reasonAt).match(/^\w+/)![0];
      const value = `${escape(edit.newText.slice(0, edit.reasonAt))}\${1:${placeholder}}${escape(edit.newText.slice(edit.reasonAt + placeholder.length))}`;
      return { range, snippet: { kind: 'snippet', value } } as unknown as LspTextEdit;
    });
    const edit: WorkspaceEdit = this.usesDocumentChanges()
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] }
      : { changes: { [document.uri]: lspEdits } };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
  }

  /** "Set HNxxx level to off in hipaa-notify.json", unless it is off already. */
  private levelActions(document: TextDocument, diagnostic: Diagnostic, ruleId: string): CodeAction[] {
    const meta = ruleMeta(ruleId);
    const file = URI.parse(document.uri).scheme === 'file' ? URI.parse(document.uri).fsPath : undefined;
    const folder = file ? this.host.workspaceFolderOf(file) : undefined;
    if (!meta || !file || !folder) return [];
    const located = this.host.configFor(file);
    const current: ConfiguredLevel = located?.config.rules[ruleId] ?? meta.level;
    const configFile = located?.file ?? path.join(folder, configFileName);
    if (!isInside(configFile, folder)) return [];
    const existing = located?.file ? this.readText(located.file, document) : undefined;
    if (located?.file && existing === undefined) return [];
    if (!located?.file && !this.canCreateFiles()) return [];
    const uri = fileUri(configFile);
    // One entry per diagnostic keeps the lightbulb short; the file's schema completes other levels.
    const levels: ConfiguredLevel[] = ['off'];
    return levels
      .filter((level) => level !== current)
      .map((level) => {
        let edit: WorkspaceEdit;
        if (existing !== undefined) {
          const lines = new LineMap(existing);
          const edits = ruleLevelEdits(existing, ruleId, level).map((e) => ({ range: rangeOf(lines, { offset: e.offset, length: e.length }), newText: e.newText }));
          edit = this.usesDocumentChanges() ? { documentChanges: [{ textDocument: { uri, version: this.host.document(uri)?.version ?? null }, edits }] } : { changes: { [uri]: edits } };
        } else {
          edit = { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(ruleId, level) }] }] };
        }
        return { title: `Set ${ruleId} level to ${level} in ${configFileName}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
      });
  }

  private hasSafeFix(document: TextDocument): boolean {
    const analysed = this.analysed.get(document.uri);
    return analysed?.version === document.version && analysed.findings.some((finding) => safeFixOf(finding) !== undefined);
  }

  /** Every safe fix of the document, re-analysing between passes; other files stay as they are. */
  private fixAllEdit(document: TextDocument): WorkspaceEdit | undefined {
    const file = this.fileOf(document);
    const original = document.getText();
    const kind = documentKindOf(file, original, document.languageId);
    const run = fixUntilStable(
      (other) => this.readText(other, document),
      (readText) => this.reanalyse(file, readText(file) ?? original, kind, readText),
      { canEdit: (other) => other === file, accept: (finding) => finding.file === file },
    );
    const fixed = run.changed.get(file);
    if (fixed === undefined || fixed === original) return undefined;
    let start = 0;
    while (start < original.length && start < fixed.length && original[start] === fixed[start]) start++;
    let end = 0;
    while (end < original.length - start && end < fixed.length - start && original[original.length - 1 - end] === fixed[fixed.length - 1 - end]) end++;
    const edits = [{ range: { start: document.positionAt(start), end: document.positionAt(original.length - end) }, newText: fixed.slice(start, fixed.length - end) }];
    return this.usesDocumentChanges() ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] } : { changes: { [document.uri]: edits } };
  }

  private reanalyse(file: string, text: string, kind: DocumentKind, readText: (file: string) => string | undefined): Finding[] {
    const folder = path.isAbsolute(file) ? this.host.workspaceFolderOf(file) : undefined;
    const located = path.isAbsolute(file) ? this.host.configFor(file) : undefined;
    const context = folder ? { workspaceRoot: folder, openText: (other: string) => (other === file ? text : readText(other)), ...(located?.config.timeZone ? { defaultTimeZone: located.config.timeZone } : {}) } : { workspaceRoot: null };
    const findings = analyseFile({ file, text }, kind, context);
    return located ? applyRuleLevels(findings, located.config) : findings;
  }

  private workspaceEdit(edits: readonly TextEdit[], shown: TextDocument): WorkspaceEdit {
    const byFile = new Map<string, TextEdit[]>();
    for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    const documentEdits: TextDocumentEdit[] = [];
    const changes: Record<string, LspTextEdit[]> = {};
    for (const [file, fileEdits] of byFile) {
      const uri = file === this.fileOf(shown) ? shown.uri : fileUri(file);
      const lines = new LineMap(this.readText(file, shown) ?? '');
      const lspEdits = fileEdits.map((edit) => ({ range: rangeOf(lines, edit), newText: edit.newText }));
      documentEdits.push({ textDocument: { uri, version: this.host.document(uri)?.version ?? null }, edits: lspEdits });
      changes[uri] = lspEdits;
    }
    return this.usesDocumentChanges() ? { documentChanges: documentEdits } : { changes };
  }

  private fileOf(document: TextDocument): string {
    const uri = URI.parse(document.uri);
    return uri.scheme === 'file' ? uri.fsPath : document.uri;
  }

  /** An open document's text, else the file on disk when it lies in a workspace folder. */
  private readText(file: string, shown: TextDocument): string | undefined {
    if (file === this.fileOf(shown)) return shown.getText();
    const open = this.host.document(fileUri(file));
    if (open) return open.getText();
    if (!path.isAbsolute(file) || !this.host.workspaceFolderOf(file)) return undefined;
    try {
      return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  }

  private usesDocumentChanges(): boolean {
    return this.host.capabilities().workspace?.workspaceEdit?.documentChanges === true;
  }

  private canCreateFiles(): boolean {
    return this.usesDocumentChanges() && (this.host.capabilities().workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
  }

  private canResolveEdits(): boolean {
    return (this.host.capabilities().textDocument?.codeAction?.resolveSupport?.properties ?? []).includes('edit');
  }
}

function commentStyle(kind: DocumentKind, file: string): '//' | '#' | undefined {
  switch (kind) {
    case 'bicep':
    case 'bicepparam':
    case 'armTemplate':
    case 'armParameters':
      return '//';
    case 'policy':
      return /\.json$/i.test(file) ? '//' : '#';
    default:
      return undefined;
  }
}

/** A `command:` link (the editor renders the page itself) runs as that command; any other address opens through the server. */
function documentationCommand(title: string, url: string): Command {
  const link = /^command:([^?]+)(?:\?(.*))?$/.exec(url);
  if (!link) return { title, command: showDocumentationCommand, arguments: [url] };
  let args: unknown[] = [];
  try {
    const parsed: unknown = link[2] ? JSON.parse(decodeURIComponent(link[2])) : [];
    args = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    args = [];
  }
  return { title, command: link[1], arguments: args };
}
