import { setMaxListeners } from 'node:events';
import type { TokenCredential } from '@azure/core-auth';
import { ArmClients, armErrorOf, type RetrySettings } from './armClients';
import { discoverCloud, resolveCloud, type CloudName } from './clouds';
import { redactJson, redactText } from './redact';
import { apiVersionOf, listApiVersions, loggedTypes, trackedResourcesQuery, trackedTypes } from './resourceTypes';
import { snapshotFormat, snapshotVersion, type LiveResource, type LiveSnapshot, type ReadError, type SubscriptionRecord } from './snapshot';
import { Limiter } from './limiter';
import { subscriptionIdOf } from './resourceIds';

export interface ReadOptions {
  /** Any Azure credential: DefaultAzureCredential in the CLI, the VS Code session's in the extension. */
  readonly credential: TokenCredential;
  /** A known cloud; ignored when `armEndpoint` is given. Default AzureCloud. */
  readonly cloud?: CloudName;
  /** A custom Resource Manager endpoint (Azure Stack Hub, a test server); its token scope is `<endpoint>/.default`. */
  readonly armEndpoint?: string;
  /** Subscription GUIDs to read; default: every subscription the credential can see. */
  readonly subscriptions?: readonly string[];
  /** Stops the read within a second; the snapshot then holds what was read, with `complete: false`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Requests in flight at once, over all subscriptions (default 32). */
  readonly concurrency?: number;
  /** Subscriptions per Resource Graph query (default 100). */
  readonly graphBatch?: number;
  readonly retry?: RetrySettings;
}

export interface ReadProgress {
  readonly phase: 'subscriptions' | 'resources' | 'details' | 'done';
  readonly subscriptions: number;
  readonly subscriptionsDone: number;
  readonly resources: number;
  readonly requests: number;
  readonly errors: number;
}

/** The credential was refused (401) or could not get a token: nothing can be read until the user signs in again. */
export class SignInError extends Error {}

const graphPage = 1000;

/**
 * Reads what the rules need from the subscriptions (see server/src/azure/index.ts). Never writes
 * to Azure. Failed reads become `errors` (with the scope they cover) and the rest goes on; a 401
 * throws SignInError; cancellation returns what was read with `complete: false`.
 */
export async function readLiveEstate(options: ReadOptions): Promise<LiveSnapshot> {
  const cloud = await discoverCloud(resolveCloud(options), options.signal);
  const clients = new ArmClients(options.credential, cloud, options.retry);
  const read = new EstateRead(clients, options);
  const readAt = new Date().toISOString();
  let complete = true;
  try {
    await read.run();
  } catch (error) {
    if (error instanceof SignInError) throw error;
    if (!read.aborted) throw error;
  }
  if (read.aborted) {
    complete = false;
    read.errors.push({ scope: '/subscriptions', status: 499, code: 'Cancelled', message: 'the read was cancelled: what is reported is what was read before', what: 'cancelled' });
  }
  read.report('done');
  return {
    format: snapshotFormat,
    version: snapshotVersion,
    readAt,
    cloud: { name: cloud.name, resourceManager: cloud.resourceManager, ...(cloud.portal ? { portal: cloud.portal } : {}) },
    complete,
    subscriptions: read.subscriptions,
    resources: [...read.resources.values()],
    errors: read.errors,
  };
}

class EstateRead {
  subscriptions: SubscriptionRecord[] = [];
  readonly resources = new Map<string, LiveResource>();
  readonly errors: ReadError[] = [];
  private readonly limiter: Limiter;
  private readonly controller = new AbortController();
  private requests = 0;
  private subscriptionsDone = 0;
  private signInError: SignInError | undefined;

  constructor(
    private readonly clients: ArmClients,
    private readonly options: ReadOptions,
  ) {
    this.limiter = new Limiter(options.concurrency ?? 32);
    // every request in flight listens for cancellation
    setMaxListeners(0, this.controller.signal);
    const outer = options.signal;
    if (outer?.aborted) this.controller.abort();
    else outer?.addEventListener('abort', () => this.controller.abort(), { once: true });
  }

  get aborted(): boolean {
    return this.options.signal?.aborted === true;
  }

  private get signal(): AbortSignal {
    return this.controller.signal;
  }

  report(phase: ReadProgress['phase']): void {
    this.options.onProgress?.({ phase, subscriptions: this.subscriptions.length, subscriptionsDone: this.subscriptionsDone, resources: this.resources.size, requests: this.requests, errors: this.errors.length });
  }

  async run(): Promise<void> {
    this.report('subscriptions');
    this.subscriptions = await this.readSubscriptions();
    this.report('resources');
    const viaGraph = await this.readThroughGraph(this.subscriptions.map((s) => s.id));
    await Promise.all(this.subscriptions.map((s) => this.readSubscription(s.id, viaGraph.has(s.id.toLowerCase()))));
    if (this.signInError) throw this.signInError;
  }

  /** Runs one request through the limiter; a failure becomes an error of `scope` (undefined result). */
  private async call<T>(scope: string, what: string, request: () => Promise<T>): Promise<T | undefined> {
    if (this.signal.aborted) return undefined;
    return this.limiter.run(async () => {
      if (this.signal.aborted) return undefined;
      this.requests++;
      try {
        return await request();
      } catch (error) {
        this.fail(scope, what, error);
        return undefined;
      }
    });
  }

  private fail(scope: string, what: string, error: unknown): void {
    const armError = armErrorOf(error);
    if (this.signal.aborted || armError.status === 499) return;
    // Gone between the list and the read (or a collection that does not exist there): nothing to know.
    if (armError.status === 404 && what !== 'subscription') return;
    if (armError.status === 401) {
      this.signInError ??= new SignInError(`Azure refused the credential (401 ${armError.code ?? 'Unauthorized'}: ${redactText(armError.message)}). Sign in again (az login, Connect-AzAccount, or the Azure account in VS Code), and check --tenant and --cloud.`);
      this.controller.abort();
      return;
    }
    this.errors.push({ scope, status: armError.status, ...(armError.code ? { code: armError.code } : {}), message: redactText(armError.message), what });
  }

  private async readSubscriptions(): Promise<SubscriptionRecord[]> {
    const wanted = this.options.subscriptions;
    if (wanted && wanted.length > 0) {
      const found = await Promise.all(
        wanted.map((id) =>
          this.call(`/subscriptions/${id}`, 'subscription', async () => {
            const s = await this.clients.subscriptions.subscriptions.get(id, { abortSignal: this.signal });
            return { id: s.subscriptionId ?? id, name: s.displayName ?? id, state: s.state ?? 'Unknown' };
          }),
        ),
      );
      return found.filter((s): s is SubscriptionRecord => s !== undefined);
    }
    const list = await this.call('/subscriptions', 'subscriptions', async () => {
      const all: SubscriptionRecord[] = [];
      for await (const s of this.clients.subscriptions.subscriptions.list({ abortSignal: this.signal })) {
        if (s.subscriptionId) all.push({ id: s.subscriptionId, name: s.displayName ?? s.subscriptionId, state: s.state ?? 'Unknown' });
      }
      return all;
    });
    return list ?? [];
  }

  /** Tracked resources of every subscription through Resource Graph; returns the subscriptions it answered for. */
  private async readThroughGraph(ids: readonly string[]): Promise<Set<string>> {
    const answered = new Set<string>();
    const batch = this.options.graphBatch ?? 100;
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += batch) batches.push(ids.slice(i, i + batch));
    await Promise.all(
      batches.map(async (subscriptions) => {
        let skipToken: string | undefined;
        const rows: Record<string, unknown>[] = [];
        for (let page = 0; page < 100_000; page++) {
          if (this.signal.aborted) return;
          let response;
          try {
            response = await this.limiter.run(() => {
              this.requests++;
              return this.clients.graph.resources({ query: trackedResourcesQuery(), subscriptions, options: { resultFormat: 'objectArray', top: graphPage, ...(skipToken ? { skipToken } : {}) } }, { abortSignal: this.signal });
            });
          } catch (error) {
            const armError = armErrorOf(error);
            // Denied or not offered (Azure Stack Hub): the REST lists read these subscriptions instead.
            if (armError.status === 401) this.fail('/providers/Microsoft.ResourceGraph', 'resourceGraph', error);
            return;
          }
          rows.push(...rowsOf(response.data));
          skipToken = response.skipToken;
          if (!skipToken) break;
        }
        for (const row of rows) this.add(row, undefined);
        for (const s of subscriptions) answered.add(s.toLowerCase());
        this.report('resources');
      }),
    );
    return answered;
  }

  private async readSubscription(subscriptionId: string, viaGraph: boolean): Promise<void> {
    const scope = `/subscriptions/${subscriptionId}`;
    const groups = await this.call(scope, 'resourceGroups', () => this.clients.listAll(`${scope}/resourcegroups`, listApiVersions.resourceGroups, this.signal));
    for (const group of groups ?? []) this.add(group, listApiVersions.resourceGroups);
    const lists: Array<Promise<unknown>> = [
      this.addList(scope, 'locks', `${scope}/providers/Microsoft.Authorization/locks`, listApiVersions.locks),
      this.addList(scope, 'roleAssignments', `${scope}/providers/Microsoft.Authorization/roleAssignments`, listApiVersions.roleAssignments),
      this.addList(scope, 'policyAssignments', `${scope}/providers/Microsoft.Authorization/policyAssignments`, listApiVersions.policyAssignments),
      this.addList(scope, 'securityContacts', `${scope}/providers/Microsoft.Security/securityContacts`, listApiVersions.securityContacts),
      this.addList(scope, 'subscriptionDiagnosticSettings', `${scope}/providers/Microsoft.Insights/diagnosticSettings`, listApiVersions.diagnosticSettings),
    ];
    if (!viaGraph) lists.push(...(groups ?? []).map((group) => this.readGroupThroughRest(subscriptionId, String(group.name ?? ''), String(group.id ?? ''))));
    await Promise.all(lists);
    const own = [...this.resources.values()].filter((r) => subscriptionIdOf(r.id) === subscriptionId.toLowerCase() && apiVersionOf(r.type) !== undefined);
    this.report('details');
    await Promise.all(own.map((resource) => this.readDetails(resource)));
    this.subscriptionsDone++;
    this.report('details');
  }

  /** Without Resource Graph: the group's generic list, then a GET of each tracked resource for its properties. */
  private async readGroupThroughRest(subscriptionId: string, group: string, groupId: string): Promise<void> {
    if (!group) return;
    const listed = await this.call(groupId, 'resources', async () => {
      const all: Array<{ id: string; type: string }> = [];
      for await (const r of this.clients.resources(subscriptionId).resources.listByResourceGroup(group, { abortSignal: this.signal })) {
        if (r.id && r.type) all.push({ id: r.id, type: r.type });
      }
      return all;
    });
    await Promise.all(
      (listed ?? []).map(async ({ id, type }) => {
        const apiVersion = apiVersionOf(type);
        if (!apiVersion) return;
        const body = await this.call(id, 'resource', () => this.clients.get(id, apiVersion, this.signal));
        if (body) this.add(body, apiVersion);
      }),
    );
  }

  /** Extension and child resources of one tracked resource: diagnostic settings, event subscriptions, tables, a workflow's definition. */
  private async readDetails(resource: LiveResource): Promise<void> {
    const type = resource.type.toLowerCase();
    const reads: Array<Promise<unknown>> = [];
    // A storage account's own settings carry metrics only: its audit logs are set on the blob service.
    if (type === 'microsoft.storage/storageaccounts') {
      reads.push(this.addList(resource.id, 'diagnosticSettings', `${resource.id}/blobServices/default/providers/Microsoft.Insights/diagnosticSettings`, listApiVersions.diagnosticSettings));
    } else if (loggedTypes.has(type)) {
      reads.push(this.addList(resource.id, 'diagnosticSettings', `${resource.id}/providers/Microsoft.Insights/diagnosticSettings`, listApiVersions.diagnosticSettings));
    }
    if (type === 'microsoft.eventgrid/systemtopics') reads.push(this.addList(resource.id, 'eventSubscriptions', `${resource.id}/eventSubscriptions`, listApiVersions.eventSubscriptions));
    if (type === 'microsoft.eventgrid/topics' || type === 'microsoft.eventgrid/domains') {
      reads.push(this.addList(resource.id, 'eventSubscriptions', `${resource.id}/providers/Microsoft.EventGrid/eventSubscriptions`, listApiVersions.eventSubscriptions));
    }
    if (type === 'microsoft.operationalinsights/workspaces') reads.push(this.addList(resource.id, 'tables', `${resource.id}/tables`, listApiVersions.workspaceTables));
    if (type === 'microsoft.logic/workflows' && !hasDefinition(resource)) {
      reads.push(
        this.call(resource.id, 'resource', () => this.clients.get(resource.id, trackedTypes[type], this.signal)).then((body) => {
          if (body) this.add(body, trackedTypes[type]);
        }),
      );
    }
    await Promise.all(reads);
  }

  private async addList(scope: string, what: string, path: string, apiVersion: string): Promise<void> {
    const items = await this.call(scope, what, () => this.clients.listAll(path, apiVersion, this.signal));
    for (const item of items ?? []) this.add(item, apiVersion);
  }

  /** Keeps a record (redacted), keyed by its ID; a later, fuller read of the same ID wins. */
  private add(raw: Record<string, unknown>, apiVersion: string | undefined): void {
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    if (!id) return;
    const type = typeof raw.type === 'string' ? raw.type : '';
    const record: LiveResource = redactJson({
      id,
      type,
      name: typeof raw.name === 'string' ? raw.name : (id.split('/').pop() ?? ''),
      ...(apiVersion ?? apiVersionOf(type) ? { apiVersion: apiVersion ?? apiVersionOf(type) } : {}),
      ...(typeof raw.location === 'string' ? { location: raw.location } : {}),
      ...(typeof raw.kind === 'string' && raw.kind !== '' ? { kind: raw.kind } : {}),
      ...(raw.tags && typeof raw.tags === 'object' ? { tags: raw.tags as Record<string, string> } : {}),
      ...(raw.identity && typeof raw.identity === 'object' ? { identity: raw.identity } : {}),
      ...(raw.sku && typeof raw.sku === 'object' ? { sku: raw.sku } : {}),
      ...(raw.properties !== undefined && raw.properties !== null ? { properties: raw.properties } : {}),
    });
    this.resources.set(id.toLowerCase(), record);
  }
}

/** Object-array rows; the SDK's deserializer hands the `data` array over as an object keyed by index. */
function rowsOf(data: unknown): Record<string, unknown>[] {
  const rows = Array.isArray(data) ? data : data && typeof data === 'object' ? Object.values(data) : [];
  return rows.filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object');
}

function hasDefinition(resource: LiveResource): boolean {
  const properties = resource.properties as { definition?: unknown } | undefined;
  return properties?.definition !== undefined && properties.definition !== null;
}

