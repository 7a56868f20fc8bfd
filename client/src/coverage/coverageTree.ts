import * as vscode from 'vscode';
import {
  coverageControls,
  type CoverageControl,
  type CoverageFinding,
  type CoverageResource,
  type CoverageState,
  type CoverageSubscription,
  type CoverageUnknown,
  type WorkspaceComparison,
} from '../../../server/src/protocol/coverageProtocol';
import type { CoverageStore } from './coverageStore';
import { lastNameOf, resourceGroupOf, subscriptionOf, typeOf } from './resourceIds';

export type Grouping = 'control' | 'resourceGroup' | 'rule';

export const controlLabels: Readonly<Record<CoverageControl, string>> = {
  detect: 'Detect',
  route: 'Route',
  deliver: 'Deliver',
  log: 'Log and retain',
  protect: 'Protect',
};

/** A node of the tree; each renders itself (label, icon, tooltip) and knows its children. */
export interface CoverageNode {
  readonly id: string;
  readonly state: CoverageState;
  item(): vscode.TreeItem;
  children(): CoverageNode[];
}

const stateIcons: Readonly<Record<CoverageState, vscode.ThemeIcon>> = {
  covered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  gap: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  unknown: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

const levelIcons = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

function worst(states: readonly CoverageState[]): CoverageState {
  if (states.includes('gap')) return 'gap';
  if (states.includes('unknown')) return 'unknown';
  return 'covered';
}

function gapsText(findings: readonly CoverageFinding[], unknown: boolean): string {
  if (findings.length > 0) return `${findings.length} gap${findings.length === 1 ? '' : 's'}`;
  return unknown ? 'unknown' : 'covered';
}

function collapsed(hasChildren: boolean, expanded = false): vscode.TreeItemCollapsibleState {
  if (!hasChildren) return vscode.TreeItemCollapsibleState.None;
  return expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
}

function findingTooltip(finding: CoverageFinding, resourceId: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`$(${finding.level === 'info' ? 'info' : finding.level}) **${finding.rule}** \`${finding.ruleName}\` (${finding.level})\n\n`);
  if (finding.citation) tooltip.appendMarkdown(`**${finding.citation}**\n\n`);
  tooltip.appendText(finding.message);
  tooltip.appendMarkdown(`\n\n---\n\n`);
  tooltip.appendText(resourceId);
  tooltip.appendMarkdown(`\n\n[Rule ${finding.rule}](${finding.docUrl})`);
  return tooltip;
}

/** What a tree over one store needs to know while building nodes. */
interface View {
  readonly store: CoverageStore;
  readonly grouping: Grouping;
  readonly gapsOnly: boolean;
}

class FindingNode implements CoverageNode {
  readonly state = 'gap' as const;
  constructor(readonly id: string, readonly finding: CoverageFinding, readonly resource: CoverageResource | undefined) {}
  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${this.finding.rule} ${this.finding.message}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.finding.citation;
    item.iconPath = levelIcons[this.finding.level];
    item.tooltip = findingTooltip(this.finding, this.finding.resourceId);
    item.contextValue = `finding${this.finding.fixable ? ' fixable' : ''}${this.resource?.portalUrl ? ' portal' : ''}`;
    item.command = { command: 'hipaaNotify.coverage.openResourceJson', title: 'Open resource JSON', arguments: [this] };
    return item;
  }
  children(): CoverageNode[] {
    return [];
  }
}

class ResourceNode implements CoverageNode {
  readonly state: CoverageState;
  constructor(readonly id: string, readonly resourceId: string, readonly resource: CoverageResource | undefined, readonly findings: readonly CoverageFinding[], unknown: boolean) {
    this.state = findings.length > 0 ? 'gap' : unknown ? 'unknown' : 'covered';
  }
  item(): vscode.TreeItem {
    const name = this.resource?.name ?? lastNameOf(this.resourceId);
    const item = new vscode.TreeItem(name, collapsed(this.findings.length > 0));
    item.id = this.id;
    const type = this.resource?.type ?? typeOf(this.resourceId) ?? '';
    item.description = `${type.split('/').pop()} · ${gapsText(this.findings, this.state === 'unknown')}`;
    item.iconPath = stateIcons[this.state];
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${name}** \`${type}\` (${this.state})\n\n`);
    tooltip.appendText(this.resourceId);
    for (const finding of this.findings) tooltip.appendMarkdown(`\n\n- **${finding.rule}** ${finding.citation ? `(${finding.citation}) ` : ''}`).appendText(finding.message);
    item.tooltip = tooltip;
    item.contextValue = `resource${this.resource?.portalUrl ? ' portal' : ''}`;
    return item;
  }
  children(): CoverageNode[] {
    return this.findings.map((finding) => new FindingNode(`${this.id}/${finding.key}`, finding, this.resource));
  }
}

/** What could not be read in one resource group (or at one scope outside any group): unknown, never guessed. */
class UnknownNode implements CoverageNode {
  readonly state = 'unknown' as const;
  constructor(readonly id: string, private readonly scope: string, readonly unknowns: readonly CoverageUnknown[]) {}
  item(): vscode.TreeItem {
    const group = resourceGroupOf(this.scope);
    const label = group ? `resource group ${group}` : lastNameOf(this.scope);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const statuses = [...new Set(this.unknowns.map((u) => u.status))];
    item.description = `unknown: ${statuses.every((s) => s === 403) ? 'no read permission' : statuses.map((s) => (s === 0 ? 'network error' : `HTTP ${s}`)).join(', ')}`;
    item.iconPath = stateIcons.unknown;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`$(question) **Unknown**: what HIPAA Notify could not read here is neither covered nor a gap.\n\n`);
    for (const unknown of this.unknowns.slice(0, 10)) tooltip.appendMarkdown('- ').appendText(`${unknown.scope} (HTTP ${unknown.status}): ${unknown.message}`).appendMarkdown('\n');
    if (this.unknowns.length > 10) tooltip.appendText(`... and ${this.unknowns.length - 10} more`);
    item.tooltip = tooltip;
    item.contextValue = 'unknown';
    return item;
  }
  children(): CoverageNode[] {
    return [];
  }
}

/** Unknown scopes gathered by resource group. */
function unknownNodes(parentId: string, unknowns: readonly CoverageUnknown[]): UnknownNode[] {
  const groups = new Map<string, CoverageUnknown[]>();
  for (const unknown of unknowns) {
    const group = resourceGroupOf(unknown.scope);
    const key = (group ? unknown.scope.slice(0, unknown.scope.toLowerCase().indexOf(`/resourcegroups/${group.toLowerCase()}`) + `/resourcegroups/${group}`.length) : unknown.scope).toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), unknown]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([scope, list]) => new UnknownNode(`${parentId}/unknown:${scope}`, scope, list));
}

/** A control, resource group or rule under a subscription. */
class GroupNode implements CoverageNode {
  readonly state: CoverageState;
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly findings: readonly CoverageFinding[],
    private readonly unknowns: readonly CoverageUnknown[],
    private readonly view: View,
    private readonly detail: { state?: CoverageState; reason?: string; tooltip?: vscode.MarkdownString; icon?: vscode.ThemeIcon } = {},
  ) {
    this.state = detail.state ?? (findings.length > 0 ? 'gap' : unknowns.length > 0 ? 'unknown' : 'covered');
  }
  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, collapsed(this.findings.length > 0 || this.unknowns.length > 0, this.view.grouping === 'control' && this.state !== 'covered'));
    item.id = this.id;
    item.description = gapsText(this.findings, this.state === 'unknown');
    item.iconPath = stateIcons[this.state];
    const tooltip = this.detail.tooltip ?? new vscode.MarkdownString(undefined, true);
    if (!this.detail.tooltip) {
      tooltip.appendMarkdown(`**${this.label}**: ${this.state}\n\n`);
      if (this.detail.reason) tooltip.appendText(this.detail.reason);
    }
    item.tooltip = tooltip;
    item.contextValue = 'group';
    return item;
  }
  children(): CoverageNode[] {
    return [...resourceNodes(this.id, this.findings, this.view), ...unknownNodes(this.id, this.unknowns)];
  }
}

function resourceNodes(parentId: string, findings: readonly CoverageFinding[], view: View): ResourceNode[] {
  const byResource = new Map<string, CoverageFinding[]>();
  for (const finding of findings) {
    const key = finding.resourceId.toLowerCase();
    byResource.set(key, [...(byResource.get(key) ?? []), finding]);
  }
  return [...byResource.values()]
    .map((list) => new ResourceNode(`${parentId}/${list[0].resourceId.toLowerCase()}`, list[0].resourceId, view.store.resource(list[0].resourceId), list, false))
    .sort((a, b) => a.item().label!.toString().localeCompare(b.item().label!.toString()));
}

class SubscriptionNode implements CoverageNode {
  readonly state: CoverageState;
  private readonly findings: CoverageFinding[];
  private readonly unknowns: CoverageUnknown[];
  constructor(readonly id: string, private readonly subscription: CoverageSubscription, private readonly view: View) {
    const key = subscription.id.toLowerCase();
    this.findings = view.store.findings.filter((f) => (subscriptionOf(f.resourceId) ?? '').toLowerCase() === key);
    this.unknowns = view.store.unknowns.filter((u) => (u.subscriptionId ?? subscriptionOf(u.scope) ?? '').toLowerCase() === key);
    this.state = this.findings.length > 0 ? 'gap' : this.unknowns.length > 0 ? 'unknown' : 'covered';
  }
  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.subscription.name || this.subscription.id, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = `${gapsText(this.findings, this.state === 'unknown')}${this.subscription.state && this.subscription.state !== 'Enabled' ? ` · ${this.subscription.state}` : ''}`;
    item.iconPath = stateIcons[this.state];
    item.tooltip = new vscode.MarkdownString(`**${this.subscription.name}**\n\n\`${this.subscription.id}\` (${this.subscription.state})`);
    item.contextValue = 'subscription';
    return item;
  }
  children(): CoverageNode[] {
    const nodes = this.groups();
    return this.view.gapsOnly ? nodes.filter((n) => n.state !== 'covered') : nodes;
  }
  private groups(): CoverageNode[] {
    const { grouping } = this.view;
    if (grouping === 'control') {
      return coverageControls.map((control) => {
        const answer = this.view.store.coverage.find((c) => c.control === control && c.subscriptionId.toLowerCase() === this.subscription.id.toLowerCase());
        const findings = this.findings.filter((f) => f.control === control);
        const state = answer?.state ?? (findings.length > 0 ? 'gap' : this.unknowns.length > 0 ? 'unknown' : 'covered');
        return new GroupNode(`${this.id}/control:${control}`, controlLabels[control], findings, state === 'unknown' || findings.length > 0 ? this.unknowns : [], this.view, { state, ...(answer ? { reason: answer.reason } : {}) });
      });
    }
    const keyOf = grouping === 'rule' ? (f: CoverageFinding) => f.rule : (f: CoverageFinding) => resourceGroupOf(f.resourceId) ?? '(subscription)';
    const groups = new Map<string, CoverageFinding[]>();
    for (const finding of this.findings) groups.set(keyOf(finding), [...(groups.get(keyOf(finding)) ?? []), finding]);
    const nodes: CoverageNode[] = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, findings]) => {
      const label = grouping === 'rule' ? `${key} ${findings[0].ruleName}` : key;
      const unknowns = grouping === 'resourceGroup' ? this.unknowns.filter((u) => resourceGroupOf(u.scope)?.toLowerCase() === key.toLowerCase()) : [];
      return new GroupNode(`${this.id}/${grouping}:${key}`, label, findings, unknowns, this.view, grouping === 'rule' && findings[0].citation ? { reason: findings[0].citation } : {});
    });
    const grouped = new Set(grouping === 'resourceGroup' ? [...groups.keys()].map((k) => k.toLowerCase()) : []);
    nodes.push(...unknownNodes(this.id, this.unknowns.filter((u) => !grouped.has(resourceGroupOf(u.scope)?.toLowerCase() ?? ''))));
    return nodes;
  }
}

class WorkspaceFileNode implements CoverageNode {
  readonly state: CoverageState;
  constructor(readonly id: string, private readonly comparison: WorkspaceComparison, private readonly gapsOnly: boolean) {
    this.state = comparison.state;
  }
  item(): vscode.TreeItem {
    const uri = vscode.Uri.file(this.comparison.file);
    const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri), collapsed(this.comparison.items.length > 0, this.state !== 'covered'));
    item.id = this.id;
    item.resourceUri = uri;
    item.description = this.comparison.kind === 'policy' ? 'policy vs live' : 'template vs live';
    item.iconPath = stateIcons[this.state];
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    item.contextValue = 'workspaceFile';
    return item;
  }
  children(): CoverageNode[] {
    // Indexes stay those of the whole list, so an item keeps its id (and expansion) across the filter.
    return this.comparison.items.flatMap((entry, i) => (this.gapsOnly && entry.state === 'covered' ? [] : [{
      id: `${this.id}/${i}`,
      state: entry.state,
      item: () => {
        const item = new vscode.TreeItem(entry.message, vscode.TreeItemCollapsibleState.None);
        item.id = `${this.id}/${i}`;
        item.iconPath = stateIcons[entry.state];
        item.tooltip = entry.resourceId ? `${entry.message}\n\n${entry.resourceId}` : entry.message;
        if (entry.line !== undefined) {
          const at = new vscode.Position(entry.line, 0);
          item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(this.comparison.file), { selection: new vscode.Range(at, at) }] };
        }
        return item;
      },
      children: () => [],
    }]));
  }
}

class WorkspaceNode implements CoverageNode {
  readonly state: CoverageState;
  constructor(readonly id: string, private readonly view: View) {
    this.state = worst(view.store.workspace.map((w) => w.state));
  }
  item(): vscode.TreeItem {
    const item = new vscode.TreeItem('Workspace vs live', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = stateIcons[this.state];
    item.description = `${this.view.store.workspace.filter((w) => w.state !== 'covered').length} differ`;
    return item;
  }
  children(): CoverageNode[] {
    const files = this.view.store.workspace.filter((w) => !this.view.gapsOnly || w.state !== 'covered');
    return files.map((w) => new WorkspaceFileNode(`${this.id}/${w.file}`, w, this.view.gapsOnly));
  }
}

class RootNode implements CoverageNode {
  readonly state: CoverageState;
  constructor(readonly id: string, private readonly view: View) {
    this.state = view.store.findings.length > 0 ? 'gap' : view.store.unknowns.length > 0 ? 'unknown' : 'covered';
  }
  item(): vscode.TreeItem {
    const { store } = this.view;
    const item = new vscode.TreeItem(store.origin ?? 'Azure', vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const parts = [store.header?.tenantId ? `tenant ${store.header.tenantId}` : undefined, store.state === 'loading' ? 'reading...' : store.header && !store.header.complete ? 'incomplete' : undefined];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(store.origin?.endsWith('.json') ? 'file' : 'cloud');
    const tooltip = new vscode.MarkdownString(`**${store.origin}**`);
    if (store.header) tooltip.appendMarkdown(`\n\nResource Manager: \`${store.header.cloud.resourceManager}\`\n\nRead at ${store.header.readAt}${store.header.complete ? '' : ' (incomplete)'}`);
    item.tooltip = tooltip;
    item.contextValue = 'cloud';
    return item;
  }
  children(): CoverageNode[] {
    const subscriptions = [...this.view.store.subscriptions.values()].sort((a, b) => a.name.localeCompare(b.name));
    const nodes: CoverageNode[] = subscriptions.map((s) => new SubscriptionNode(`sub:${s.id.toLowerCase()}`, s, this.view)).filter((n) => !this.view.gapsOnly || n.state !== 'covered');
    if (this.view.store.workspace.length > 0) nodes.push(new WorkspaceNode('workspace', this.view));
    return nodes;
  }
}

/** One generic provider: the nodes render themselves. */
export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private grouping: Grouping = 'control';
  private gapsOnly = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: CoverageStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    this.changed.fire(undefined);
  }

  get currentGrouping(): Grouping {
    return this.grouping;
  }

  setGapsOnly(gapsOnly: boolean): void {
    this.gapsOnly = gapsOnly;
    this.changed.fire(undefined);
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    return node.item();
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (node) return node.children();
    const { store } = this;
    // An empty tree lets the welcome view of the state show (signed out, no subscriptions, ...).
    if (store.subscriptions.size === 0 && store.workspace.length === 0) return [];
    return [new RootNode('root', { store, grouping: this.grouping, gapsOnly: this.gapsOnly })];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export { FindingNode, ResourceNode };
