import * as http from 'node:http';
import * as vscode from 'vscode';

/**
 * A real `vscode.authentication` provider registered by the test under the id `microsoft`, or
 * `microsoft-sovereign-cloud` (the built-in Microsoft sign-in cannot work offline and is disabled
 * in the test host). Its sessions
 * hold tokens issued by the ARM test server's managed identity endpoint, for the audience the
 * scopes name. It starts signed out; `createSession` signs in as the user would.
 */
export class TestAccounts implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly sessions: vscode.AuthenticationSession[] = [];
  private readonly registration: vscode.Disposable;
  readonly requestedScopes: string[][] = [];
  private readonly asked = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the scopes of each session request, answered or not. */
  readonly onDidAsk = this.asked.event;

  constructor(private identityEndpoint: string, private identityHeader: string, readonly providerId: 'microsoft' | 'microsoft-sovereign-cloud' = 'microsoft') {
    const label = providerId === 'microsoft' ? 'Microsoft (test accounts)' : 'Microsoft Sovereign Cloud (test accounts)';
    this.registration = vscode.authentication.registerAuthenticationProvider(providerId, label, this, { supportsMultipleAccounts: false });
  }

  /** Tokens from another test server from now on (each server trusts only the tokens it issued). */
  useIdentityEndpoint(endpoint: string, header: string): void {
    this.identityEndpoint = endpoint;
    this.identityHeader = header;
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    if (scopes) {
      this.requestedScopes.push([...scopes]);
      this.asked.fire([...scopes]);
    }
    if (this.sessions.length === 0 || !scopes) return [...this.sessions];
    // A session per audience: the token must be for the Resource Manager that the scopes name.
    return [{ ...this.sessions[0], scopes: [...scopes], accessToken: await this.token(scopes) }];
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const session: vscode.AuthenticationSession = {
      id: 'test-session',
      accessToken: await this.token(scopes),
      account: { id: 'auditor@contoso-claims.test', label: 'auditor@contoso-claims.test' },
      scopes: [...scopes],
    };
    this.sessions.splice(0, this.sessions.length, session);
    this.changed.fire({ added: [session], removed: [], changed: [] });
    return session;
  }

  async removeSession(): Promise<void> {
    const removed = this.sessions.splice(0, this.sessions.length);
    this.changed.fire({ added: [], removed, changed: [] });
  }

  private token(scopes: readonly string[]): Promise<string> {
    const scope = scopes.find((s) => s.endsWith('/.default'));
    if (!scope) return Promise.reject(new Error(`no resource scope in ${scopes.join(' ')}`));
    const url = new URL(this.identityEndpoint);
    url.searchParams.set('resource', scope.slice(0, -'/.default'.length));
    url.searchParams.set('api-version', '2019-08-01');
    return new Promise((resolve, reject) => {
      http.get(url, { headers: { 'X-IDENTITY-HEADER': this.identityHeader } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => {
          try {
            resolve((JSON.parse(body) as { access_token: string }).access_token);
          } catch (error) {
            reject(error);
          }
        });
      }).on('error', reject);
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.asked.dispose();
  }
}
