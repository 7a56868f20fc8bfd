import * as path from 'node:path';
import type { ModuleDeclaration } from '../../syntax/bicep';
import { stringValue as literalText } from '../../syntax/bicep';
import { readArmTemplate } from '../../syntax/arm/readArmTemplate';
import type { DeployedResource } from '../deployedResource';
import { evaluateArmTemplate } from '../evaluateArmTemplate';
import { limits } from '../limits';
import { objectValue, unknownValue, type Value } from '../value';
import type { Instance } from './bicepResources';
import { evaluateBicepText } from './evaluateBicepFile';

/** What a module call deploys and returns. */
export interface ModuleEvaluation {
  /** In the module's own order; `deployedBy` indexes are relative to this list. */
  readonly resources: readonly DeployedResource[];
  /** `x.outputs`: an object of output values, or unknown. */
  readonly outputs: Value;
  /** False when what the module deploys is not (fully) known: a registry module, a missing or broken file. */
  readonly complete: boolean;
  /** A registry or template spec module (`br:`, `br/`, `ts:`), whose source is not in the workspace. */
  readonly registry: boolean;
}

const registryPath = /^(br|ts)[:/]/i;

/** Evaluates the file a module declaration points at, with the parameter values of one instance. */
export function evaluateModule(declaration: ModuleDeclaration, instance: Instance, params: Value | undefined): ModuleEvaluation {
  const scope = instance.scope;
  const origin = scope.originOf(declaration.path);
  const incomplete = (reason: string, registry = false): ModuleEvaluation => ({ resources: [], outputs: unknownValue(reason, origin, 'object'), complete: false, registry });
  const target = literalText(declaration.path);
  if (target === undefined) return incomplete('the module path is not known');
  if (registryPath.test(target)) return incomplete(`the module '${target}' comes from a registry; its outputs are known only at deployment`, true);
  const file = path.resolve(path.dirname(scope.file), target);
  const context = scope.context;
  if (context.chain.includes(file)) {
    scope.report(declaration.path, 'the module includes itself (directly or through other modules)');
    return incomplete('the module includes itself');
  }
  if (context.chain.length > limits.maxNestedDeployments) {
    scope.report(declaration.path, `modules nested more than ${limits.maxNestedDeployments} levels deep are not evaluated`);
    return incomplete('the modules nest too deeply');
  }
  const text = context.load(file);
  if (text === undefined) {
    scope.reportUnresolved(declaration.path, `the module file '${target}' does not exist in the workspace`);
    return incomplete(`the module file '${target}' is not in the workspace`);
  }
  context.run.modules.add(file);
  const values = new Map<string, Value>();
  if (params?.kind === 'object') for (const property of params.properties) values.set(property.name.toLowerCase(), property.value);
  const allGiven = params === undefined || params.kind === 'object';
  const run = context.run;
  if (/\.json$/i.test(file)) {
    const template = readArmTemplate(file, text);
    if (template === undefined) return incomplete(`the module '${target}' is not an ARM template`);
    const evaluation = evaluateArmTemplate(template, values, allGiven);
    const outputs = objectValue(evaluation.outputs.map((output) => ({ name: output.name, value: output.value })), origin);
    return { resources: evaluation.resources, outputs, complete: template.problems.length === 0 && evaluation.complete, registry: false };
  }
  const evaluation = evaluateBicepText(file, text, values, { run, load: context.load, chain: [...context.chain, file], allGiven });
  const outputs = objectValue(evaluation.outputs.map((output) => ({ name: output.name, value: output.value })), origin);
  return { resources: evaluation.resources, outputs, complete: evaluation.complete, registry: false };
}
