import { createDefaultHttpClient, createPipelineRequest } from '@azure/core-rest-pipeline';

/** The Azure clouds the reader knows by name; any other is given by its Resource Manager endpoint. */
export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface Cloud {
  /** A known cloud's name, or `Custom` for one given by its Resource Manager endpoint (Azure Stack Hub, a test server). */
  readonly name: CloudName | 'Custom';
  /** Resource Manager base URL without a trailing slash. */
  readonly resourceManager: string;
  /** The token scope (audience + `/.default`) that Resource Manager of this cloud accepts. */
  readonly scope: string;
  /** Portal base URL for links to resources; undefined when the cloud has none we know. */
  readonly portal: string | undefined;
  /** Microsoft Entra sign-in host of the cloud; undefined for a custom cloud (the credential's own default). */
  readonly authorityHost?: string;
}

export const clouds: Readonly<Record<CloudName, Cloud>> = {
  AzureCloud: { name: 'AzureCloud', resourceManager: 'https://management.azure.com', scope: 'https://management.core.windows.net/.default', portal: 'https://portal.azure.com', authorityHost: 'https://login.microsoftonline.com' },
  AzureUSGovernment: { name: 'AzureUSGovernment', resourceManager: 'https://management.usgovcloudapi.net', scope: 'https://management.core.usgovcloudapi.net/.default', portal: 'https://portal.azure.us', authorityHost: 'https://login.microsoftonline.us' },
  AzureChinaCloud: { name: 'AzureChinaCloud', resourceManager: 'https://management.chinacloudapi.cn', scope: 'https://management.core.chinacloudapi.cn/.default', portal: 'https://portal.azure.cn', authorityHost: 'https://login.chinacloudapi.cn' },
};

export function isCloudName(name: string): name is CloudName {
  return Object.prototype.hasOwnProperty.call(clouds, name);
}

/**
 * The cloud to read: a custom Resource Manager endpoint wins over a cloud name (the endpoint is
 * its own token audience, as for Azure Stack Hub); AzureCloud when neither is given.
 */
export function resolveCloud(options: { readonly cloud?: CloudName; readonly armEndpoint?: string }): Cloud {
  if (options.armEndpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(options.armEndpoint);
    } catch {
      throw new Error(`'${options.armEndpoint}' is not a URL: give the Resource Manager endpoint, e.g. https://management.local.azurestack.external`);
    }
    if (url.protocol !== 'https:') throw new Error(`the Resource Manager endpoint must use https:// (the Azure SDK sends bearer tokens only over TLS), not '${url.protocol}'`);
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    const known = Object.values(clouds).find((c) => c.resourceManager === base);
    return known ?? { name: 'Custom', resourceManager: base, scope: `${base}/.default`, portal: undefined };
  }
  return clouds[options.cloud ?? 'AzureCloud'];
}

/** The portal page of a resource, when the cloud has a portal. */
export function portalUrlOf(cloud: { readonly portal?: string }, resourceId: string): string | undefined {
  return cloud.portal ? `${cloud.portal}/#resource${resourceId}` : undefined;
}

/**
 * A custom cloud (Azure Stack Hub) says where it signs in and which token audience its Resource
 * Manager accepts at `/metadata/endpoints`, without authentication: the same discovery as
 * `az cloud register --endpoint-resource-manager`. Without an answer the endpoint is its own audience.
 */
export async function discoverCloud(cloud: Cloud, signal?: AbortSignal): Promise<Cloud> {
  if (cloud.name !== 'Custom') return cloud;
  try {
    const response = await createDefaultHttpClient().sendRequest(createPipelineRequest({ url: `${cloud.resourceManager}/metadata/endpoints?api-version=2015-01-01`, method: 'GET', abortSignal: signal, timeout: 10_000 }));
    if (response.status !== 200 || !response.bodyAsText) return cloud;
    const metadata = JSON.parse(response.bodyAsText) as { portalEndpoint?: unknown; authentication?: { loginEndpoint?: unknown; audiences?: unknown } };
    const audience = Array.isArray(metadata.authentication?.audiences) ? metadata.authentication.audiences.find((a): a is string => typeof a === 'string' && /^https:\/\//.test(a)) : undefined;
    const portal = typeof metadata.portalEndpoint === 'string' && /^https:\/\//.test(metadata.portalEndpoint) ? metadata.portalEndpoint.replace(/\/+$/, '') : undefined;
    const login = typeof metadata.authentication?.loginEndpoint === 'string' && /^https:\/\//.test(metadata.authentication.loginEndpoint) ? new URL(metadata.authentication.loginEndpoint).origin : undefined;
    return { ...cloud, ...(audience ? { scope: `${audience.replace(/\/+$/, '')}/.default` } : {}), ...(portal ? { portal } : {}), ...(login ? { authorityHost: login } : {}) };
  } catch {
    return cloud;
  }
}
