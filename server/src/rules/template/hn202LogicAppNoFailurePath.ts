import type { DeployedResource } from '../../model/deployedResource';
import { connectorOf, enclosingActions, isFailureStatus, messagingConnectors, runAfterMap, runAfterOf, withWorkflowParameters, workflowParameterValue, type WorkflowAction } from '../../model/logicAppWorkflow';
import { notifierActions } from '../../model/notificationComponents';
import { knownString } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { fixToReview, setProperty, type Fix } from '../fixIntent';
import { defineRule, describe } from '../rule';

const sendingMethods = ['post', 'put', 'patch'];
/** Calls that read secrets or manage resources (Key Vault, Azure Resource Manager, in any Azure cloud) are plumbing, not notifications. */
const plumbingHosts = /^https?:\/\/([^/?#:]+\.vault\.(azure\.net|usgovcloudapi\.net|azure\.cn)|management\.(azure\.com|usgovcloudapi\.net|chinacloudapi\.cn))(:\d+)?([/?#]|$)/i;

/** HN202: a notification that fails for good must leave a trace someone will see. */
export const hn202LogicAppNoFailurePath = defineRule('HN202', 'A sending action of a notification Logic App has no later action that runs when it fails or times out.', (context, report) => {
  for (const { workflow, action } of notifierActions(context.resources)) {
    if (sends(workflow, action) !== true) continue;
    const path = failurePath(action);
    if (path !== false) continue;
    report({
      at: action.body,
      resource: workflow,
      fixes: failureScopeFix(action),
      message: `action '${action.name}' of ${describe(workflow)} sends a notification but nothing runs when it fails: add an action that runs after it on Failed and TimedOut (escalate, record an incident, or dead-letter the message)`,
    });
  }
}, {
  fix: "adds a Scope beside the sending action that runs after it on Failed and TimedOut and records the failure (action, status, error, time) in the run history; offered for review, never applied by fix-all or check --fix, since the author should make it escalate or open an incident",
});

/**
 * A Scope beside the action that runs when it fails or times out and records the failure (its
 * status and error, in the run history and the WorkflowRuntime log); the author makes it escalate.
 */
function failureScopeFix(action: WorkflowAction): Fix[] {
  const taken = new Set(action.siblings.properties.map((p) => p.name.toLowerCase()));
  const base = `Handle_${action.name}_failure`.replace(/[^A-Za-z0-9_]/g, '_');
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  const scope = {
    type: 'Scope',
    actions: {
      Record_failure: {
        type: 'Compose',
        inputs: { failedAction: action.name, status: `@{actions('${action.name}')?['status']}`, error: `@{actions('${action.name}')?['error']}`, at: '@{utcNow()}' },
        runAfter: {},
      },
    },
    runAfter: { [action.name]: ['Failed', 'TimedOut'] },
  };
  return [fixToReview(`Add a Scope that runs when '${action.name}' fails or times out`, setProperty(action.siblings.origin, [name], scope))];
}

/** Whether the action sends a notification; 'unknown' when its method or address cannot be known. */
function sends(workflow: DeployedResource, action: WorkflowAction): boolean | 'unknown' {
  const type = action.type?.toLowerCase();
  if (type === 'function') return true;
  if (type === 'apiconnection' || type === 'apiconnectionwebhook') return messagingConnectors.has(connectorOf(workflow, action) ?? '');
  if (type !== 'http' && type !== 'httpwebhook') return false;
  const inputs = action.inputs;
  if (inputs?.kind === 'unknown') return 'unknown';
  if (inputs?.kind !== 'object') return false;
  const request = type === 'httpwebhook' ? valueAt(inputs, ['subscribe']) : inputs;
  if (request?.kind === 'unknown') return 'unknown';
  if (request?.kind !== 'object') return false;
  const method = valueAt(request, ['method']);
  if (method?.kind === 'unknown') return 'unknown';
  const verb = knownString(method)?.toLowerCase();
  if (verb === undefined || !sendingMethods.includes(verb)) return false;
  const target = address(workflow, valueAt(request, ['uri']));
  if (target === undefined) return 'unknown';
  return !plumbingHosts.test(target);
}

/**
 * The URI as far as it decides the host: a known string with the workflow's parameters filled
 * in, or the known start of a URI computed at deployment when it already holds the host.
 */
function address(workflow: DeployedResource, uri: Value | undefined): string | undefined {
  if (uri?.kind === 'string') {
    const written = workflowParameterValue(workflow, uri);
    return written?.kind === 'string' ? withWorkflowParameters(workflow, written.value) : undefined;
  }
  if (uri?.kind === 'unknown' && uri.prefix && /^[a-z]+:\/\/[^/?#]+[/?#]/i.test(uri.prefix)) return uri.prefix;
  return undefined;
}

/**
 * Whether a failure of the action is handled: some action runs after it (or after a container
 * holding it) on Failed or TimedOut, or on Skipped after an action that its failure skips; or
 * it is itself part of such a path. 'unknown' when a `runAfter` on the way cannot be known.
 */
function failurePath(action: WorkflowAction): boolean | 'unknown' {
  let unknown = false;
  for (const step of enclosingActions(action)) {
    const own = runAfterOf(step);
    if (own === 'unknown') unknown = true;
    else if ([...own.values()].some((statuses) => statuses.some(isFailureStatus))) return true;
    const handled = handledAmongSiblings(step);
    if (handled === true) return true;
    if (handled === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

/**
 * When `step` fails, the actions of its list that wait for its success are skipped, and so are
 * those that wait for theirs: a sibling that runs on that failure, or on one of those skips, handles it.
 */
function handledAmongSiblings(step: WorkflowAction): boolean | 'unknown' {
  let unknown = false;
  const waits = new Map<string, Map<string, string[]>>();
  for (const sibling of step.siblings.properties) {
    const runAfter = sibling.value.kind === 'unknown' ? 'unknown' : sibling.value.kind === 'object' ? runAfterMap(valueAt(sibling.value, ['runAfter'])) : new Map<string, string[]>();
    if (runAfter === 'unknown') unknown = true;
    else waits.set(sibling.name, runAfter);
  }
  const skipped = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, predecessors] of waits) {
      if (name === step.name || skipped.has(name)) continue;
      const own = predecessors.get(step.name);
      if (own?.some(isFailureStatus)) return true;
      const afterSkip = [...skipped].map((s) => predecessors.get(s)).filter((statuses) => statuses !== undefined);
      if (afterSkip.some((statuses) => statuses.some((status) => status.toLowerCase() === 'skipped'))) return true;
      if (own !== undefined || afterSkip.length > 0) {
        skipped.add(name);
        grew = true;
      }
    }
  }
  return unknown ? 'unknown' : false;
}
