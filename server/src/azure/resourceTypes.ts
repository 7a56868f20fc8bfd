/**
 * The tracked resource types the rules read, with the API version a GET uses when Resource Graph
 * is not available. Anything tagged `hipaa-notify` is read too, whatever its type.
 */
export const trackedTypes: Readonly<Record<string, string>> = {
  'microsoft.insights/actiongroups': '2023-01-01',
  'microsoft.insights/activitylogalerts': '2020-10-01',
  'microsoft.insights/metricalerts': '2018-03-01',
  'microsoft.insights/scheduledqueryrules': '2023-12-01',
  'microsoft.logic/workflows': '2019-05-01',
  'microsoft.web/sites': '2023-12-01',
  'microsoft.web/connections': '2016-06-01',
  'microsoft.eventgrid/topics': '2025-02-15',
  'microsoft.eventgrid/systemtopics': '2025-02-15',
  'microsoft.eventgrid/domains': '2025-02-15',
  'microsoft.network/networksecuritygroups': '2024-05-01',
  'microsoft.network/virtualnetworks': '2024-05-01',
  'microsoft.network/networkinterfaces': '2024-05-01',
  'microsoft.compute/virtualmachines': '2024-07-01',
  'microsoft.keyvault/vaults': '2023-07-01',
  'microsoft.storage/storageaccounts': '2023-05-01',
  'microsoft.sql/servers': '2023-08-01',
  'microsoft.sql/servers/databases': '2023-08-01',
  'microsoft.documentdb/databaseaccounts': '2024-11-15',
  'microsoft.dbforpostgresql/flexibleservers': '2024-08-01',
  'microsoft.dbformysql/flexibleservers': '2023-12-30',
  'microsoft.healthcareapis/services': '2023-11-01',
  'microsoft.healthcareapis/workspaces': '2023-11-01',
  'microsoft.healthcareapis/workspaces/fhirservices': '2023-11-01',
  'microsoft.healthcareapis/workspaces/dicomservices': '2023-11-01',
  'microsoft.operationalinsights/workspaces': '2022-10-01',
  'microsoft.security/automations': '2023-12-01-preview',
  'microsoft.managedidentity/userassignedidentities': '2023-01-31',
};

/** API versions of the extension and subscription-level lists. */
export const listApiVersions = {
  diagnosticSettings: '2021-05-01-preview',
  locks: '2020-05-01',
  roleAssignments: '2022-04-01',
  policyAssignments: '2023-04-01',
  securityContacts: '2023-12-01-preview',
  eventSubscriptions: '2025-02-15',
  workspaceTables: '2022-10-01',
  resourceGroups: '2025-04-01',
} as const;

/** Types whose diagnostic settings the rules read (notification components and PHI stores). */
export const loggedTypes = new Set([
  'microsoft.logic/workflows',
  'microsoft.web/sites',
  'microsoft.eventgrid/topics',
  'microsoft.eventgrid/systemtopics',
  'microsoft.eventgrid/domains',
  'microsoft.keyvault/vaults',
  'microsoft.storage/storageaccounts',
  'microsoft.sql/servers/databases',
  'microsoft.documentdb/databaseaccounts',
  'microsoft.dbforpostgresql/flexibleservers',
  'microsoft.dbformysql/flexibleservers',
  'microsoft.healthcareapis/services',
  'microsoft.healthcareapis/workspaces/fhirservices',
  'microsoft.healthcareapis/workspaces/dicomservices',
]);

export function apiVersionOf(type: string): string | undefined {
  return trackedTypes[type.toLowerCase()];
}

/** The Resource Graph query for the tracked resources, ordered so that `$skipToken` pages are stable. */
export function trackedResourcesQuery(): string {
  const types = Object.keys(trackedTypes).map((t) => `'${t}'`).join(', ');
  return `resources | where type in~ (${types}) or isnotempty(tags['hipaa-notify']) | project id, name, type, location, kind, tags, identity, sku, properties, subscriptionId, resourceGroup | order by id asc`;
}
