import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import forge from 'node-forge';

export interface TestTls {
  readonly folder: string;
  /** PEM of the CA certificate: what NODE_EXTRA_CA_CERTS points at. */
  readonly caFile: string;
  readonly key: string;
  readonly cert: string;
}

/**
 * A CA made for one test run and a server certificate it signs for 127.0.0.1 and localhost.
 * Nothing is installed: a process trusts it only through NODE_EXTRA_CA_CERTS=caFile.
 */
export function makeThrowawayCa(folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-test-ca-'))): TestTls {
  const caKeys = rsaKeys();
  const ca = certificate(caKeys.publicKey, 'hipaa-notify throwaway test CA', [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  ca.setIssuer(ca.subject.attributes);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  const serverKeys = rsaKeys();
  const server = certificate(serverKeys.publicKey, '127.0.0.1', [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
  ]);
  server.setIssuer(ca.subject.attributes);
  server.sign(caKeys.privateKey, forge.md.sha256.create());
  const caFile = path.join(folder, 'ca.pem');
  fs.writeFileSync(caFile, forge.pki.certificateToPem(ca));
  const tls = { folder, caFile, key: forge.pki.privateKeyToPem(serverKeys.privateKey), cert: forge.pki.certificateToPem(server) };
  fs.writeFileSync(path.join(folder, 'server-key.pem'), tls.key, { mode: 0o600 });
  fs.writeFileSync(path.join(folder, 'server-cert.pem'), tls.cert);
  return tls;
}

/** The CA and server certificate that the runner (scripts/run-live-tests.mjs) made and this process trusts. */
export function trustedTestTls(): TestTls {
  const folder = process.env.HN_TEST_TLS_DIR;
  const caFile = process.env.NODE_EXTRA_CA_CERTS;
  if (!folder || !caFile) throw new Error('the live tests need the throwaway CA in NODE_EXTRA_CA_CERTS: run them through scripts/run-live-tests.mjs (npm test does)');
  return { folder, caFile, key: fs.readFileSync(path.join(folder, 'server-key.pem'), 'utf8'), cert: fs.readFileSync(path.join(folder, 'server-cert.pem'), 'utf8') };
}

// Node's RSA generation is native and fast; forge signs the certificates.
function rsaKeys(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey };
}

function certificate(publicKey: forge.pki.rsa.PublicKey, commonName: string, extensions: object[]): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setExtensions(extensions);
  return cert;
}
