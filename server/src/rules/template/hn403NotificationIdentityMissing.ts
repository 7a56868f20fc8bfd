import type { DeployedResource } from '../../model/deployedResource';
import { connectorOf, isLogicApp, workflowActions } from '../../model/logicAppWorkflow';
import { runsAs } from '../../model/managedIdentity';
import { notificationComponents } from '../../model/notificationComponents';
import { secretReadsOf } from '../../model/keyVaultAccess';
import { knownString } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { fix, replaceValue, setProperty } from '../fixIntent';
import { defineRule, describe } from '../rule';

const azureHosts = [
  /^graph\.microsoft\.(com|us)$/i,
  /^dod-graph\.microsoft\.us$/i,
  /^microsoftgraph\.chinacloudapi\.cn$/i,
  /\.vault\.(azure\.net|usgovcloudapi\.net|azure\.cn)$/i,
  /^management\.(azure\.com|usgovcloudapi\.net|chinacloudapi\.cn)$/i,
  /\.(blob|queue|table)\.core\.(windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$/i,
  /\.servicebus\.(windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$/i,
  /^api\.loganalytics\.(io|us|azure\.cn)$/i,
];
const tokenAuthentication = ['activedirectoryoauth', 'managedserviceidentity'];
/** Managed connectors to Azure services that can sign in as the workflow's managed identity instead of a stored key or user token. */
const azureConnectors = new Set(['keyvault', 'arm', 'azureblob', 'azurequeues', 'servicebus', 'eventhubs', 'azuremonitorlogs']);

/** HN403: a notifier without a managed identity must keep credentials somewhere, and they leak or expire. */
export const hn403NotificationIdentityMissing = defineRule('HN403', 'A notification component that calls Graph, Key Vault or another Azure API has no managed identity.', (context, report) => {
  for (const component of notificationComponents(context.resources)) {
    if (!runsAs(component).none) continue;
    const call = firstAzureCall(component, context.resources);
    if (!call) continue;
    // An explicit `type: 'None'` is the value to change, wherever it is written.
    const none = component.identity ? valueAt(component.identity, ['type']) : undefined;
    report({
      at: none ?? component.origin,
      resource: component,
      fixes: [none ? fix("Set identity type to 'SystemAssigned'", replaceValue(none.origin, 'SystemAssigned')) : fix("Add identity: { type: 'SystemAssigned' }", setProperty(component.body.origin, ['identity'], { type: 'SystemAssigned' }))],
      related: [{ file: call.at.origin.file, span: call.at.origin.span, message: `${call.what} calls an Azure API` }],
      message: `${describe(component)} calls ${call.what === 'it' ? 'an Azure API' : `an Azure API (${call.what})`} without a managed identity, so it must hold stored credentials: add identity: { type: 'SystemAssigned' } and grant that identity access`,
    });
  }
}, { fix: "adds identity: { type: 'SystemAssigned' } to the component, or turns an explicit type 'None' into 'SystemAssigned' where it is written; granting that identity access stays with the author (HN402)" });

function firstAzureCall(component: DeployedResource, resources: readonly DeployedResource[]): { at: Value; what: string } | undefined {
  if (isLogicApp(component)) {
    const actions = workflowActions(component);
    for (const action of actions === 'unknown' ? [] : actions) {
      const type = action.type?.toLowerCase();
      if ((type === 'apiconnection' || type === 'apiconnectionwebhook') && azureConnectors.has(connectorOf(component, action) ?? '')) return { at: action.body, what: `action '${action.name}'` };
      if ((type !== 'http' && type !== 'httpwebhook') || action.inputs?.kind !== 'object') continue;
      const uri = valueAt(action.inputs, ['uri']);
      const host = hostOf(knownString(uri));
      const authentication = knownString(valueAt(action.inputs, ['authentication', 'type']))?.toLowerCase();
      if ((host && azureHosts.some((pattern) => pattern.test(host))) || (authentication && tokenAuthentication.includes(authentication))) return { at: uri ?? action.body, what: `action '${action.name}'` };
    }
    return undefined;
  }
  const read = secretReadsOf(component, resources)[0];
  return read ? { at: read.at, what: read.how } : undefined;
}

function hostOf(uri: string | undefined): string | undefined {
  return uri ? /^https?:\/\/([^/:?#@]+)/i.exec(uri.trim())?.[1] : undefined;
}
