import * as path from 'node:path';
import { ManagedIdentityCredential } from '@azure/identity';
import { startArmTestServer, readFixtureFolder, type ArmTestServer, type Fixture, type ServerOptions } from './armTestServer';
import { trustedTestTls } from './throwawayCa';

export const fixturesRoot = path.resolve(__dirname, '../../../test/fixtures/live');

/** A test server on a fixture (a folder under test/fixtures/live, or records), with the process's identity endpoint pointed at it. */
export async function serve(fixture: string | Fixture, options: Omit<ServerOptions, 'key' | 'cert' | 'fixture'> = {}): Promise<ArmTestServer> {
  const tls = trustedTestTls();
  const server = await startArmTestServer({ ...options, key: tls.key, cert: tls.cert, fixture: typeof fixture === 'string' ? readFixtureFolder(path.join(fixturesRoot, fixture)) : fixture });
  process.env.IDENTITY_ENDPOINT = server.identityEndpoint;
  process.env.IDENTITY_HEADER = server.identityHeader;
  return server;
}

/** The real token path: App Service managed identity, answered by the test server's identity endpoint. */
export function managedIdentity(): ManagedIdentityCredential {
  return new ManagedIdentityCredential();
}

/** Environment for a CLI child process reading from the server. */
export function cliEnvironment(server: ArmTestServer): NodeJS.ProcessEnv {
  return { ...process.env, IDENTITY_ENDPOINT: server.identityEndpoint, IDENTITY_HEADER: server.identityHeader, AZURE_CLIENT_ID: '', AZURE_TENANT_ID: '', AZURE_CLIENT_SECRET: '' };
}
