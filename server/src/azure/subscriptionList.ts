import type { TokenCredential } from '@azure/core-auth';
import { ArmClients } from './armClients';
import type { Cloud } from './clouds';
import type { SubscriptionRecord } from './snapshot';

/** Every subscription the credential can see in the cloud (for choosing which to read). */
export async function listSubscriptions(credential: TokenCredential, cloud: Cloud): Promise<SubscriptionRecord[]> {
  const clients = new ArmClients(credential, cloud);
  const found: SubscriptionRecord[] = [];
  for await (const subscription of clients.subscriptions.subscriptions.list()) {
    if (!subscription.subscriptionId) continue;
    found.push({ id: subscription.subscriptionId.toLowerCase(), name: subscription.displayName ?? subscription.subscriptionId, state: subscription.state ?? 'Enabled' });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
