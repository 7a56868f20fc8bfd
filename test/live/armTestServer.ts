/**
 * A Resource Manager look-alike for the live engine's tests: HTTPS on 127.0.0.1 with a throwaway
 * CA's certificate, serving the records of a fixture folder with ARM's shapes (shared/arm-examples:
 * `value` + `nextLink` lists, Resource Graph `data` + `$skipToken`, `{error:{code,message}}`), and an
 * App Service style managed identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER) on plain HTTP
 * loopback, so ManagedIdentityCredential is the real token path. It only answers reads, and
 * records every request so tests can prove the engine never writes.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface FixtureSubscription {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly state?: string;
}

export interface Fixture {
  readonly subscriptions: readonly FixtureSubscription[];
  /** ARM records with full IDs: tracked resources, resource groups, child and extension resources. */
  readonly resources: ReadonlyArray<Record<string, unknown> & { id: string }>;
}

/** A fault the server injects on requests whose path (lower-cased, without query) matches. */
export interface Fault {
  readonly path: RegExp;
  readonly status: number;
  /** How many matching requests fail; then they succeed. Default: all. */
  readonly times?: number;
  /** Seconds, sent as Retry-After. */
  readonly retryAfter?: number;
  readonly code?: string;
  readonly method?: 'GET' | 'POST';
}

export interface ServerOptions {
  readonly key: string;
  readonly cert: string;
  readonly fixture: Fixture;
  /** Items per list page (nextLink paging) and rows per Resource Graph page at most. */
  readonly pageSize?: number;
  /** Added to every ARM response. */
  readonly latencyMs?: number;
  readonly faults?: readonly Fault[];
  /** Resource Graph is not offered (as on Azure Stack Hub): its endpoint answers 400 NoRegisteredProviderFound. */
  readonly noResourceGraph?: boolean;
  /** Every bearer token is refused with 401. */
  readonly refuseTokens?: boolean;
  /** Answer `/metadata/endpoints` (unauthenticated) as an Azure Stack Hub Resource Manager does. */
  readonly cloudMetadata?: { readonly audience: string; readonly portal: string; readonly login: string };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  readonly at: number;
}

export interface ArmTestServer {
  /** `https://127.0.0.1:PORT` */
  readonly armEndpoint: string;
  /** `http://127.0.0.1:PORT/msi/token` */
  readonly identityEndpoint: string;
  readonly identityHeader: string;
  readonly requests: RecordedRequest[];
  /** The `resource` of each token request since this server started (the audience the SDK asked for). */
  readonly tokenAudiences: readonly string[];
  /** Forget every token issued so far: the next requests get 401 (an expired or revoked sign-in). */
  refuseTokens(): void;
  /** Connections currently open (requests being answered). */
  readonly pending: () => number;
  close(): Promise<void>;
}

/** Reads a fixture folder: `subscriptions.json` and every `resources/**.json` (one record or an array). */
export function readFixtureFolder(folder: string): Fixture {
  const subscriptions = JSON.parse(fs.readFileSync(path.join(folder, 'subscriptions.json'), 'utf8')) as FixtureSubscription[];
  const resources: Array<Record<string, unknown> & { id: string }> = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) {
        const parsed = JSON.parse(fs.readFileSync(full, 'utf8')) as unknown;
        for (const record of Array.isArray(parsed) ? parsed : [parsed]) resources.push(record as Record<string, unknown> & { id: string });
      }
    }
  };
  walk(path.join(folder, 'resources'));
  return { subscriptions, resources };
}

export async function startArmTestServer(options: ServerOptions): Promise<ArmTestServer> {
  const requests: RecordedRequest[] = [];
  const identity = await sharedIdentityEndpoint();
  const issued = identity.issued;
  const faultCounts = new Map<Fault, number>();
  const pageSize = options.pageSize ?? 100;
  const store = new Store(options.fixture);
  let open = 0;

  const arm = https.createServer({ key: options.key, cert: options.cert }, (request, response) => {
    open++;
    response.on('close', () => open--);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', `https://${request.headers.host ?? '127.0.0.1'}`);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        requests.push({ method: request.method ?? '', path: url.pathname, query: url.search, status, at: Date.now() });
        const reply = () => {
          if (response.destroyed) return;
          response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': randomBytes(8).toString('hex'), ...headers }).end(JSON.stringify(body));
        };
        if (options.latencyMs) setTimeout(reply, options.latencyMs);
        else reply();
      };
      if (request.method === 'GET' && url.pathname === '/metadata/endpoints') {
        if (!options.cloudMetadata) send(404, { error: { code: 'NotFound', message: 'no cloud metadata here' } });
        else send(200, { galleryEndpoint: '', graphEndpoint: 'https://graph.windows.net/', portalEndpoint: options.cloudMetadata.portal, authentication: { loginEndpoint: options.cloudMetadata.login, audiences: [options.cloudMetadata.audience] } });
        return;
      }
      const authorization = request.headers.authorization ?? '';
      const token = /^Bearer (.+)$/.exec(authorization)?.[1];
      if (!token || !issued.has(token) || options.refuseTokens) {
        send(401, { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } }, { 'www-authenticate': 'Bearer authorization_uri="https://login.invalid/tenant", error="invalid_token"' });
        return;
      }
      const lowerPath = url.pathname.toLowerCase();
      for (const fault of options.faults ?? []) {
        if (!fault.path.test(lowerPath) || (fault.method && fault.method !== request.method)) continue;
        const count = faultCounts.get(fault) ?? 0;
        if (fault.times !== undefined && count >= fault.times) continue;
        faultCounts.set(fault, count + 1);
        const code = fault.code ?? (fault.status === 403 ? 'AuthorizationFailed' : fault.status === 429 ? 'TooManyRequests' : 'InternalServerError');
        send(fault.status, { error: { code, message: `${code} (injected by the test server for ${url.pathname})` } }, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
        return;
      }
      if (request.method === 'POST' && lowerPath === '/providers/microsoft.resourcegraph/resources') {
        if (options.noResourceGraph) {
          send(400, { error: { code: 'NoRegisteredProviderFound', message: "No registered resource provider found for location and API version for type 'resources'." } });
          return;
        }
        send(200, store.graph(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), pageSize));
        return;
      }
      if (request.method !== 'GET') {
        send(405, { error: { code: 'MethodNotAllowed', message: `${request.method} is not served: the engine must only read` } });
        return;
      }
      const answer = store.get(url, pageSize);
      if (answer === undefined) send(404, { error: { code: 'ResourceNotFound', message: `The resource '${url.pathname}' was not found.` } });
      else send(200, answer);
    });
  });

  await listen(arm);
  const armPort = (arm.address() as AddressInfo).port;
  const audiencesBefore = identity.audiences.length;
  return {
    armEndpoint: `https://127.0.0.1:${armPort}`,
    identityEndpoint: identity.endpoint,
    identityHeader: identity.header,
    requests,
    get tokenAudiences() {
      return identity.audiences.slice(audiencesBefore);
    },
    pending: () => open,
    refuseTokens: () => issued.clear(),
    close: async () => {
      arm.closeAllConnections();
      await new Promise((resolve) => arm.close(resolve));
    },
  };
}

interface IdentityEndpoint {
  readonly endpoint: string;
  readonly header: string;
  readonly issued: Set<string>;
  readonly audiences: string[];
}

let identityEndpoint: Promise<IdentityEndpoint> | undefined;

/**
 * One App Service style identity endpoint per test process: @azure/identity (MSAL) settles on the
 * managed identity source and its endpoint once per process, as a real app would. It stays up,
 * unreferenced, until the process ends; the ARM servers accept the tokens it issued.
 */
function sharedIdentityEndpoint(): Promise<IdentityEndpoint> {
  identityEndpoint ??= (async () => {
    const header = randomBytes(12).toString('hex');
    const issued = new Set<string>();
    const audiences: string[] = [];
    const server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/msi/token' || request.headers['x-identity-header'] !== header) {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_request', error_description: 'bad identity header or path' }));
        return;
      }
      const resource = url.searchParams.get('resource') ?? '';
      audiences.push(resource);
      const token = `test-token-${randomBytes(16).toString('hex')}`;
      issued.add(token);
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: '00000000-0000-0000-0000-0000000000aa' }));
    });
    await listen(server);
    server.unref();
    return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`, header, issued, audiences };
  })();
  return identityEndpoint;
}

function listen(server: http.Server | https.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

type ArmRecord = Record<string, unknown> & { id: string };

/** The fixture's records, indexed for the lists ARM offers. */
class Store {
  private readonly byId = new Map<string, ArmRecord>();
  private readonly children = new Map<string, ArmRecord[]>();
  private readonly subscriptions: readonly FixtureSubscription[];

  constructor(fixture: Fixture) {
    this.subscriptions = fixture.subscriptions;
    for (const record of fixture.resources) this.add(record);
    // Every storage account has its blob service, as in Azure.
    for (const record of fixture.resources) {
      if (String(record.type).toLowerCase() !== 'microsoft.storage/storageaccounts') continue;
      const blob = `${record.id}/blobServices/default`;
      if (!this.byId.has(blob.toLowerCase())) this.add({ id: blob, name: 'default', type: 'Microsoft.Storage/storageAccounts/blobServices', properties: {} });
    }
    // Resource groups named by resource IDs exist even when the fixture lists none.
    for (const record of fixture.resources) {
      const group = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+/i.exec(record.id)?.[0];
      if (group && !this.byId.has(group.toLowerCase())) {
        this.add({ id: group, name: group.split('/').pop(), type: 'Microsoft.Resources/resourceGroups', location: 'eastus', properties: { provisioningState: 'Succeeded' } });
      }
    }
  }

  private add(record: ArmRecord): void {
    const id = record.id.toLowerCase();
    this.byId.set(id, record);
    const parent = id.slice(0, id.lastIndexOf('/'));
    const list = this.children.get(parent) ?? [];
    list.push(record);
    this.children.set(parent, list);
  }

  get(url: URL, pageSize: number): unknown {
    const lower = url.pathname.toLowerCase().replace(/\/+$/, '');
    if (lower === '/subscriptions') return this.page(url, this.subscriptions.map(subscriptionRecord), pageSize);
    const subscription = /^\/subscriptions\/([^/]+)$/.exec(lower)?.[1];
    if (subscription) {
      const found = this.subscriptions.find((s) => s.subscriptionId.toLowerCase() === subscription);
      return found ? subscriptionRecord(found) : undefined;
    }
    if (!this.subscriptions.some((s) => lower.startsWith(`/subscriptions/${s.subscriptionId.toLowerCase()}`))) return undefined;
    const record = this.byId.get(lower);
    if (record) return record;
    // Resource groups' generic list: `/subscriptions/s/resourceGroups/g/resources`
    const groupResources = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+)\/resources$/.exec(lower)?.[1];
    if (groupResources) {
      if (!this.byId.has(groupResources)) return undefined;
      const items = [...this.byId.values()]
        .filter((r) => r.id.toLowerCase().startsWith(`${groupResources}/providers/`) && isTopLevel(r.id))
        .map((r) => ({ id: r.id, name: r.name, type: r.type, location: r.location, ...(r.tags ? { tags: r.tags } : {}), ...(r.kind ? { kind: r.kind } : {}) }));
      return this.page(url, items, pageSize);
    }
    // Subscription-wide lists of locks and role assignments hold those of every scope below.
    const wide = /^(\/subscriptions\/[^/]+)\/providers\/(microsoft\.authorization\/(locks|roleassignments))$/.exec(lower);
    if (wide) {
      const items = [...this.byId.values()].filter((r) => r.id.toLowerCase().startsWith(`${wide[1]}/`) && String(r.type).toLowerCase() === wide[2]);
      return this.page(url, items, pageSize);
    }
    if (/\/resourcegroups$/.test(lower)) {
      const sub = lower.slice(0, -'/resourcegroups'.length);
      return this.page(url, [...this.byId.values()].filter((r) => /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/i.test(r.id) && r.id.toLowerCase().startsWith(`${sub}/`)), pageSize);
    }
    // Any other collection: the records directly under it (`.../eventSubscriptions`, `.../providers/Microsoft.Insights/diagnosticSettings`).
    const items = this.children.get(lower);
    if (items) return this.page(url, items, pageSize);
    // An empty collection of a parent that exists.
    const parent = lower.slice(0, lower.lastIndexOf('/'));
    const grandParent = lower.replace(/\/providers\/[^/]+\/[^/]+$/, '');
    if (this.byId.has(parent) || this.byId.has(grandParent) || /^\/subscriptions\/[^/]+$/.test(grandParent)) return { value: [] };
    return undefined;
  }

  /** `value` + `nextLink` with a `$skiptoken` (listVault.json's shape). */
  private page(url: URL, items: readonly unknown[], pageSize: number): unknown {
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0') || 0;
    const value = items.slice(skip, skip + pageSize);
    if (skip + pageSize >= items.length) return { value };
    const next = new URL(url.href);
    next.searchParams.set('$skiptoken', String(skip + pageSize));
    return { value, nextLink: `${url.protocol}//${url.host}${next.pathname}${next.search}` };
  }

  /** Resource Graph `resources` (ResourcesFirstPageQuery.json / ResourcesNextPageQuery.json shapes). */
  graph(body: { query?: string; subscriptions?: string[]; options?: { $top?: number; $skipToken?: string } }, pageSize: number): unknown {
    const wanted = new Set((body.subscriptions ?? []).map((s) => s.toLowerCase()));
    const types = new Set([...(/type in~ \(([^)]*)\)/.exec(body.query ?? '')?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1].toLowerCase()));
    const tagged = /isnotempty\(tags\['hipaa-notify'\]\)/.test(body.query ?? '');
    const rows = [...this.byId.values()]
      .filter((r) => providerSegments(r.id) === 1 && wanted.has(r.id.split('/')[2].toLowerCase()))
      .filter((r) => types.size === 0 || types.has(String(r.type).toLowerCase()) || (tagged && Boolean((r.tags as Record<string, string> | undefined)?.['hipaa-notify'])))
      .sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1))
      .map((r) => ({ ...r, type: String(r.type).toLowerCase(), subscriptionId: r.id.split('/')[2], resourceGroup: (r.id.split('/')[4] ?? '').toLowerCase() }));
    const top = Math.min(body.options?.$top ?? 1000, pageSize);
    const skip = body.options?.$skipToken ? Number(Buffer.from(body.options.$skipToken, 'base64').toString('utf8')) : 0;
    const data = rows.slice(skip, skip + top);
    const more = skip + top < rows.length;
    return { totalRecords: rows.length, count: data.length, resultTruncated: 'false', facets: [], data, ...(more ? { $skipToken: Buffer.from(String(skip + top)).toString('base64') } : {}) };
  }
}

function subscriptionRecord(s: FixtureSubscription) {
  return { id: `/subscriptions/${s.subscriptionId}`, authorizationSource: 'RoleBased', subscriptionId: s.subscriptionId, displayName: s.displayName, state: s.state ?? 'Enabled', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', managedByTenants: [], subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'Internal_2014-09-01', spendingLimit: 'Off' } };
}

function providerSegments(id: string): number {
  return id.split('/').filter((p) => p.toLowerCase() === 'providers').length;
}

/** A resource of a group or subscription that is not a child or an extension of another (what Resource Graph's `resources` lists). */
function isTopLevel(id: string): boolean {
  const parts = id.split('/').filter((p) => p.length > 0);
  const providers = parts.filter((p) => p.toLowerCase() === 'providers').length;
  const at = parts.findIndex((p) => p.toLowerCase() === 'providers');
  return providers === 1 && at >= 0 && parts.length - at === 4;
}
