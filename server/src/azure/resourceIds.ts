/** The subscription GUID of a resource ID, lower-cased; undefined when it has none. */
export function subscriptionIdOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase();
}

/** `/subscriptions/s/resourceGroups/g` of a resource ID, lower-cased; undefined for subscription-level IDs. */
export function resourceGroupIdOf(id: string): string | undefined {
  return /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+/i.exec(id)?.[0]?.toLowerCase();
}

/**
 * Where an extension resource is attached: the ID before its last `/providers/` segment
 * (`.../workflows/la/providers/Microsoft.Insights/diagnosticSettings/x` -> `.../workflows/la`);
 * undefined for an ordinary resource.
 */
export function extensionParentOf(id: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at <= 0) return undefined;
  const parent = id.slice(0, at);
  // an ordinary resource has exactly one `/providers/`, preceded by a subscription or group
  return /^\/subscriptions\/[^/]+(\/resourcegroups\/[^/]+)?$/i.test(parent) ? (isScopeExtension(id, parent) ? parent : undefined) : parent;
}

/** `/subscriptions/s/providers/Microsoft.Insights/diagnosticSettings/x` is an extension of the subscription itself. */
function isScopeExtension(id: string, parent: string): boolean {
  const rest = id.slice(parent.length + '/providers/'.length).split('/');
  const type = `${rest[0]}/${rest[1]}`.toLowerCase();
  return extensionTypes.has(type);
}

const extensionTypes = new Set(['microsoft.insights/diagnosticsettings', 'microsoft.authorization/locks', 'microsoft.authorization/roleassignments', 'microsoft.authorization/policyassignments', 'microsoft.security/securitycontacts', 'microsoft.eventgrid/eventsubscriptions']);

/** The type and full name an ID names: `Microsoft.EventGrid/systemTopics/eventSubscriptions`, `topic/sub`. */
export function typeAndNameOf(id: string): { type: string; name: string } | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) {
    if (/^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/i.test(id)) return { type: 'Microsoft.Resources/resourceGroups', name: id.split('/').pop()! };
    if (/^\/subscriptions\/[^/]+$/i.test(id)) return { type: 'Microsoft.Resources/subscriptions', name: id.split('/').pop()! };
    return undefined;
  }
  const segments = id.slice(at + '/providers/'.length).split('/').filter((s) => s.length > 0);
  if (segments.length < 3 || segments.length % 2 === 0) return undefined;
  const [namespace, ...rest] = segments;
  return { type: [namespace, ...rest.filter((_, i) => i % 2 === 0)].join('/'), name: rest.filter((_, i) => i % 2 === 1).join('/') };
}
