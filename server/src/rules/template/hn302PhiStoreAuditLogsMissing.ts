import type { DeployedResource } from '../../model/deployedResource';
import { diagnosticSettingsOf, isLogged, sendsLogs, type DiagnosticSetting } from '../../model/diagnosticSettings';
import { isPhiStore } from '../../model/notificationComponents';
import { isDeployed, namedOf, sameType, type NamedResource } from '../../model/resourceReference';
import { defineRule, describe, type Report } from '../rule';
import { diagnosticSettingFixes } from './diagnosticSettingFix';

const auditGroups = ['audit', 'allLogs'];

/** Audit categories per PHI store type; the storage account and SQL server are handled apart. */
const auditCategories: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Microsoft.KeyVault/vaults', ['AuditEvent']],
  ['Microsoft.Sql/servers/databases', ['SQLSecurityAuditEvents']],
  ['Microsoft.DocumentDB/databaseAccounts', ['DataPlaneRequests']],
  ['Microsoft.HealthcareApis/services', ['AuditLogs']],
  ['Microsoft.HealthcareApis/workspaces/fhirservices', ['AuditLogs']],
  ['Microsoft.HealthcareApis/workspaces/dicomservices', ['AuditLogs']],
  ['Microsoft.DBforPostgreSQL/flexibleServers', ['PostgreSQLLogs']],
  ['Microsoft.DBforMySQL/flexibleServers', ['MySqlAuditLogs']],
  ['Microsoft.Web/sites', ['AppServiceAuditLogs']],
];

/** Health Data Services containers hold no data themselves and take no diagnostic settings. */
const containerTypes = ['Microsoft.HealthcareApis/workspaces', 'Microsoft.HealthcareApis/workspaces/iotconnectors'];

const storageServices = ['blobServices', 'fileServices', 'queueServices', 'tableServices'];
const storageAudit = ['StorageRead', 'StorageWrite', 'StorageDelete'];

/** HN302: who read or changed PHI must be answerable from the audit log (164.312(b)). */
export const hn302PhiStoreAuditLogsMissing = defineRule('HN302', 'A PHI store has no diagnostic setting sending its audit logs to Log Analytics.', (context, report) => {
  const settings = diagnosticSettingsOf(context.resources);
  const deployments = { resources: context.resources, deploymentOf: context.deploymentOf };
  let services: Map<string, ServiceOfAccount[]> | undefined;
  for (const store of context.resources) {
    if (!isPhiStore(store) || context.partial?.has(store) || containerTypes.some((t) => sameType(store.type, t))) continue;
    const named = namedOf(store);
    const where = { deployments, deployment: context.deploymentOf?.get(store) };
    if (!named) {
      checkUnnamedStore(store, settings, report);
      continue;
    }
    if (sameType(store.type, 'Microsoft.Storage/storageAccounts')) checkStorageAccount(store, named, (services ??= storageServicesByAccount(context.resources)), settings, report, where);
    else if (sameType(store.type, 'Microsoft.Sql/servers')) {
      const master = { type: 'Microsoft.Sql/servers/databases', name: `${named.name}/master` };
      if (isLogged(master, settings, { groups: auditGroups, categories: ['SQLSecurityAuditEvents'] }, where) === false) {
        report({ at: store.origin, message: `${describe(store)} holds PHI but no diagnostic setting on its master database sends SQLSecurityAuditEvents (or the audit category group) to a Log Analytics workspace: add one scoped to '${named.name}/master' and turn on auditing to Azure Monitor` });
      }
    } else {
      if (isLogged(store, settings, { groups: auditGroups, categories: categoriesOf(store) }, where) !== false) continue;
      reportStore(store, report, context.resources);
    }
  }
}, {
  fix: "adds a Microsoft.Insights/diagnosticSettings with the audit category group scoped to the store, sending to the workspace declared in the same file (a choice when several) or to a new auditWorkspaceId parameter (offered for review). Storage accounts and SQL servers get none: their audit logs live on a sub-resource (the blob service, the master database) that the template may not declare",
});

function categoriesOf(store: DeployedResource): readonly string[] {
  return auditCategories.find(([type]) => sameType(store.type, type))?.[1] ?? [];
}

function reportStore(store: DeployedResource, report: (finding: Report) => void, resources?: readonly DeployedResource[]): void {
  const categories = categoriesOf(store);
  const what = categories.length > 0 ? `its ${categories.join('/')} logs (or the audit category group)` : 'its audit category group';
  report({ at: store.origin, fixes: resources ? diagnosticSettingFixes(store, resources, [{ categoryGroup: 'audit', enabled: true }], 'HN302') : [], message: `${describe(store)} holds PHI but no diagnostic setting sends ${what} to a Log Analytics workspace: add a Microsoft.Insights/diagnosticSettings scoped to it with categoryGroup 'audit' and a workspaceId` });
}

/**
 * A store whose name is not known is still a store: it is reported when no diagnostic setting of
 * the model could target it (nor, for storage and SQL, the blob service or master database where
 * their audit logs live). A setting scoped to it by symbol or by the same unknown name does.
 */
function checkUnnamedStore(store: DeployedResource, settings: readonly DiagnosticSetting[], report: (finding: Report) => void): void {
  const child = sameType(store.type, 'Microsoft.Storage/storageAccounts') ? `${store.type}/blobServices` : sameType(store.type, 'Microsoft.Sql/servers') ? `${store.type}/databases` : undefined;
  if (child === undefined) {
    if (isLogged(store, settings, { groups: auditGroups, categories: categoriesOf(store) }) === false) reportStore(store, report);
    return;
  }
  const wanted = { groups: auditGroups, categories: sameType(store.type, 'Microsoft.Sql/servers') ? ['SQLSecurityAuditEvents'] : storageAudit };
  const couldLog = settings.some((setting) => {
    const target = setting.target;
    if (target === 'deploymentScope' || (target !== 'unknown' && !sameType(target.type, child))) return false;
    return sendsLogs(setting, wanted) !== false;
  });
  if (couldLog) return;
  const where = child.endsWith('blobServices') ? 'on its blob service sends StorageRead, StorageWrite and StorageDelete' : 'on its master database sends SQLSecurityAuditEvents';
  report({ at: store.origin, message: `${describe(store)} holds PHI but no diagnostic setting ${where} (or the audit category group) to a Log Analytics workspace: add one scoped to it` });
}

interface ServiceOfAccount {
  readonly service: DeployedResource;
  readonly named: NamedResource;
}

/**
 * The file, queue and table services of the model by the lower-case name of their account, in model
 * order: looked up per account (a scan of every resource per account made thousands of accounts
 * from copy loops quadratic).
 */
function storageServicesByAccount(resources: readonly DeployedResource[]): Map<string, ServiceOfAccount[]> {
  const byAccount = new Map<string, ServiceOfAccount[]>();
  for (const service of resources) {
    if (!isDeployed(service)) continue;
    const named = namedOf(service);
    if (!named || !storageServices.some((s) => s !== 'blobServices' && sameType(service.type, `Microsoft.Storage/storageAccounts/${s}`))) continue;
    const account = named.name.split('/')[0].toLowerCase();
    const list = byAccount.get(account);
    if (list) list.push({ service, named });
    else byAccount.set(account, [{ service, named }]);
  }
  return byAccount;
}

/** Storage audit lives on the service sub-resources: the blob service always, the others when declared. */
function checkStorageAccount(account: DeployedResource, named: NamedResource, services: ReadonlyMap<string, readonly ServiceOfAccount[]>, settings: readonly DiagnosticSetting[], report: (finding: Report) => void, where: Parameters<typeof isLogged>[3]): void {
  const wanted = { groups: auditGroups, categories: storageAudit };
  const blob = { type: `${named.type}/blobServices`, name: `${named.name}/default` };
  if (isLogged(blob, settings, wanted, where) === false) {
    report({ at: account.origin, message: `${describe(account)} holds PHI but no diagnostic setting on its blob service sends StorageRead, StorageWrite and StorageDelete (or the audit category group) to a Log Analytics workspace: add one scoped to '${named.name}/default' of blobServices` });
  }
  for (const { service, named: serviceName } of services.get(named.name.toLowerCase()) ?? []) {
    if (isLogged(serviceName, settings, wanted, where) !== false) continue;
    report({ at: service.origin, message: `${describe(service)} of a PHI store has no diagnostic setting sending StorageRead, StorageWrite and StorageDelete (or the audit category group) to a Log Analytics workspace: add one scoped to it` });
  }
}
