import type { DeployedResource } from './deployedResource';
import { knownString, sameType } from './resourceReference';
import { valueAt, type ObjectValue, type Value } from './value';

export const logicAppType = 'Microsoft.Logic/workflows';

/** One action of a workflow definition, wherever it is nested. */
export interface WorkflowAction {
  readonly name: string;
  /** The action as written (`{ type, inputs, runAfter, ... }`). */
  readonly body: ObjectValue;
  /** `Http`, `ApiConnection`, `Scope`, `If`, ... when known. */
  readonly type: string | undefined;
  readonly inputs: Value | undefined;
  readonly runAfter: Value | undefined;
  /** HTTP, ApiConnection and Function actions carry `retryPolicy` inside `inputs`. */
  readonly retryPolicy: Value | undefined;
  /** The container action (Scope, If, Foreach, Until, Switch), undefined at the top level. */
  readonly parent: WorkflowAction | undefined;
  /** The action list this action sits in: `runAfter` names siblings from this list. */
  readonly siblings: ObjectValue;
}

export interface WorkflowTrigger {
  readonly name: string;
  readonly body: ObjectValue;
  /** `Recurrence`, `Request`, `ApiConnection`, ... when known. */
  readonly type: string | undefined;
  readonly inputs: Value | undefined;
  /** `recurrence` (with `frequency`, `interval`, `schedule`, `startTime`, `timeZone`). */
  readonly recurrence: Value | undefined;
}

export function isLogicApp(resource: DeployedResource): boolean {
  return sameType(resource.type, logicAppType);
}

/** `properties.definition` of a Consumption Logic App; unknown when computed at deployment. */
export function workflowDefinition(workflow: DeployedResource): Value | undefined {
  return workflow.properties ? valueAt(workflow.properties, ['definition']) : undefined;
}

/**
 * Every action of the workflow, depth first, including those inside Scope, If (`actions`,
 * `else.actions`), Foreach, Until and Switch (`cases.*.actions`, `default.actions`).
 * 'unknown' when the definition or an action list cannot be known: rules then stay silent.
 */
export function workflowActions(workflow: DeployedResource): WorkflowAction[] | 'unknown' {
  const definition = workflowDefinition(workflow);
  if (!definition || definition.kind === 'null') return [];
  if (definition.kind === 'unknown') return 'unknown';
  const actions: WorkflowAction[] = [];
  return collectActions(valueAt(definition, ['actions']), undefined, actions) ? actions : 'unknown';
}

function collectActions(list: Value | undefined, parent: WorkflowAction | undefined, into: WorkflowAction[]): boolean {
  if (!list || list.kind === 'null') return true;
  if (list.kind === 'unknown') return false;
  if (list.kind !== 'object') return true;
  let known = true;
  for (const { name, value } of list.properties) {
    if (value.kind === 'unknown') {
      known = false;
      continue;
    }
    if (value.kind !== 'object') continue;
    const inputs = valueAt(value, ['inputs']);
    const action: WorkflowAction = {
      name,
      body: value,
      type: knownString(valueAt(value, ['type'])),
      inputs,
      runAfter: valueAt(value, ['runAfter']),
      retryPolicy: inputs?.kind === 'object' ? valueAt(inputs, ['retryPolicy']) : undefined,
      parent,
      siblings: list,
    };
    into.push(action);
    for (const nested of nestedActionLists(value)) if (!collectActions(nested, action, into)) known = false;
  }
  return known;
}

/** The action lists a container action holds; an unknown `cases` object is passed on as unknown. */
function nestedActionLists(action: ObjectValue): (Value | undefined)[] {
  const lists = [valueAt(action, ['actions']), valueAt(action, ['else', 'actions']), valueAt(action, ['default', 'actions'])];
  const cases = valueAt(action, ['cases']);
  if (cases?.kind === 'unknown') lists.push(cases);
  else if (cases?.kind === 'object') for (const branch of cases.properties) lists.push(branch.value.kind === 'object' ? valueAt(branch.value, ['actions']) : branch.value.kind === 'unknown' ? branch.value : undefined);
  return lists;
}

/** The workflow's triggers; 'unknown' when the definition or the trigger list cannot be known. */
export function workflowTriggers(workflow: DeployedResource): WorkflowTrigger[] | 'unknown' {
  const definition = workflowDefinition(workflow);
  if (!definition || definition.kind === 'null') return [];
  if (definition.kind === 'unknown') return 'unknown';
  const list = valueAt(definition, ['triggers']);
  if (!list || list.kind === 'null') return [];
  if (list.kind === 'unknown') return 'unknown';
  if (list.kind !== 'object') return [];
  const triggers: WorkflowTrigger[] = [];
  for (const { name, value } of list.properties) {
    if (value.kind === 'unknown') return 'unknown';
    if (value.kind !== 'object') continue;
    triggers.push({ name, body: value, type: knownString(valueAt(value, ['type'])), inputs: valueAt(value, ['inputs']), recurrence: valueAt(value, ['recurrence']) });
  }
  return triggers;
}

/**
 * The `runAfter` of an action: predecessor name -> statuses (`Succeeded`, `Failed`, `Skipped`,
 * `TimedOut`). An empty map means it runs first in its container. 'unknown' when not known.
 */
export function runAfterOf(action: WorkflowAction): Map<string, string[]> | 'unknown' {
  return runAfterMap(action.runAfter);
}

/** `runAfterOf` for an action's `runAfter` value as written (of a sibling read from its list). */
export function runAfterMap(runAfter: Value | undefined): Map<string, string[]> | 'unknown' {
  const result = new Map<string, string[]>();
  if (!runAfter || runAfter.kind === 'null') return result;
  if (runAfter.kind === 'unknown') return 'unknown';
  if (runAfter.kind !== 'object') return result;
  for (const { name, value } of runAfter.properties) {
    if (value.kind === 'unknown') return 'unknown';
    const statuses: string[] = [];
    if (value.kind === 'array') {
      for (const item of value.items) {
        if (item.kind === 'unknown') return 'unknown';
        const status = knownString(item);
        if (status !== undefined) statuses.push(status);
      }
    }
    result.set(name, statuses);
  }
  return result;
}

/** The action and the container actions around it, innermost first. */
export function enclosingActions(action: WorkflowAction): WorkflowAction[] {
  const chain: WorkflowAction[] = [];
  for (let current: WorkflowAction | undefined = action; current; current = current.parent) chain.push(current);
  return chain;
}

/**
 * The managed API an ApiConnection action uses (`office365`, `sendgrid`, `twilio`, `teams`...),
 * lower-cased: from `inputs.host.connection.name` (`@parameters('$connections')['office365']...`)
 * resolved through the workflow's `$connections` parameter to its managed API ID, else the key itself.
 */
export function connectorOf(workflow: DeployedResource, action: WorkflowAction): string | undefined {
  const inputs = action.inputs;
  if (!inputs || inputs.kind !== 'object') return undefined;
  const apiId = knownString(valueAt(inputs, ['host', 'api', 'runtimeUrl'])) ?? knownString(valueAt(inputs, ['host', 'apiId']));
  if (apiId) return lastSegment(apiId);
  const connection = knownString(valueAt(inputs, ['host', 'connection', 'name'])) ?? knownString(valueAt(inputs, ['host', 'connection', 'referenceName']));
  if (!connection) return undefined;
  const key = /\[\s*'([^']+)'\s*\]/.exec(connection)?.[1] ?? connection;
  const managedApi = connectionsParameter(workflow, key);
  return managedApi ? lastSegment(managedApi) : key.toLowerCase();
}

/** `$connections.value.<key>.id` (the managed API ID) from the workflow's parameters. */
function connectionsParameter(workflow: DeployedResource, key: string): string | undefined {
  if (!workflow.properties) return undefined;
  return knownString(valueAt(workflow.properties, ['parameters', '$connections', 'value', key, 'id']));
}

function lastSegment(id: string): string {
  return id.replace(/(?<!\/)\/+$/, '').split('/').pop()!.toLowerCase();
}

/** A field that is exactly `@parameters('name')` reads the workflow parameter's value (or its default). */
export function workflowParameterValue(workflow: DeployedResource, value: Value): Value | undefined {
  if (value.kind !== 'string') return value;
  const parameter = /^@parameters\('([^']+)'\)$/.exec(value.value.trim())?.[1];
  if (!parameter) return value;
  const given = workflow.properties ? valueAt(workflow.properties, ['parameters', parameter, 'value']) : undefined;
  if (given) return given;
  const definition = workflowDefinition(workflow);
  return definition ? valueAt(definition, ['parameters', parameter, 'defaultValue']) : undefined;
}

/**
 * The text with each `@{parameters('name')}` replaced by the workflow parameter's known string
 * value; undefined when one of them cannot be known. Other run-time expressions stay as written.
 */
export function withWorkflowParameters(workflow: DeployedResource, text: string): string | undefined {
  let known = true;
  const replaced = text.replace(/@\{\s*parameters\('([^']+)'\)\s*\}/g, (whole, name: string) => {
    const value = workflowParameterValue(workflow, { kind: 'string', value: `@parameters('${name}')`, origin: workflow.origin });
    if (value?.kind === 'string' && !value.value.startsWith('@')) return value.value;
    known = false;
    return whole;
  });
  return known ? replaced : undefined;
}

/** Managed connectors that deliver mail, chat or text messages to people. */
export const messagingConnectors: ReadonlySet<string> = new Set(['office365', 'outlook', 'smtp', 'sendgrid', 'twilio', 'teams']);

/** Statuses of a `runAfter` that make an action run when its predecessor did not succeed. */
export function isFailureStatus(status: string): boolean {
  return ['failed', 'timedout'].includes(status.toLowerCase());
}
