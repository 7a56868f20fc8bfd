import type { Described, ResourceText } from './templateText';

/** A Logic App that is a notification component (tagged), with the given actions and triggers. */
export function notifierWorkflow(actions: { readonly [name: string]: Described }, options: { name?: Described; tag?: string; triggers?: { readonly [name: string]: Described }; symbol?: string } = {}): ResourceText {
  return {
    symbol: options.symbol ?? 'notifier',
    type: 'Microsoft.Logic/workflows@2019-05-01',
    body: {
      name: options.name ?? 'la-claims-breach-notifier',
      location: 'eastus',
      tags: { 'hipaa-notify': options.tag ?? 'notification' },
      properties: {
        definition: {
          $schema: 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
          contentVersion: '1.0.0.0',
          triggers: options.triggers ?? { manual: { type: 'Request', kind: 'Http', inputs: { schema: {} } } },
          actions,
        },
      },
    },
  };
}

/** An HTTP action paging the on-call service. */
export function pageAction(extraInputs: { readonly [key: string]: Described } = {}, runAfter: Described = {}): Described {
  return { type: 'Http', inputs: { method: 'POST', uri: 'https://events.pagerduty.com/v2/enqueue', body: '@triggerBody()', ...extraInputs }, runAfter };
}
