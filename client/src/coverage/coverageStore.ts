import * as vscode from 'vscode';
import type {
  ControlCoverage,
  CoverageChunk,
  CoverageFinding,
  CoverageReport,
  CoverageResource,
  CoverageSubscription,
  CoverageUnknown,
  WorkspaceComparison,
} from '../../../server/src/protocol/coverageProtocol';

/** What the view shows: signed out, reading, a report (live or from a snapshot). */
export type ViewState = 'signedOut' | 'noSubscriptions' | 'noAccess' | 'loading' | 'ready' | 'error';

/**
 * The report the view renders, filled by partial results while a read runs. It only indexes what
 * the server sent; nothing here analyses.
 */
export class CoverageStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  state: ViewState = 'signedOut';
  message: string | undefined;
  header: Pick<CoverageReport, 'cloud' | 'tenantId' | 'readAt' | 'complete'> | undefined;
  /** The tree's root label: the cloud, or the snapshot's file name. */
  origin: string | undefined;
  readonly subscriptions = new Map<string, CoverageSubscription>();
  readonly resources = new Map<string, CoverageResource>();
  readonly findings: CoverageFinding[] = [];
  readonly unknowns: CoverageUnknown[] = [];
  readonly coverage: ControlCoverage[] = [];
  readonly workspace: WorkspaceComparison[] = [];

  begin(origin: string): void {
    this.clear();
    this.header = undefined;
    this.message = undefined;
    this.origin = origin;
    this.state = 'loading';
    this.changed.fire();
  }

  /** A read runs while the last report stays shown. */
  refreshing(): void {
    this.state = 'loading';
    this.changed.fire();
  }

  private clear(): void {
    this.subscriptions.clear();
    this.resources.clear();
    this.findings.length = 0;
    this.unknowns.length = 0;
    this.coverage.length = 0;
    this.workspace.length = 0;
  }

  add(chunk: CoverageChunk): void {
    for (const subscription of chunk.subscriptions ?? []) this.subscriptions.set(subscription.id.toLowerCase(), subscription);
    for (const resource of chunk.resources ?? []) this.resources.set(resource.id.toLowerCase(), resource);
    this.findings.push(...(chunk.findings ?? []));
    this.unknowns.push(...(chunk.unknowns ?? []));
    this.coverage.push(...(chunk.coverage ?? []));
    this.workspace.push(...(chunk.workspace ?? []));
    this.changed.fire();
  }

  /** The final answer holds the whole report: it replaces the partial results. */
  finish(report: CoverageReport): void {
    this.header = { cloud: report.cloud, tenantId: report.tenantId, readAt: report.readAt, complete: report.complete };
    const { failure } = report;
    this.clear();
    this.add(report);
    if (failure) {
      this.state = failure.kind;
      this.message = failure.message;
    } else if (this.subscriptions.size === 0) {
      this.state = 'noSubscriptions';
    } else {
      this.state = 'ready';
    }
    this.changed.fire();
  }

  fail(state: ViewState, message: string): void {
    this.state = state;
    this.message = message;
    this.changed.fire();
  }

  gapCount(): number {
    return this.findings.length;
  }

  resource(id: string): CoverageResource | undefined {
    return this.resources.get(id.toLowerCase());
  }

  finding(key: string): CoverageFinding | undefined {
    return this.findings.find((f) => f.key === key);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
