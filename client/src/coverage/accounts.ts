import * as vscode from 'vscode';
import type { CoverageTokenParams, CoverageTokenResult, LiveSource } from '../../../server/src/protocol/coverageProtocol';

/**
 * Sign-in through VS Code's own accounts. Public Azure uses the `microsoft` provider; Azure US
 * Government, China and custom clouds use `microsoft-sovereign-cloud`, whose cloud is chosen by
 * the `microsoft-sovereign-cloud.environment` setting (as the Azure Resources extension does).
 */
export interface AccountCloud {
  readonly providerId: 'microsoft' | 'microsoft-sovereign-cloud';
  readonly source: LiveSource;
}

const sovereignClouds: Readonly<Record<string, string>> = { USGovernment: 'AzureUSGovernment', ChinaCloud: 'AzureChinaCloud' };

export function accountCloud(): AccountCloud {
  const sovereign = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  const environment = sovereign.get<string>('environment') || undefined;
  const coverage = vscode.workspace.getConfiguration('hipaaNotify.coverage');
  const providerId = environment ? 'microsoft-sovereign-cloud' : 'microsoft';
  const subscriptions = coverage.get<string[]>('subscriptions', []).filter((id) => typeof id === 'string' && id.trim() !== '');
  const tenantId = coverage.get<string>('tenant', '').trim() || undefined;
  const base = { kind: 'live' as const, ...(tenantId ? { tenantId } : {}), ...(subscriptions.length > 0 ? { subscriptions } : {}) };
  const armEndpoint = coverage.get<string>('armEndpoint', '').trim()
    || (environment === 'custom' ? sovereign.get<{ resourceManagerEndpointUrl?: string }>('customEnvironment')?.resourceManagerEndpointUrl?.trim() : undefined);
  if (armEndpoint) return { providerId, source: { ...base, cloud: 'Custom', armEndpoint } };
  return { providerId, source: { ...base, cloud: (environment && sovereignClouds[environment]) || 'AzureCloud' } };
}

/** Scopes for a session: the resource's `.default` scope, plus the tenant the way VS Code's Microsoft providers take it. */
function sessionScopes(params: CoverageTokenParams, tenantId: string | undefined): string[] {
  const tenant = params.tenantId ?? tenantId;
  return [...params.scopes, ...(tenant ? [`VSCODE_TENANT:${tenant}`] : [])];
}

export class SignedOutError extends Error {}

/**
 * Answers the server's token requests from a VS Code session. The token goes back over the LSP
 * connection only: it is never stored or logged. `interactive` lets the first request of a read
 * that the user started ask them to sign in.
 */
export async function tokenFor(cloud: AccountCloud, params: CoverageTokenParams, interactive: boolean): Promise<CoverageTokenResult> {
  const scopes = sessionScopes(params, cloud.source.tenantId);
  let session = await vscode.authentication.getSession(cloud.providerId, scopes, { silent: true });
  if (!session && interactive) {
    try {
      session = await vscode.authentication.getSession(cloud.providerId, scopes, { createIfNone: true });
    } catch {
      // Declined: the read reports "signed out" and the welcome view offers sign-in again.
    }
  }
  if (!session) {
    // Puts "Sign in ... to use HIPAA Notify" in VS Code's Accounts menu, without prompting.
    await Promise.resolve(vscode.authentication.getSession(cloud.providerId, scopes, {})).catch(() => undefined);
    throw new SignedOutError(`not signed in to ${cloud.providerId === 'microsoft' ? 'Microsoft' : 'the sovereign cloud'}`);
  }
  // Sessions do not say when their token expires; VS Code refreshes them, so ask again within the hour.
  return { token: session.accessToken, expiresOnTimestamp: Date.now() + 45 * 60_000 };
}
