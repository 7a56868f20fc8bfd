import type { Node } from 'jsonc-parser';
import type { ArmOutput, ArmResource, ArmTemplate } from '../syntax/arm/armTemplate';
import { member, membersOf, stringOf } from '../syntax/arm/jsonNodes';
import { readArmTemplateNode } from '../syntax/arm/readArmTemplate';
import { targetScopeOfSchema } from '../syntax/arm/targetScope';
import type { Span } from '../syntax/span';
import type { CopyInstance, DeployedResource } from './deployedResource';
import { evaluateNode } from './evaluateNode';
import { EvaluationRun, EvaluationScope, type EvaluationProblem } from './evaluationScope';
import { limits } from './limits';
import { TemplateSymbols, type ParameterValues } from './templateSymbols';
import { arrayValue, objectValue, propertyOf, stringValue, unknownValue, withHead, type ObjectValue, type Value } from './value';

export interface ArmEvaluation {
  /** In template order; a nested deployment's resources follow the deployment resource. */
  readonly resources: readonly DeployedResource[];
  readonly outputs: readonly { readonly name: string; readonly value: Value }[];
  readonly problems: readonly EvaluationProblem[];
  /** False when a deployed nested deployment links its template: what it deploys is not in the model. */
  readonly complete: boolean;
}

/** Evaluates a template with parameter values (a parameter file's), else the defaults. */
export function evaluateArmTemplate(template: ArmTemplate, parameterValues?: ParameterValues, allGiven = false): ArmEvaluation {
  const run = new EvaluationRun();
  const scope = templateScope(template, parameterValues, run, template.targetScope, 0, allGiven);
  const resources: DeployedResource[] = [];
  deployAll(template.resources, scope, { condition: true, deployedBy: undefined }, resources);
  const outputs = template.outputs.map((output) => ({ name: output.name, value: outputValue(output, scope) }));
  return { resources, outputs, problems: run.problems, complete: run.linkedDeployments === 0 };
}

/** An output is its `value`, or with `copy` the array of `count` inputs. */
function outputValue(output: ArmOutput, scope: EvaluationScope): Value {
  const origin = scope.originOf(output.node);
  const copy = output.copy;
  if (copy === undefined) return output.value === undefined ? unknownValue('the output has no value', origin) : evaluateNode(output.value, scope);
  const count = copy.count === undefined ? undefined : evaluateNode(copy.count, scope);
  if (count?.kind !== 'number' || copy.input === undefined) return unknownValue('the output loop count is not known', origin, 'array');
  if (count.value < 0 || count.value > limits.maxCopyCount) return unknownValue(`the copy count ${count.value} is outside 0..${limits.maxCopyCount}`, origin, 'array');
  const items = Array.from({ length: count.value }, (_, i) => evaluateNode(copy.input!, scope.withCopyIndex(undefined, i)));
  return arrayValue(items, origin);
}

function templateScope(template: ArmTemplate, parameterValues: ParameterValues | undefined, run: EvaluationRun, targetScope: ArmTemplate['targetScope'], depth = 0, allGiven = false): EvaluationScope {
  const symbols = new TemplateSymbols(template.parameters, template.variables, parameterValues, allGiven);
  const scope = EvaluationScope.root(template, symbols, run, targetScope, depth);
  symbols.scope = scope;
  return scope;
}

interface Enclosing {
  readonly condition: boolean | 'unknown';
  /** How many parents enclose these resources. */
  readonly level?: number;
  readonly deployedBy: number | undefined;
  readonly parent?: { readonly type: string | undefined; readonly name: Value };
}

const notInBody = new Set(['resources', 'copy', 'condition']);

function deployAll(resources: readonly ArmResource[], scope: EvaluationScope, enclosing: Enclosing, out: DeployedResource[]): void {
  if ((enclosing.level ?? 0) > limits.maxChildDepth) {
    if (resources[0] !== undefined) scope.report(resources[0].node, `child resources nested more than ${limits.maxChildDepth} levels deep are not evaluated`);
    return;
  }
  for (const resource of resources) {
    if (scope.run.resources >= limits.maxResources) {
      scope.report(resource.node, `more than ${limits.maxResources} resources: the rest are not evaluated`);
      return;
    }
    for (const instance of copyInstances(resource, scope)) deployOne(resource, instance.scope, instance.copy, enclosing, out);
  }
}

function copyInstances(resource: ArmResource, scope: EvaluationScope): { scope: EvaluationScope; copy: CopyInstance | undefined }[] {
  const declared = resource.copy;
  if (declared === undefined) return [{ scope, copy: undefined }];
  const copy = { ...declared, name: loopName(declared.name, declared.node, scope) };
  const count = copy.count === undefined ? undefined : evaluateNode(copy.count, scope);
  if (count?.kind === 'number' && Number.isInteger(count.value) && count.value >= 0 && count.value <= limits.maxCopyCount) {
    return Array.from({ length: count.value }, (_, index) => ({ scope: scope.withCopyIndex(copy.name, index), copy: { name: copy.name, index, count: count.value } }));
  }
  if (count !== undefined && count.kind !== 'unknown') scope.report(copy.count ?? copy.node, `the copy count must be an integer between 0 and ${limits.maxCopyCount}`);
  // One record stands for all instances; whatever depends on copyIndex() is unknown.
  return [{ scope: scope.withCopyIndex(copy.name, undefined), copy: { name: copy.name, index: undefined, count: undefined } }];
}

function deployOne(resource: ArmResource, scope: EvaluationScope, copy: CopyInstance | undefined, enclosing: Enclosing, out: DeployedResource[]): void {
  scope.run.resources++;
  const condition = both(enclosing.condition, conditionOf(resource, scope));
  if (condition === false) scope.run.quiet++;
  try {
    deployEvaluated(resource, scope, copy, enclosing, condition, out);
  } finally {
    if (condition === false) scope.run.quiet--;
  }
}

function deployEvaluated(resource: ArmResource, scope: EvaluationScope, copy: CopyInstance | undefined, enclosing: Enclosing, condition: boolean | 'unknown', out: DeployedResource[]): void {
  const type = fullType(resource, scope, enclosing);
  const isDeployment = type?.toLowerCase() === 'microsoft.resources/deployments';
  const body = evaluateBody(resource.node, scope, isDeployment);
  const name = fullName(body, resource, scope, enclosing);
  const field = (key: string): Value | undefined => propertyOf(body, key);
  const apiVersion = field('apiVersion');
  const dependsOn = field('dependsOn');
  const record: DeployedResource = {
    type,
    apiVersion: apiVersion?.kind === 'string' ? apiVersion.value : undefined,
    name,
    symbolicName: resource.symbolicName,
    condition,
    existing: resource.existing,
    copy,
    location: field('location'),
    tags: field('tags'),
    identity: field('identity'),
    sku: field('sku'),
    kind: field('kind'),
    scope: field('scope'),
    properties: field('properties'),
    dependsOn: dependsOn?.kind === 'array' ? dependsOn.items : dependsOn === undefined ? [] : [dependsOn],
    body,
    origin: { ...scope.originOf(resource.node), head: headOf(resource) },
    deployedBy: enclosing.deployedBy,
    targetScope: scope.targetScope,
  };
  const index = out.length;
  out.push(record);
  deployAll(resource.children, scope, { condition, deployedBy: enclosing.deployedBy, parent: { type, name }, level: (enclosing.level ?? 0) + 1 }, out);
  if (isDeployment) deployNested(resource, scope, condition, index, out);
}

/** A finding about a resource sits on its `name` (else its `type`), not on the whole object. */
function headOf(resource: ArmResource): Span | undefined {
  const node = resource.name ?? resource.type;
  return node ? { offset: node.offset, length: node.length } : undefined;
}

function evaluateBody(node: Node, scope: EvaluationScope, isDeployment: boolean): ObjectValue {
  const properties = [];
  for (const { name, nameNode, value } of membersOf(node)) {
    const key = name.toLowerCase();
    if (notInBody.has(key)) continue;
    const evaluated = key === 'properties'
      ? isDeployment
        ? evaluateNode(value, scope, { skip: new Set(['template']), propertyCopy: true })
        : evaluateNode(value, scope, { propertyCopy: true })
      : evaluateNode(value, scope);
    properties.push({ name, value: evaluated.origin.span.offset === value.offset ? withHead(evaluated, nameNode) : evaluated });
  }
  return objectValue(properties, scope.originOf(node));
}

function conditionOf(resource: ArmResource, scope: EvaluationScope): boolean | 'unknown' {
  if (resource.condition === undefined) return true;
  const value = evaluateNode(resource.condition, scope);
  if (value.kind === 'boolean') return value.value;
  if (value.kind === 'string' && /^(true|false)$/i.test(value.value)) return value.value.toLowerCase() === 'true';
  if (value.kind !== 'unknown') scope.report(resource.condition, 'the condition must be a boolean');
  return 'unknown';
}

function both(a: boolean | 'unknown', b: boolean | 'unknown'): boolean | 'unknown' {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : 'unknown';
}

/** Some templates compute the loop name (`"name": "[concat(...)]"`). */
function loopName(name: string | undefined, node: Node, scope: EvaluationScope): string | undefined {
  if (name === undefined || !name.startsWith('[')) return name;
  const nameNode = member(node, 'name');
  const value = nameNode === undefined ? undefined : evaluateNode(nameNode, scope);
  return value?.kind === 'string' ? value.value : undefined;
}

/** A nested child's type is relative (`subnets`) unless written in full. */
function fullType(resource: ArmResource, scope: EvaluationScope, enclosing: Enclosing): string | undefined {
  if (resource.type === undefined) {
    if (!resource.existing) scope.report(resource.node, 'the resource has no type');
    return undefined;
  }
  const value = evaluateNode(resource.type, scope);
  if (value.kind !== 'string') return undefined;
  const type = value.value;
  const parent = enclosing.parent;
  if (parent === undefined) return type;
  if (parent.type === undefined) return undefined;
  return isFullType(type) ? type : `${parent.type}/${type}`;
}

function isFullType(type: string): boolean {
  return /^(?=[^/]*\/)[^/]+\.[^/]+\//.test(type);
}

function fullName(body: ObjectValue, resource: ArmResource, scope: EvaluationScope, enclosing: Enclosing): Value {
  const name = propertyOf(body, 'name') ?? unknownValue('the resource has no name', scope.originOf(resource.node), 'string');
  const parent = enclosing.parent;
  if (parent === undefined) return name;
  const typeNode = stringOf(resource.type);
  if (typeNode !== undefined && isFullType(typeNode) && name.kind === 'string' && parent.type !== undefined && name.value.split('/').length >= typeNode.split('/').length - 1) return name;
  if (name.kind !== 'string') return name.kind === 'unknown' ? name : unknownValue('the resource name is not a string', name.origin, 'string');
  if (parent.name.kind !== 'string') return unknownValue(parent.name.kind === 'unknown' ? `the parent's name is not known (${parent.name.reason})` : "the parent's name is not a string", name.origin, 'string');
  return stringValue(`${parent.name.value}/${name.value}`, name.origin);
}

const nestedTemplates = new WeakMap<Node, ArmTemplate>();

/** Read once per node: a deployment inside a copy loop is evaluated once per instance. */
function nestedTemplateOf(outer: ArmTemplate, node: Node): ArmTemplate {
  let inner = nestedTemplates.get(node);
  if (inner === undefined) {
    inner = readArmTemplateNode(outer.file, outer.text, node);
    nestedTemplates.set(node, inner);
  }
  return inner;
}

/**
 * An inline nested deployment: with `expressionEvaluationOptions.scope` `inner` its template has
 * its own parameters and variables; otherwise (`outer`, the default) it sees the parent's.
 */
function deployNested(resource: ArmResource, scope: EvaluationScope, condition: boolean | 'unknown', index: number, out: DeployedResource[]): void {
  const properties = resource.properties;
  const templateNode = member(properties, 'template');
  if (templateNode?.type !== 'object') {
    if (condition !== false) scope.run.linkedDeployments++;
    return;
  }
  if (scope.depth >= limits.maxNestedDeployments) {
    scope.report(templateNode, `nested deployments deeper than ${limits.maxNestedDeployments} levels are not evaluated`);
    return;
  }
  const inner = nestedTemplateOf(scope.template, templateNode);
  const targetScope = targetScopeOfSchema(inner.schema) ?? scope.targetScope;
  const innerScoped = stringOf(member(member(properties, 'expressionEvaluationOptions'), 'scope'))?.toLowerCase() === 'inner';
  const depth = scope.depth + 1;
  let innerScope: EvaluationScope;
  if (innerScoped) {
    const values = new Map<string, Value>();
    // Entries may be `{ value }`, `{ reference }` or a property loop (`{ copy: [{ name: 'value', ... }] }`).
    const given = member(properties, 'parameters');
    const entries = given === undefined ? undefined : evaluateNode(given, scope, { propertyCopy: true });
    for (const entry of entries?.kind === 'object' ? entries.properties : []) {
      const value = entry.value.kind === 'object' ? propertyOf(entry.value, 'value') : undefined;
      const reference = entry.value.kind === 'object' ? propertyOf(entry.value, 'reference') : undefined;
      values.set(entry.name.toLowerCase(), value ?? unknownValue(reference !== undefined ? 'comes from a Key Vault secret, known only at deployment' : 'the parameter has no value', entry.value.origin));
    }
    innerScope = templateScope(inner, values, scope.run, targetScope, depth, given === undefined || entries?.kind === 'object');
  } else {
    innerScope = EvaluationScope.root({ ...inner, functions: scope.template.functions }, scope.symbols, scope.run, targetScope, depth);
  }
  // An outer-scoped nested template that declares its own parameters or variables reads as if it
  // meant inner scope; whether ARM resolves them is unclear, so its names are not reported.
  const ambiguous = !innerScoped && (inner.parameters.length > 0 || inner.variables.length > 0);
  if (ambiguous) scope.run.quiet++;
  try {
    deployAll(inner.resources, innerScope, { condition, deployedBy: index }, out);
  } finally {
    if (ambiguous) scope.run.quiet--;
  }
}
