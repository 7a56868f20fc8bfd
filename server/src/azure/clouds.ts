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
