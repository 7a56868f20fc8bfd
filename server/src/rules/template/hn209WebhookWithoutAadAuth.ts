import { actionGroupType } from '../../model/alerts';
import { receiversOf } from '../../model/actionGroups';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import type { ObjectValue, Value } from '../../model/value';
import { addParameter, FixExpression, fixToReview, parameterReference, replaceValue, setProperty, type Fix, type FixIntent, type FixObject } from '../fixIntent';
import { defineRule, describe } from '../rule';

/** HN209: a webhook receiver without Microsoft Entra authentication accepts calls from anyone. */
export const hn209WebhookWithoutAadAuth = defineRule('HN209', 'An action group webhook receiver has useAadAuth false or absent.', (context, report) => {
  for (const group of context.resources) {
    if (!sameType(group.type, actionGroupType) || !isDeployed(group)) continue;
    const receivers = receiversOf(group, 'webhookReceivers');
    if (receivers === 'unknown') continue;
    for (const receiver of receivers) {
      if (receiver.kind !== 'object') continue;
      const flag = valueAt(receiver, ['useAadAuth']);
      const off = flag === undefined || flag.kind === 'null' || (flag.kind === 'boolean' && !flag.value);
      if (!off) continue;
      const name = knownString(valueAt(receiver, ['name']));
      report({
        at: flag && flag.kind !== 'null' ? flag : receiver,
        resource: group,
        fixes: aadAuthFix(receiver, flag, group.origin),
        message: `the webhook receiver ${name ? `'${name}' ` : ''}of ${describe(group)} does not authenticate with Microsoft Entra ID: set useAadAuth to true with the receiving app's objectId, identifierUri and tenantId`,
      });
    }
  }
}, {
  fix: "sets useAadAuth to true and adds the receiving app's objectId and identifierUri from new parameters the author fills in, and tenantId from a new parameter defaulting to the deployment's tenant; offered for review, never applied by fix-all or check --fix",
});

/** The Entra ID settings the receiver lacks, from new parameters of the template. */
const aadSettings: ReadonlyArray<{ key: string; parameter: string; description: string; defaultValue?: FixExpression }> = [
  { key: 'objectId', parameter: 'webhookAppObjectId', description: 'Object ID of the Microsoft Entra application that receives the webhook.' },
  { key: 'identifierUri', parameter: 'webhookAppIdentifierUri', description: 'Application ID URI of the Microsoft Entra application that receives the webhook.' },
  { key: 'tenantId', parameter: 'webhookAppTenantId', description: 'Tenant of the Microsoft Entra application that receives the webhook.', defaultValue: new FixExpression('tenant().tenantId', 'subscription().tenantId') },
];

function aadAuthFix(receiver: ObjectValue, flag: Value | undefined, near: Value['origin']): Fix[] {
  const missing = aadSettings.filter(({ key }) => valueAt(receiver, [key]) === undefined);
  const settings: { [key: string]: FixExpression | boolean } = Object.fromEntries(missing.map(({ key, parameter }) => [key, parameterReference(parameter)]));
  const inReceiver = !flag || flag.kind === 'null' || within(flag, receiver);
  const intents: FixIntent[] = missing.map(({ parameter, description, defaultValue }) => addParameter(near, { name: parameter, type: 'string', description, ...(defaultValue ? { defaultValue } : {}) }));
  if (inReceiver) intents.push(setProperty(receiver.origin, [], { useAadAuth: true, ...settings } as FixObject));
  else {
    intents.push(replaceValue(flag.origin, true));
    if (missing.length > 0) intents.push(setProperty(receiver.origin, [], settings as FixObject));
  }
  return [fixToReview('Authenticate with Microsoft Entra ID (useAadAuth, app from new parameters)', ...intents)];
}

function within(value: Value, outer: Value): boolean {
  const inner = value.origin;
  return inner.file === outer.origin.file && inner.span.offset >= outer.origin.span.offset && inner.span.offset + inner.span.length <= outer.origin.span.offset + outer.origin.span.length;
}
