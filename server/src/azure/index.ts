/**
 * The live coverage engine: what an Azure estate holds, as deployed today, run through the same
 * rules as the templates. No `vscode` import; the CLI (`hipaa-notify coverage`) and the language
 * server (for the VS Code coverage tree) both use this API.
 *
 *   const snapshot = await readLiveEstate({ credential, cloud: 'AzureCloud' | armEndpoint: 'https://...',
 *                                           subscriptions?, signal?, onProgress? });
 *   const report = analyseSnapshot(snapshot);   // { subscriptions, findings, coverage, errors, complete }
 *
 * - readLiveEstate only reads (GET, list, Resource Graph) through the Azure SDK clients with the
 *   given TokenCredential; token scopes and endpoints follow the cloud. It resolves with a
 *   LiveSnapshot (plain JSON, secrets redacted): failed reads are `errors` ({scope, status,
 *   message}) and the rest is still read; a 401 rejects with SignInError; an aborted `signal`
 *   resolves within a second with what was read and `complete: false`.
 * - analyseSnapshot is pure (no network, no files): findings are `{rule, level, message,
 *   resourceId, portalUrl?}`; coverage has, per subscription, the state of each HIPAA control
 *   (detect, route, deliver, log, retain: covered | gap | unknown) and, per notification
 *   component and PHI store, the alerts that detect it, the action groups and recipients
 *   reached, and whether it is logged, retained six years and locked.
 * - A LiveSnapshot is versioned JSON (`format`, `version`); snapshotFile.ts writes and reads it
 *   (schemas/live-snapshot.schema.json) for offline analysis.
 */
export { readLiveEstate, SignInError, type ReadOptions, type ReadProgress } from './readLiveEstate';
export { analyseSnapshot, type CoverageReport, type LiveFinding } from './analyseSnapshot';
export { controls, type Control, type ControlAnswer, type ControlState, type ResourceCoverage, type SubscriptionCoverage, type Tristate } from './coverage';
export { clouds, discoverCloud, isCloudName, resolveCloud, portalUrlOf, type Cloud, type CloudName } from './clouds';
export { snapshotFormat, snapshotVersion, type LiveResource, type LiveSnapshot, type ReadError, type SubscriptionRecord } from './snapshot';
export { redactJson, redactText } from './redact';
export { readSnapshotFile, writeSnapshotFile, parseSnapshot, SnapshotError } from './snapshotFile';
export { snapshotSchema } from './snapshotSchema';
