import * as path from 'node:path';
import type { TargetScope } from '../../syntax/arm/targetScope';
import type { Span } from '../../syntax/span';
import { parseBicep, stringValue as literalText, type BicepFile, type ModuleDeclaration, type ResourceDeclaration } from '../../syntax/bicep';
import type { DeployedResource } from '../deployedResource';
import { EvaluationRun, type EvaluationProblem } from '../evaluationScope';
import { limits } from '../limits';
import type { ParameterValues } from '../templateSymbols';
import { objectValue, stringValue, type ObjectProperty, type Value } from '../value';
import { childInstances, evaluatedBody, identityOfInstance, instancesOf, moduleOf, type Instance } from './bicepResources';
import { BicepScope, type BicepFileContext, type FileLoader } from './bicepScope';
import { BicepSymbols } from './bicepSymbols';
import { evaluateBicep } from './evaluateBicepExpression';
import type { ResourceIdentity } from './resourceIdentity';
import { identityOf } from './resourceIdentity';

export interface BicepEvaluation {
  readonly parsed: BicepFile;
  /** In declaration order; a nested resource follows its parent, a module's resources follow its deployment. */
  readonly resources: readonly DeployedResource[];
  readonly outputs: readonly { readonly name: string; readonly value: Value }[];
  readonly problems: readonly EvaluationProblem[];
  /** False when the file has syntax errors or a module whose resources are not known (registry, missing file). */
  readonly complete: boolean;
  /** Files deployed as modules, at any depth. */
  readonly modules: ReadonlySet<string>;
}

export interface EvaluationOptions {
  readonly load: FileLoader;
  /** Shared by a file and its modules: one step budget, one list of problems. */
  readonly run?: EvaluationRun;
  /** The module chain that leads to this file (for cycles); the file itself is added. */
  readonly chain?: readonly string[];
  /** The parameters come from a module call, which passes all it ever will. */
  readonly allGiven?: boolean;
}

const parsedFiles = new Map<string, BicepFile>();
// The modules a workspace's templates call in turn (files are evaluated in path order); more
// trees would only hold memory.
const maxParsed = 100;

/** Parses once per text: a module called in a loop, or by each of its tests, is read once. */
export function parsedBicep(file: string, text: string, kind: 'bicep' | 'bicepparam' = 'bicep'): BicepFile {
  const cached = parsedFiles.get(file);
  if (cached && cached.text === text && cached.kind === kind) {
    parsedFiles.delete(file);
    parsedFiles.set(file, cached);
    return cached;
  }
  const parsed = parseBicep(text, { kind });
  if (parsedFiles.size >= maxParsed) parsedFiles.delete(parsedFiles.keys().next().value!);
  parsedFiles.set(file, parsed);
  return parsed;
}

export function evaluateBicepText(file: string, text: string, parameters: ParameterValues, options: EvaluationOptions): BicepEvaluation {
  return evaluateBicepFile(file, parsedBicep(file, text), parameters, options);
}

/** Evaluates a Bicep file with parameter values (a module call's, a .bicepparam file's), else the defaults. */
export function evaluateBicepFile(file: string, parsed: BicepFile, parameters: ParameterValues, options: EvaluationOptions): BicepEvaluation {
  const run = options.run ?? new EvaluationRun();
  const context = fileContext(file, parsed, parameters, run, options.load, [...(options.chain ?? []), file], options.allGiven);
  const lowering = new Lowering(context);
  const scope = BicepScope.of(context);
  for (const statement of parsed.root.statements) {
    if (statement.kind === 'ResourceDeclaration') lowering.resource(statement, instancesOf(statement, scope), undefined, true, undefined);
    else if (statement.kind === 'ModuleDeclaration') lowering.module(statement, instancesOf(statement, scope));
  }
  // Unused variables are evaluated too: a name they misspell is an error all the same.
  for (const statement of parsed.root.statements) {
    if (statement.kind === 'VariableDeclaration' && !statement.name.missing) context.symbols.value(statement.name.name, scope, scope.originOf(statement.name));
  }
  const outputs = parsed.root.statements.flatMap((statement) =>
    statement.kind === 'OutputDeclaration' && !statement.name.missing ? [{ name: statement.name.name, value: evaluateBicep(statement.value, scope) }] : [],
  );
  return { parsed, resources: lowering.out, outputs, problems: run.problems, complete: parsed.problems.length === 0 && lowering.complete, modules: run.modules };
}

/** Prepares a file for evaluation: its symbols, target scope and the files it may import. */
export function fileContext(file: string, parsed: BicepFile, parameters: ParameterValues, run: EvaluationRun, load: FileLoader, chain: readonly string[], allGiven = false): BicepFileContext {
  const imports = new Map<string, BicepFileContext | undefined>();
  const openImport = (from: string): BicepFileContext | undefined => {
    if (/^(br|ts)[:/]/i.test(from)) return undefined;
    const target = path.resolve(path.dirname(file), from);
    if (imports.has(target)) return imports.get(target);
    imports.set(target, undefined);
    const text = chain.includes(target) || chain.length > limits.maxNestedDeployments ? undefined : load(target);
    const imported = text === undefined || !/\.bicep$/i.test(target) ? undefined : fileContext(target, parsedBicep(target, text), new Map(), run, load, [...chain, target]);
    imports.set(target, imported);
    return imported;
  };
  const symbols = new BicepSymbols(parsed.root.statements, parameters, openImport, allGiven);
  const context: BicepFileContext = { file, parsed, targetScope: targetScopeOf(parsed), run, symbols, load, chain };
  symbols.context = context;
  return context;
}

const scopes: ReadonlySet<string> = new Set(['resourceGroup', 'subscription', 'managementGroup', 'tenant']);

function targetScopeOf(parsed: BicepFile): TargetScope {
  for (const statement of parsed.root.statements) {
    if (statement.kind !== 'TargetScopeDeclaration') continue;
    const value = literalText(statement.value);
    if (value !== undefined && scopes.has(value)) return value as TargetScope;
  }
  return 'resourceGroup';
}

function both(a: boolean | 'unknown', b: boolean | 'unknown'): boolean | 'unknown' {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : 'unknown';
}

const resourceOnlyKeys: ReadonlySet<string> = new Set(['parent']);
const moduleOnlyKeys: ReadonlySet<string> = new Set(['params', 'scope', 'name']);
const noKeys: ReadonlySet<string> = new Set();

/** Turns declarations into the records ARM would deploy, in the order compiled ARM nests them. */
class Lowering {
  readonly out: DeployedResource[] = [];
  complete = true;

  constructor(private readonly context: BicepFileContext) {}

  resource(declaration: ResourceDeclaration, instances: readonly Instance[], enclosing: ResourceIdentity | undefined, outer: boolean | 'unknown', deployedBy: number | undefined): void {
    for (const instance of instances) {
      if (!this.budget(declaration)) return;
      const condition = both(outer, instance.condition);
      this.quietly(condition, () => {
        const identity = identityOfInstance(declaration, instance, enclosing);
        const body = evaluatedBody(instance, resourceOnlyKeys);
        const withFullName = objectValue(body.properties.map((p) => (p.name.toLowerCase() === 'name' ? { name: p.name, value: identity.fullName } : p)), body.origin);
        const field = (key: string) => withFullName.properties.find((p) => p.name.toLowerCase() === key)?.value;
        const scope = field('scope');
        const dependsOn = field('dependson');
        this.out.push({
          type: identity.type,
          apiVersion: identity.apiVersion,
          name: identity.fullName,
          symbolicName: declaration.name.name,
          condition,
          existing: declaration.existing,
          copy: instance.copy,
          location: field('location'),
          tags: field('tags'),
          identity: field('identity'),
          sku: field('sku'),
          kind: field('kind'),
          scope: scope === undefined ? undefined : (identityOf(scope)?.id ?? scope),
          properties: field('properties'),
          dependsOn: dependsOn?.kind === 'array' ? dependsOn.items : dependsOn === undefined ? [] : [dependsOn],
          body: withFullName,
          origin: { ...instance.scope.originOf(declaration), head: headOf(declaration) },
          deployedBy,
          targetScope: this.context.targetScope,
        });
        for (const member of instance.body?.properties ?? []) {
          if (member.kind === 'ResourceDeclaration') this.resource(member, childInstances(member, instance), identity, condition, deployedBy);
        }
      });
    }
  }

  module(declaration: ModuleDeclaration, instances: readonly Instance[]): void {
    for (const instance of instances) {
      if (!this.budget(declaration)) return;
      const condition = instance.condition;
      this.quietly(condition, () => {
        const identity = identityOfInstance(declaration, instance);
        const module = moduleOf(declaration, instance);
        if (!module.complete) this.complete = false;
        const declared = evaluatedBody(instance, noKeys).properties;
        const params = declared.find((p) => p.name.toLowerCase() === 'params')?.value;
        const kept = declared.filter((p) => !moduleOnlyKeys.has(p.name.toLowerCase()));
        const origin = instance.scope.originOf(declaration);
        const parameters: ObjectProperty[] = params?.kind === 'object' ? params.properties.map((p) => ({ name: p.name, value: objectValue([{ name: 'value', value: p.value }], p.value.origin) })) : [];
        const properties = objectValue([
          { name: 'mode', value: stringValue('Incremental', origin) },
          { name: 'parameters', value: params?.kind === 'unknown' ? params : objectValue(parameters, params?.origin ?? origin) },
        ], origin);
        const index = this.out.length;
        this.out.push({
          type: identity.type,
          apiVersion: identity.apiVersion,
          name: identity.fullName,
          symbolicName: declaration.name.name,
          condition,
          existing: false,
          copy: instance.copy,
          location: undefined,
          tags: undefined,
          identity: undefined,
          sku: undefined,
          kind: undefined,
          scope: undefined,
          properties,
          dependsOn: [],
          body: objectValue([...kept, { name: 'name', value: identity.fullName }, { name: 'properties', value: properties }], origin),
          origin: { ...origin, head: headOf(declaration) },
          deployedBy: undefined,
          targetScope: this.context.targetScope,
        });
        for (const inner of module.resources) {
          this.out.push({ ...inner, condition: both(condition, inner.condition), deployedBy: inner.deployedBy === undefined ? index : inner.deployedBy + index + 1 });
        }
      });
    }
  }

  private budget(at: ResourceDeclaration | ModuleDeclaration): boolean {
    if (this.context.run.resources++ < limits.maxResources) return true;
    this.context.run.report(this.context.file, at, `more than ${limits.maxResources} resources: the rest are not evaluated`);
    this.complete = false;
    return false;
  }

  /** ARM does not evaluate what is not deployed, so nothing found in it is reported. */
  private quietly(condition: boolean | 'unknown', lower: () => void): void {
    if (condition === false) this.context.run.quiet++;
    try {
      lower();
    } finally {
      if (condition === false) this.context.run.quiet--;
    }
  }
}

/** A finding about a resource or module sits on its symbolic name, like the Bicep linter's. */
function headOf(declaration: ResourceDeclaration | ModuleDeclaration): Span {
  return { offset: declaration.name.offset, length: declaration.name.length };
}
