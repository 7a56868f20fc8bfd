import { receiversOf, type ReceiverList } from '../../model/actionGroups';
import { actionGroupType } from '../../model/alerts';
import type { DeployedResource } from '../../model/deployedResource';
import { workflowParameterValue } from '../../model/logicAppWorkflow';
import { isNamespaceSubscription, namespaceDelivery } from '../../model/namespaceSubscriptions';
import { isEventSubscription, notifierActions } from '../../model/notificationComponents';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { fix, replaceStart, replaceValue } from '../fixIntent';
import { defineRule, describe } from '../rule';

const receiverUrls: ReadonlyArray<readonly [ReceiverList, string]> = [
  ['webhookReceivers', 'serviceUri'],
  ['logicAppReceivers', 'callbackUrl'],
  ['azureFunctionReceivers', 'httpTriggerUrl'],
  ['automationRunbookReceivers', 'serviceUri'],
];

/** HN207: alert payloads carry PHI context; they must not cross the network in clear text (164.312(e)(1)). */
export const hn207WebhookNotHttps = defineRule('HN207', 'A webhook receiver, notification Logic App HTTP action or Event Grid webhook destination uses http://.', (context, report) => {
  const check = (url: Value | undefined, resource: DeployedResource, where: string) => {
    // An interpolated URL whose host is unknown still shows its scheme.
    const text = knownString(url) ?? (url?.kind === 'unknown' ? url.prefix : undefined);
    if (!url || text === undefined || !/^\s*http:\/\//i.test(text)) return;
    const shown = url.kind === 'unknown' ? `${text.trim()}...` : text.trim();
    // The scheme is rewritten where the written text starts with it (a literal, an interpolation, concat()/format()).
    const fixes = [fix('Use https://', url.kind === 'string' && !/^http:\/\//i.test(url.value) ? replaceValue(url.origin, url.value.replace(/^(\s*)http:/i, '$1https:')) : replaceStart(url.origin, 'http://', 'https://'))];
    report({ at: url, resource, fixes, message: `${where} of ${describe(resource)} is '${shown}', sent in clear text: use https://` });
  };
  const checkWebhookDestination = (destination: Value | undefined, subscription: DeployedResource) => {
    if (destination && knownString(valueAt(destination, ['endpointType']))?.toLowerCase() === 'webhook') check(valueAt(destination, ['properties', 'endpointUrl']), subscription, 'the webhook endpoint');
  };
  for (const resource of context.resources) {
    if (!isDeployed(resource)) continue;
    if (sameType(resource.type, actionGroupType)) {
      for (const [list, field] of receiverUrls) {
        const receivers = receiversOf(resource, list);
        if (receivers === 'unknown') continue;
        for (const receiver of receivers) {
          const name = knownString(valueAt(receiver, ['name']));
          check(valueAt(receiver, [field]), resource, `the ${field} of ${list.replace(/Receivers$/, '')} receiver${name ? ` '${name}'` : ''}`);
        }
      }
    } else if (isEventSubscription(resource) && resource.properties) {
      checkWebhookDestination(valueAt(resource.properties, ['destination']), resource);
    } else if (isNamespaceSubscription(resource)) {
      const delivery = namespaceDelivery(resource);
      if (delivery?.mode !== 'push' || !delivery.settings) continue;
      checkWebhookDestination(valueAt(delivery.settings, ['destination']), resource);
      checkWebhookDestination(valueAt(delivery.settings, ['deliveryWithResourceIdentity', 'destination']), resource);
    }
  }
  for (const { workflow, action } of notifierActions(context.resources)) {
    const type = action.type?.toLowerCase();
    if ((type !== 'http' && type !== 'httpwebhook') || action.inputs?.kind !== 'object') continue;
    for (const path of [['uri'], ['subscribe', 'uri'], ['unsubscribe', 'uri']]) {
      const uri = valueAt(action.inputs, path);
      check(uri && workflowParameterValue(workflow, uri), workflow, `the URI of action '${action.name}'`);
    }
  }
}, { fix: "rewrites http:// to https:// where the URL is written: whole, or as an interpolation (Bicep '...${}...', ARM concat()/format()) whose written text starts with http://. A URL whose scheme comes from elsewhere (a variable holding 'http://') is left to the author" });
