import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { ProgressType, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { analyseSnapshot, readLiveEstate, resolveCloud, SignInError, type CloudName, type LiveSnapshot } from '../azure';
import { mergeSnapshots, parseSnapshotText } from '../azure/snapshotText';
import { listSubscriptions } from '../azure/subscriptionList';
import { locateFindings } from '../azure/liveRecordText';
import { bicepForLiveGap } from '../fixes/bicepForLiveGap';
import {
  coverageFixMethod,
  coverageReadMethod,
  coverageResourceMethod,
  coverageSnapshotMethod,
  coverageSubscriptionsMethod,
  coverageTemplateMethod,
  coverageTokenMethod,
  type CoverageChunk,
  type CoverageFixParams,
  type CoverageFixResult,
  type CoverageReadParams,
  type CoverageReport,
  type CoverageResourceParams,
  type CoverageResourceResult,
  type CoverageSnapshotResult,
  type CoverageSubscription,
  type CoverageSubscriptionsParams,
  type CoverageTemplateResult,
  type CoverageTokenResult,
  type LiveSource,
} from './coverageProtocol';
import { toCoverageChunk, type KeyedFinding } from './coverageToProtocol';
import { templateModelsUnder } from '../workspace/templateModels';
import type { WorkspaceReader } from '../workspace/workspaceReader';
import { documentKindOf } from '../syntax/documentKind';
import { compareWorkspace } from '../azure/workspaceVsLive';
import { templateOfResource } from '../azure/templateOfResource';

/** What the coverage requests need from the rest of the server. */
export interface CoverageHost {
  /** The reader of a workspace folder (open buffers first): its templates and policy files are compared with what runs. */
  readerOf(folder: string): WorkspaceReader;
  /** The docs base URL for rule links. */
  docsBase(): string;
}

/** Subscriptions read at a time when the read is split per subscription for partial results. */
const subscriptionsAtOnce = 4;
const chunkType = new ProgressType<CoverageChunk>();

/**
 * A TokenCredential whose tokens come from the client's VS Code sign-in: each getToken is a
 * request to the client. Tokens stay in memory, in this object, until they expire.
 */
class ClientCredential implements TokenCredential {
  refused: string | undefined;
  private readonly cache = new Map<string, AccessToken>();
  constructor(private readonly connection: Connection) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const list = Array.isArray(scopes) ? scopes : [scopes];
    const key = `${options?.tenantId ?? ''} ${list.join(' ')}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresOnTimestamp - Date.now() > 5 * 60_000) return cached;
    if (this.refused) throw new SignInError(this.refused);
    try {
      const answer = await this.connection.sendRequest<CoverageTokenResult>(coverageTokenMethod, { scopes: list, ...(options?.tenantId ? { tenantId: options.tenantId } : {}) });
      const token = { token: answer.token, expiresOnTimestamp: answer.expiresOnTimestamp };
      this.cache.set(key, token);
      return token;
    } catch (error) {
      this.refused = error instanceof Error ? error.message : String(error);
      throw new SignInError(this.refused);
    }
  }
}

/** The last report, kept for the requests that act on it (resource JSON, fixes, snapshot). */
interface LastRead {
  readonly snapshot: LiveSnapshot;
  readonly findings: ReadonlyMap<string, KeyedFinding>;
  readonly workspaceFolders: readonly string[];
}

export function registerCoverageRequests(connection: Connection, host: CoverageHost): void {
  let last: LastRead | undefined;
  // One credential per request: a sign-out in VS Code takes effect on the next read.
  const freshCredential = () => new ClientCredential(connection);

  connection.onRequest(coverageReadMethod, async (params: CoverageReadParams, cancel: CancellationToken): Promise<CoverageReport | ResponseError<void>> => {
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    const abort = new AbortController();
    const cancelled = cancel.onCancellationRequested(() => abort.abort());
    const send = (chunk: CoverageChunk) => {
      if (params.partialResultToken !== undefined) void connection.sendProgress(chunkType, params.partialResultToken, chunk);
    };
    try {
      if (params.source.kind === 'snapshot') {
        const parsed = parseSnapshotText(params.source.text);
        if ('error' in parsed) return new ResponseError(-32602, `${params.source.label} is not a coverage snapshot: ${parsed.error}`);
        return finish(parsed.snapshot, params.workspaceFolders ?? []);
      }
      progress.begin('HIPAA coverage', undefined, 'signing in', true);
      const used = freshCredential();
      const snapshot = await readSplit(params.source, used, abort.signal, (message) => progress.report(message), (part) => send(toCoverageChunk(part, analyseSnapshot(part), host.docsBase()).chunk));
      if (snapshot === undefined) return failure(params.source, used.refused ? 'signedOut' : 'error', used.refused ? `Sign in to read coverage (${used.refused}).` : 'The read failed.');
      if (snapshot.subscriptions.length === 0) {
        const denied = snapshot.errors.find((e) => e.status === 403);
        return failure(params.source, denied ? 'noAccess' : 'noSubscriptions', denied ? denied.message : 'The account sees no subscriptions.', snapshot);
      }
      return finish(snapshot, params.workspaceFolders ?? []);
    } catch (error) {
      if (error instanceof SignInError) return failure(params.source, 'signedOut', `Sign in to read coverage: ${error.message}`);
      return failure(params.source, 'error', error instanceof Error ? error.message : String(error));
    } finally {
      cancelled.dispose();
      progress.done();
    }
  });

  function finish(snapshot: LiveSnapshot, workspaceFolders: readonly string[]): CoverageReport {
    const analysis = analyseSnapshot(snapshot);
    const { chunk, findings } = toCoverageChunk(snapshot, analysis, host.docsBase());
    last = { snapshot, findings, workspaceFolders };
    const workspace = workspaceFolders.flatMap((folder) => {
      const reader = host.readerOf(folder);
      return compareWorkspace(snapshot, templateModelsUnder(folder, reader), policyFilesUnder(reader, folder), (file) => reader.readText(file));
    });
    return {
      ...chunk,
      ...(workspace.length > 0 ? { workspace } : {}),
      cloud: snapshot.cloud,
      tenantId: undefined,
      readAt: snapshot.readAt,
      complete: snapshot.complete,
    };
  }

  function failure(source: LiveSource | { kind: 'snapshot' }, kind: NonNullable<CoverageReport['failure']>['kind'], message: string, snapshot?: LiveSnapshot): CoverageReport {
    const cloud = source.kind === 'live' ? cloudOf(source) : undefined;
    return {
      cloud: snapshot?.cloud ?? (cloud ? { name: cloud.name, resourceManager: cloud.resourceManager, ...(cloud.portal ? { portal: cloud.portal } : {}) } : { name: 'Custom', resourceManager: '' }),
      tenantId: source.kind === 'live' ? source.tenantId : undefined,
      readAt: snapshot?.readAt ?? new Date().toISOString(),
      complete: false,
      failure: { kind, message },
    };
  }

  connection.onRequest(coverageSubscriptionsMethod, async (params: CoverageSubscriptionsParams): Promise<readonly CoverageSubscription[] | ResponseError<void>> => {
    try {
      return await listSubscriptions(freshCredential(), cloudOf(params.source));
    } catch (error) {
      return new ResponseError(-32603, error instanceof Error ? error.message : String(error));
    }
  });

  connection.onRequest(coverageSnapshotMethod, (): CoverageSnapshotResult => ({ text: last ? `${JSON.stringify(last.snapshot, null, 2)}\n` : undefined }));

  connection.onRequest(coverageResourceMethod, (params: CoverageResourceParams): CoverageResourceResult | ResponseError<void> => {
    if (!last) return new ResponseError(-32602, 'no coverage has been read yet');
    const located = locateFindings(last.snapshot, params.resourceId);
    if (!located) return new ResponseError(-32602, `${params.resourceId} is not in the last read`);
    const keyed = [...last.findings.values()].filter((f) => f.finding.resourceId.toLowerCase() === params.resourceId.toLowerCase());
    const findings = located.findings.map((place) => {
      const match = keyed.find((k) => k.finding.rule === place.rule && k.finding.message === place.message) ?? keyed.find((k) => k.finding.rule === place.rule);
      return { key: match?.key ?? '', rule: place.rule, level: place.level, message: place.message, docUrl: match?.docUrl ?? '', start: place.start, end: place.end };
    });
    return { text: located.text, findings };
  });

  connection.onRequest(coverageFixMethod, (params: CoverageFixParams): CoverageFixResult => {
    const keyed = last?.findings.get(params.key);
    if (!last || !keyed) return { text: undefined, reason: 'That gap is not in the last read; refresh the view.' };
    return bicepForLiveGap(last.snapshot, keyed.finding);
  });

  connection.onRequest(coverageTemplateMethod, (params: CoverageResourceParams): CoverageTemplateResult => {
    for (const folder of last?.workspaceFolders ?? []) {
      const found = templateOfResource(templateModelsUnder(folder, host.readerOf(folder)), params.resourceId);
      if (found) return found;
    }
    return { file: undefined };
  });
}

function cloudOf(source: LiveSource) {
  return resolveCloud(source.armEndpoint ? { armEndpoint: source.armEndpoint } : { cloud: source.cloud as CloudName });
}

/**
 * Reads the source's subscriptions a few at a time so each one's coverage is shown as soon as it
 * is read; the parts become one snapshot (the same a single read would give).
 */
async function readSplit(source: LiveSource, credential: ClientCredential, signal: AbortSignal, report: (message: string) => void, onPart: (part: LiveSnapshot) => void): Promise<LiveSnapshot | undefined> {
  const cloud = cloudOf(source);
  const target = source.armEndpoint ? { armEndpoint: source.armEndpoint } : { cloud: cloud.name as CloudName };
  let ids = source.subscriptions ?? [];
  if (ids.length === 0) {
    report('listing subscriptions');
    ids = (await listSubscriptions(credential, cloud)).map((s) => s.id);
    if (credential.refused) return undefined;
  }
  const parts: LiveSnapshot[] = [];
  let done = 0;
  let resources = 0;
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined && !signal.aborted; id = queue.shift()) {
      const part = await readLiveEstate({
        ...target,
        credential,
        subscriptions: [id],
        signal,
        onProgress: (p) => report(`${done}/${ids.length} subscriptions, ${resources + p.resources} resources (${p.phase})`),
      });
      parts.push(part);
      done++;
      resources += part.resources.length;
      report(`${done}/${ids.length} subscriptions, ${resources} resources`);
      if (part.subscriptions.length > 0) onPart(part);
    }
  };
  const readAt = new Date().toISOString();
  await Promise.all(Array.from({ length: Math.min(subscriptionsAtOnce, ids.length) }, worker));
  return mergeSnapshots(parts, !signal.aborted && done === ids.length, { readAt, cloud: { name: cloud.name, resourceManager: cloud.resourceManager, ...(cloud.portal ? { portal: cloud.portal } : {}) } });
}

/** The notification policy files under a folder, with their text. */
export function policyFilesUnder(reader: WorkspaceReader, folder: string): { file: string; text: string }[] {
  return reader
    .filesUnder(folder)
    .filter((file) => /\.hipaa-notify\.(ya?ml|json)$/i.test(file) && documentKindOf(file, '') === 'policy')
    .flatMap((file) => {
      const text = reader.readText(file);
      return text === undefined ? [] : [{ file, text }];
    });
}
