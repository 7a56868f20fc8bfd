/** Reading Azure resource IDs for labels and grouping (the IDs come from the server). */

export function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
}

export function resourceGroupOf(id: string): string | undefined {
  return /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)/i.exec(id)?.[1];
}

/** The last name segment of an ID, or the subscription / resource group it names. */
export function lastNameOf(id: string): string {
  const segments = id.split('/').filter((s) => s !== '');
  return segments[segments.length - 1] ?? id;
}

/** `Microsoft.Insights/actionGroups` from `/subscriptions/s/resourceGroups/g/providers/Microsoft.Insights/actionGroups/n`. */
export function typeOf(id: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return resourceGroupOf(id) ? 'Microsoft.Resources/resourceGroups' : 'Microsoft.Resources/subscriptions';
  const segments = id.slice(at + '/providers/'.length).split('/');
  const types = [segments[0], ...segments.slice(1).filter((_, i) => i % 2 === 0)];
  return types.join('/');
}
