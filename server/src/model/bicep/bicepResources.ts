import type { ModuleDeclaration, ObjectExpression, ResourceDeclaration } from '../../syntax/bicep';
import { findProperty, splitResourceType, stringValue as literalText } from '../../syntax/bicep';
import type { CopyInstance, DeployedResource } from '../deployedResource';
import { arrayValue, objectValue, propertyOf, stringValue, unknownValue, type ObjectValue, type Value } from '../value';
import type { BicepScope } from './bicepScope';
import { evaluateBicep, loopPasses, objectOf } from './evaluateBicepExpression';
import { evaluateModule, type ModuleEvaluation } from './bicepModules';
import { identityOf, referenceValue, resourceIdOf, type ResourceIdentity } from './resourceIdentity';

type Declaration = ResourceDeclaration | ModuleDeclaration;

/** One deployment of a resource or module declaration: one per loop pass, or one for all when the loop is not known. */
export interface Instance {
  readonly scope: BicepScope;
  readonly body: ObjectExpression | undefined;
  readonly condition: boolean | 'unknown';
  readonly copy: CopyInstance | undefined;
  identity?: ResourceIdentity;
  module?: ModuleEvaluation;
  children?: Map<ResourceDeclaration, Instance[]>;
}

const instancesByDeclaration = new WeakMap<BicepScope['context'], Map<Declaration, Instance[]>>();

/** The instances of a file-level declaration, computed once per file evaluation. */
export function instancesOf(declaration: Declaration, scope: BicepScope): Instance[] {
  let byDeclaration = instancesByDeclaration.get(scope.context);
  if (!byDeclaration) instancesByDeclaration.set(scope.context, (byDeclaration = new Map()));
  let instances = byDeclaration.get(declaration);
  if (!instances) byDeclaration.set(declaration, (instances = expand(declaration, scope)));
  return instances;
}

function expand(declaration: Declaration, scope: BicepScope): Instance[] {
  const value = declaration.value;
  switch (value.kind) {
    case 'ObjectExpression':
      return [{ scope, body: value, condition: true, copy: undefined }];
    case 'IfCondition':
      return [{ scope, body: bodyOf(value.body), condition: conditionOf(value.condition, scope), copy: undefined }];
    case 'ForExpression': {
      const name = declaration.name.name;
      const passes = loopPasses(value, scope);
      const filtered = value.body.kind === 'IfCondition' ? value.body : undefined;
      const body = filtered ? bodyOf(filtered.body) : value.body.kind === 'ObjectExpression' ? value.body : undefined;
      if (!Array.isArray(passes)) {
        // One record stands for every pass; what depends on the item or index is unknown.
        const locals = new Map<string, Value>([[value.item.name, passes]]);
        if (value.index) locals.set(value.index.name, unknownValue(passes.kind === 'unknown' ? passes.reason : 'the loop is not known', passes.origin, 'number'));
        const loopScope = scope.withLocals(locals);
        return [{ scope: loopScope, body, condition: filtered ? conditionOf(filtered.condition, loopScope) : true, copy: { name, index: undefined, count: undefined } }];
      }
      return passes.map((pass) => ({
        scope: pass.scope,
        body,
        condition: filtered ? conditionOf(filtered.condition, pass.scope) : true,
        copy: { name, index: pass.index, count: passes.length },
      }));
    }
    case 'Skipped':
      return [];
  }
}

function bodyOf(body: ObjectExpression | { kind: 'Skipped' }): ObjectExpression | undefined {
  return body.kind === 'ObjectExpression' ? body : undefined;
}

function conditionOf(condition: Parameters<typeof evaluateBicep>[0], scope: BicepScope): boolean | 'unknown' {
  const value = evaluateBicep(condition, scope);
  if (value.kind === 'boolean') return value.value;
  if (value.kind !== 'unknown') scope.report(condition, 'the condition must be a boolean');
  return 'unknown';
}

/** A property of a declaration's body, evaluated in the instance's scope. */
function bodyProperty(instance: Instance, name: string): Value | undefined {
  const property = instance.body && findProperty(instance.body, name);
  return property && evaluateBicep(property.value, instance.scope);
}

const deploymentsType = 'Microsoft.Resources/deployments';

const instanceOf = new WeakMap<ResourceIdentity, Instance>();

/** What a resource or module instance names; `enclosing` is the parent a nested declaration sits in. */
export function identityOfInstance(declaration: Declaration, instance: Instance, enclosing?: ResourceIdentity): ResourceIdentity {
  if (instance.identity) return instance.identity;
  const origin = instance.scope.originOf(declaration);
  const targetScope = instance.scope.context.targetScope;
  if (declaration.kind === 'ModuleDeclaration') {
    const name = bodyProperty(instance, 'name') ?? unknownValue('the module name is generated from deployment().name', origin, 'string');
    const scope = bodyProperty(instance, 'scope');
    return (instance.identity = { declaration, type: deploymentsType, apiVersion: '2022-09-01', fullName: name, name, id: resourceIdOf(deploymentsType, name, scope, targetScope, origin) });
  }
  const declared = literalText(declaration.type);
  const { type, apiVersion } = declared === undefined ? { type: undefined, apiVersion: undefined } : splitResourceType(declared);
  const parent = enclosing ?? identityOf(bodyProperty(instance, 'parent'));
  const fullType = type === undefined ? undefined : parent === undefined || isFullType(type) ? type : parent.type === undefined ? undefined : `${parent.type}/${type}`;
  const name = bodyProperty(instance, 'name') ?? unknownValue('the resource has no name', origin, 'string');
  const fullName = parent === undefined ? name : childName(parent.fullName, name);
  const scope = parent === undefined ? bodyProperty(instance, 'scope') : undefined;
  const id = parent !== undefined && parent.id.kind === 'string' && name.kind === 'string' && fullType !== undefined
    ? stringValue(`${parent.id.value}/${fullType.split('/').pop()}/${name.value}`, origin)
    : resourceIdOf(fullType, fullName, scope, targetScope, origin);
  // A nested child written without a version (`'subnets'`) uses its parent's.
  instance.identity = { declaration, type: fullType, apiVersion: apiVersion ?? enclosing?.apiVersion, fullName, name, id };
  instanceOf.set(instance.identity, instance);
  return instance.identity;
}

function isFullType(type: string): boolean {
  return /^(?=[^/]*\/)[^/]+\.[^/]+\//.test(type);
}

function childName(parent: Value, name: Value): Value {
  if (name.kind !== 'string') return name.kind === 'unknown' ? name : unknownValue('the resource name is not a string', name.origin, 'string');
  if (parent.kind !== 'string') return { ...unknownValue(`the parent's name is not known${parent.kind === 'unknown' ? ` (${parent.reason})` : ''}`, name.origin, 'string'), parentName: parent };
  return stringValue(`${parent.value}/${name.value}`, name.origin);
}

/** The value of a resource symbol: one reference, or an array of them for a loop. */
export function resourceSymbolValue(declaration: ResourceDeclaration, scope: BicepScope): Value {
  return symbolValue(declaration, instancesOf(declaration, scope), scope, (instance) => referenceValue(identityOfInstance(declaration, instance), scope.originOf(declaration.name)));
}

/** The value of a module symbol: its name and outputs, or an array of them for a loop. */
export function moduleSymbolValue(declaration: ModuleDeclaration, scope: BicepScope): Value {
  return symbolValue(declaration, instancesOf(declaration, scope), scope, (instance) => {
    const origin = scope.originOf(declaration.name);
    const outputs = moduleOf(declaration, instance).outputs;
    return referenceValue(identityOfInstance(declaration, instance), origin, [{ name: 'outputs', value: outputs }]);
  });
}

function symbolValue(declaration: Declaration, instances: readonly Instance[], scope: BicepScope, reference: (instance: Instance) => ObjectValue): Value {
  const origin = scope.originOf(declaration.name);
  if (declaration.value.kind !== 'ForExpression') return instances[0] ? reference(instances[0]) : unknownValue(`'${declaration.name.name}' has a syntax error`, origin);
  if (instances.length === 1 && instances[0].copy?.index === undefined) return unknownValue(`the loop of '${declaration.name.name}' is not known`, origin, 'array');
  return arrayValue(instances.map(reference), origin);
}

export function moduleOf(declaration: ModuleDeclaration, instance: Instance): ModuleEvaluation {
  return (instance.module ??= evaluateModule(declaration, instance, bodyProperty(instance, 'params')));
}

/** The instances of a resource declared inside a parent's body, for one instance of that parent. */
export function childInstances(child: ResourceDeclaration, parent: Instance): Instance[] {
  parent.children ??= new Map();
  let instances = parent.children.get(child);
  if (!instances) parent.children.set(child, (instances = expand(child, parent.scope)));
  return instances;
}

/** `parent::child`: finds the instance of the parent the reference names, then the child in it. */
export function nestedResourceValue(parent: Value, childName: string, scope: BicepScope): Value | undefined {
  const identity = identityOf(parent);
  if (!identity || identity.declaration.kind !== 'ResourceDeclaration' || identity.declaration.value.kind === 'Skipped') return undefined;
  const body = identity.declaration.value.kind === 'ObjectExpression' ? identity.declaration.value : identity.declaration.value.kind === 'IfCondition' ? bodyOf(identity.declaration.value.body) : undefined;
  const child = body?.properties.find((member): member is ResourceDeclaration => member.kind === 'ResourceDeclaration' && member.name.name === childName);
  if (!child) return undefined;
  const parentInstance = instanceOf.get(identity);
  if (!parentInstance) return undefined;
  const instances = childInstances(child, parentInstance);
  return symbolValue(child, instances, scope, (instance) => referenceValue(identityOfInstance(child, instance, identity), scope.originOf(child.name)));
}

/** The declaration evaluated as ARM would see it: the body without the Bicep-only keys. */
export function evaluatedBody(instance: Instance, skip: ReadonlySet<string>): ObjectValue {
  if (!instance.body) return objectValue([], instance.scope.originOf({ offset: 0, length: 0 }));
  const body = objectOf(instance.body, instance.scope, skip);
  return body.kind === 'object' ? body : objectValue([], body.origin);
}

export function fieldOf(body: ObjectValue, name: string): Value | undefined {
  return propertyOf(body, name);
}

export type { DeployedResource };
