import type { Fixture } from '../live/armTestServer';

/**
 * A synthetic estate for the live coverage bench: `subscriptions` x `perSubscription` resources,
 * ten resource groups each, most of them of the types the rules read (storage, vaults, Logic
 * Apps, Event Grid, action groups, alerts, NSGs) and the rest compute the engine skips.
 */
export function generateLiveEstate(subscriptions: number, perSubscription: number): Fixture {
  const resources: Array<Record<string, unknown> & { id: string }> = [];
  const subscriptionList = [];
  for (let s = 0; s < subscriptions; s++) {
    const subscriptionId = `${(0x10000000 + s).toString(16)}-0000-4000-8000-${String(s).padStart(12, '0')}`;
    subscriptionList.push({ subscriptionId, displayName: `bench-${s}`, state: 'Enabled' });
    const sub = `/subscriptions/${subscriptionId}`;
    const rg = (i: number) => `${sub}/resourceGroups/rg-${i % 10}`;
    const workspace = `${rg(0)}/providers/Microsoft.OperationalInsights/workspaces/law-${s}`;
    resources.push({ id: workspace, name: `law-${s}`, type: 'Microsoft.OperationalInsights/workspaces', location: 'eastus', properties: { retentionInDays: 365 } });
    const groups: string[] = [];
    for (let i = 0; i < perSubscription - 1; i++) {
      const slot = i % 25;
      const at = rg(i);
      const diag = (target: string, categories: string[]) =>
        resources.push({ id: `${target}/providers/Microsoft.Insights/diagnosticSettings/to-law`, name: 'to-law', type: 'Microsoft.Insights/diagnosticSettings', properties: { workspaceId: workspace, logs: categories.map((category) => ({ category, enabled: true })) } });
      if (slot < 5) {
        const id = `${at}/providers/Microsoft.Storage/storageAccounts/st${s}x${i}`;
        resources.push({ id, name: `st${s}x${i}`, type: 'Microsoft.Storage/storageAccounts', location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' } });
        if (i % 2 === 0) diag(`${id}/blobServices/default`, ['StorageRead', 'StorageWrite', 'StorageDelete']);
      } else if (slot === 5) {
        const id = `${at}/providers/Microsoft.KeyVault/vaults/kv-${s}-${i}`;
        resources.push({ id, name: `kv-${s}-${i}`, type: 'Microsoft.KeyVault/vaults', location: 'eastus', properties: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', enableRbacAuthorization: true, sku: { family: 'A', name: 'standard' } } });
        diag(id, ['AuditEvent']);
      } else if (slot === 6) {
        const id = `${at}/providers/Microsoft.Logic/workflows/la-${s}-${i}`;
        resources.push({
          id,
          name: `la-${s}-${i}`,
          type: 'Microsoft.Logic/workflows',
          location: 'eastus',
          tags: { 'hipaa-notify': 'notification' },
          identity: { type: 'SystemAssigned', principalId: `00000000-0000-4000-8000-${String(s * 100000 + i).padStart(12, '0')}` },
          properties: {
            state: 'Enabled',
            definition: {
              triggers: { manual: { type: 'Request', kind: 'Http', inputs: {} } },
              actions: { Notify: { type: 'Http', runAfter: {}, inputs: { method: 'POST', uri: `https://notify.example.com/hook?sig=BENCHSECRET${i}`, retryPolicy: { type: 'exponential', count: 4, interval: 'PT10S' } } } },
            },
          },
        });
        diag(id, ['WorkflowRuntime']);
      } else if (slot === 7) {
        const id = `${at}/providers/Microsoft.Insights/actionGroups/ag-${s}-${i}`;
        groups.push(id);
        resources.push({ id, name: `ag-${s}-${i}`, type: 'Microsoft.Insights/actionGroups', location: 'Global', properties: { groupShortName: `ag${i}`, enabled: true, armRoleReceivers: [{ name: 'owners', roleId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', useCommonAlertSchema: true }], emailReceivers: [] } });
      } else if (slot < 10) {
        resources.push({
          id: `${at}/providers/Microsoft.Insights/metricAlerts/alert-${s}-${i}`,
          name: `alert-${s}-${i}`,
          type: 'Microsoft.Insights/metricAlerts',
          location: 'global',
          properties: { enabled: true, severity: 2, scopes: [`${rg(i - 5)}/providers/Microsoft.Storage/storageAccounts/st${s}x${i - 5 - ((i - 5) % 25)}`], evaluationFrequency: 'PT5M', windowSize: 'PT15M', criteria: { 'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria', allOf: [] }, actions: groups.length ? [{ actionGroupId: groups[groups.length - 1] }] : [] },
        });
      } else if (slot === 10) {
        resources.push({ id: `${at}/providers/Microsoft.Network/networkSecurityGroups/nsg-${s}-${i}`, name: `nsg-${s}-${i}`, type: 'Microsoft.Network/networkSecurityGroups', location: 'eastus', properties: { securityRules: [] } });
      } else {
        const kind = ['Microsoft.Compute/virtualMachines', 'Microsoft.Network/networkInterfaces', 'Microsoft.Compute/disks'][slot % 3];
        resources.push({ id: `${at}/providers/${kind}/r-${s}-${i}`, name: `r-${s}-${i}`, type: kind, location: 'eastus', properties: {} });
      }
    }
  }
  return { subscriptions: subscriptionList, resources };
}
