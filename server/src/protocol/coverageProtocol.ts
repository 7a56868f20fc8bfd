import type { WorkspaceComparison } from '../azure/workspaceVsLive';

export type { WorkspaceComparison };
/**
 * The custom LSP requests of the coverage view: the VS Code client asks, the server reads Azure
 * (or a snapshot), analyses and answers; the client only renders. Plain types and method names,
 * so the client can import this file without pulling in the server.
 */

export type CoverageState = 'covered' | 'gap' | 'unknown';

/** The HIPAA controls the tree groups by, in the order they appear. */
export type CoverageControl = 'detect' | 'route' | 'deliver' | 'log' | 'protect';
export const coverageControls: readonly CoverageControl[] = ['detect', 'route', 'deliver', 'log', 'protect'];

/** Where to read from: a cloud through the client's sign-in, or a snapshot the client read from a file. */
export type CoverageSource = LiveSource | SnapshotSource;

export interface LiveSource {
  readonly kind: 'live';
  /** AzureCloud, AzureUSGovernment or AzureChinaCloud; ignored when `armEndpoint` is given. */
  readonly cloud: string;
  /** A custom cloud's Resource Manager endpoint (Azure Stack Hub, a test server). */
  readonly armEndpoint?: string;
  readonly tenantId?: string;
  /** Subscription IDs to read; empty or absent: every subscription the account can see. */
  readonly subscriptions?: readonly string[];
}

export interface SnapshotSource {
  readonly kind: 'snapshot';
  /** Shown as the tree's root (the file name). */
  readonly label: string;
  /** The snapshot file's text (the server reads no files outside the workspace). */
  readonly text: string;
}

export interface CoverageReadParams {
  readonly source: CoverageSource;
  /** Absolute paths of the workspace folders whose templates and policy files are compared with what runs. */
  readonly workspaceFolders?: readonly string[];
  readonly workDoneToken?: string | number;
  readonly partialResultToken?: string | number;
}

export interface CoverageSubscription {
  readonly id: string;
  readonly name: string;
  readonly state: string;
}

export interface CoverageResource {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string | undefined;
  readonly portalUrl: string | undefined;
}

export interface CoverageFinding {
  /** Stable within one report: used to ask for the resource JSON and the Bicep fix. */
  readonly key: string;
  readonly rule: string;
  readonly ruleName: string;
  readonly level: 'error' | 'warning' | 'info';
  readonly message: string;
  /** 45 CFR sections the rule rests on. */
  readonly citation: string | undefined;
  readonly control: CoverageControl;
  readonly resourceId: string;
  readonly docUrl: string;
  /** The request can generate Bicep that closes this gap. */
  readonly fixable: boolean;
}

/** A scope that could not be read: everything under it is unknown. */
export interface CoverageUnknown {
  readonly scope: string;
  readonly subscriptionId: string | undefined;
  readonly status: number;
  readonly message: string;
}

/** The answer per subscription and control. */
export interface ControlCoverage {
  readonly subscriptionId: string;
  readonly control: CoverageControl;
  readonly state: CoverageState;
  readonly reason: string;
}

/** A workspace file compared with what runs: a policy's action groups and workspace (HN504 live), a template's drift. */

/** A piece of a report: partial results bring each subscription as it is read; the final answer is the whole report and replaces them. */
export interface CoverageChunk {
  readonly subscriptions?: readonly CoverageSubscription[];
  readonly resources?: readonly CoverageResource[];
  readonly findings?: readonly CoverageFinding[];
  readonly unknowns?: readonly CoverageUnknown[];
  readonly coverage?: readonly ControlCoverage[];
  readonly workspace?: readonly WorkspaceComparison[];
}

export interface CoverageReport extends CoverageChunk {
  readonly cloud: { readonly name: string; readonly resourceManager: string; readonly portal?: string };
  readonly tenantId: string | undefined;
  readonly readAt: string;
  /** False when the read was cancelled or failed part way. */
  readonly complete: boolean;
  /** Set when nothing could be read: why (sign-in, no access). */
  readonly failure?: { readonly kind: 'signedOut' | 'noAccess' | 'noSubscriptions' | 'error'; readonly message: string };
}

export const coverageReadMethod = 'hipaaNotify/coverage/read';

/** The last report's snapshot (the engine's versioned format, secrets redacted) as text. */
export const coverageSnapshotMethod = 'hipaaNotify/coverage/snapshot';
export interface CoverageSnapshotResult {
  readonly text: string | undefined;
}

/** A live resource as read (redacted), pretty-printed, with the findings placed on it. */
export const coverageResourceMethod = 'hipaaNotify/coverage/resource';
export interface CoverageResourceParams {
  readonly resourceId: string;
}
export interface CoverageResourceResult {
  readonly text: string;
  readonly findings: readonly { readonly key: string; readonly rule: string; readonly level: 'error' | 'warning' | 'info'; readonly message: string; readonly docUrl: string; readonly start: number; readonly end: number }[];
}

/** Bicep that closes one gap of the last report, against the existing resource. */
export const coverageFixMethod = 'hipaaNotify/coverage/bicepFix';
export interface CoverageFixParams {
  readonly key: string;
}
export interface CoverageFixResult {
  readonly text: string | undefined;
  readonly reason?: string;
}

/** Where the workspace deploys a live resource: the template file and offset of its declaration. */
export const coverageTemplateMethod = 'hipaaNotify/coverage/template';
export interface CoverageTemplateResult {
  readonly file: string | undefined;
  readonly offset?: number;
}

/** Server to client: a token for Resource Manager from the client's VS Code sign-in. */
export const coverageTokenMethod = 'hipaaNotify/coverage/token';
export interface CoverageTokenParams {
  readonly scopes: readonly string[];
  readonly tenantId?: string;
}
export interface CoverageTokenResult {
  readonly token: string;
  /** Milliseconds since the epoch. */
  readonly expiresOnTimestamp: number;
}

/** The subscriptions the signed-in account can see in the source's cloud (for "Select Subscriptions..."). */
export const coverageSubscriptionsMethod = 'hipaaNotify/coverage/subscriptions';
export interface CoverageSubscriptionsParams {
  readonly source: LiveSource;
}
