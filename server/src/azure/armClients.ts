import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type { CommonClientOptions } from '@azure/core-client';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { Cloud } from './clouds';

/** The SDK's retry pipeline settings (429 Retry-After and 5xx back-off happen there, not here). */
export interface RetrySettings {
  readonly maxRetries?: number;
  readonly retryDelayInMs?: number;
  readonly maxRetryDelayInMs?: number;
}

/** A failed request, as the reader records it. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The SDK clients for one cloud, sharing one credential and retry policy. Every call is a GET,
 * a list, or a Resource Graph query: the reader never writes to Azure.
 */
export class ArmClients {
  readonly subscriptions: SubscriptionClient;
  readonly graph: ResourceGraphClient;
  /** The pipeline (authentication, retries, logging) for the lists no generated client offers. */
  private readonly pipelineClient: ResourceManagementClient;
  private readonly resourceClients = new Map<string, ResourceManagementClient>();
  private readonly options: CommonClientOptions & { endpoint: string; $host: string; credentialScopes: string[] };

  constructor(
    private readonly credential: TokenCredential,
    readonly cloud: Cloud,
    retry: RetrySettings = {},
  ) {
    this.options = {
      endpoint: cloud.resourceManager,
      $host: cloud.resourceManager,
      credentialScopes: [cloud.scope],
      retryOptions: { maxRetries: retry.maxRetries ?? 4, retryDelayInMs: retry.retryDelayInMs ?? 800, maxRetryDelayInMs: retry.maxRetryDelayInMs ?? 30_000 },
      userAgentOptions: { userAgentPrefix: 'hipaa-notify' },
    };
    this.subscriptions = new SubscriptionClient(credential, this.options);
    this.graph = new ResourceGraphClient(credential, this.options);
    this.pipelineClient = new ResourceManagementClient(credential, this.options);
  }

  /** The Resource Manager client of one subscription (resource groups, generic resources). */
  resources(subscriptionId: string): ResourceManagementClient {
    let client = this.resourceClients.get(subscriptionId);
    if (!client) {
      client = new ResourceManagementClient(this.credential, subscriptionId, this.options);
      this.resourceClients.set(subscriptionId, client);
    }
    return client;
  }

  /**
   * Every item of a Resource Manager list (`value` + `nextLink`), through the SDK pipeline
   * (authentication, retries, cancellation). `path` starts at the Resource Manager root.
   */
  async listAll(path: string, apiVersion: string, signal: AbortSignal | undefined): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let url: string | undefined = `${this.cloud.resourceManager}${path}?api-version=${encodeURIComponent(apiVersion)}`;
    for (let pages = 0; url !== undefined && pages < 10_000; pages++) {
      const body = (await this.getJson(url, signal)) as { value?: unknown; nextLink?: unknown };
      if (Array.isArray(body.value)) for (const item of body.value) if (item && typeof item === 'object') items.push(item as Record<string, unknown>);
      url = typeof body.nextLink === 'string' && body.nextLink !== '' ? this.sameHost(body.nextLink) : undefined;
    }
    return items;
  }

  /** One resource by ID with an API version. */
  async get(id: string, apiVersion: string, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    return (await this.getJson(`${this.cloud.resourceManager}${id}?api-version=${encodeURIComponent(apiVersion)}`, signal)) as Record<string, unknown>;
  }

  private async getJson(url: string, signal: AbortSignal | undefined): Promise<unknown> {
    const response = await this.pipelineClient.sendRequest(createPipelineRequest({ url, method: 'GET', abortSignal: signal }));
    let body: unknown;
    try {
      body = response.bodyAsText ? JSON.parse(response.bodyAsText) : {};
    } catch {
      body = undefined;
    }
    if (response.status >= 200 && response.status < 300 && body && typeof body === 'object') return body;
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : undefined;
    const message = typeof error?.message === 'string' ? error.message : response.status < 300 ? 'the response is not JSON' : `HTTP ${response.status}`;
    throw new ArmError(response.status < 300 ? 502 : response.status, code, message);
  }

  /** A nextLink must stay on this cloud's Resource Manager: the token is never sent elsewhere. */
  private sameHost(link: string): string {
    const next = new URL(link, this.cloud.resourceManager);
    if (next.origin !== new URL(this.cloud.resourceManager).origin) throw new ArmError(502, 'ForeignNextLink', `a nextLink points outside ${this.cloud.resourceManager}; the read stopped there`);
    return next.href;
  }
}

/** Status, code and message of whatever an SDK call threw. */
export function armErrorOf(error: unknown): ArmError {
  if (error instanceof ArmError) return error;
  if (error instanceof RestError) {
    const details = (error.details ?? {}) as { error?: { code?: string; message?: string } };
    return new ArmError(error.statusCode ?? 0, error.code ?? details.error?.code, details.error?.message ?? firstLine(error.message));
  }
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'AbortError') return new ArmError(499, 'Cancelled', 'the read was cancelled');
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError') return new ArmError(401, name, firstLine((error as Error).message));
  return new ArmError(0, undefined, firstLine(error instanceof Error ? error.message : String(error)));
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 500);
}
