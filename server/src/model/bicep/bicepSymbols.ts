import type {
  FunctionDeclaration, ModuleDeclaration, ParameterAssignment, ParameterDeclaration, ResourceAccess, ResourceDeclaration, Statement, TypeExpression,
  VariableDeclaration,
} from '../../syntax/bicep';
import { stringValue as literalText } from '../../syntax/bicep';
import { limits } from '../limits';
import type { ParameterValues } from '../templateSymbols';
import { nullValue, unknownValue, type Origin, type Value } from '../value';
import type { BicepFileContext, BicepScope } from './bicepScope';
import { evaluateBicep } from './evaluateBicepExpression';
import { moduleSymbolValue, nestedResourceValue, resourceSymbolValue } from './bicepResources';

/** A `func` declaration and the file it is declared in (imported functions run in their own file). */
export interface CallableFunction {
  readonly declaration: FunctionDeclaration;
  readonly context: BicepFileContext;
}

type ValueDeclaration = ParameterDeclaration | ParameterAssignment | VariableDeclaration | ResourceDeclaration | ModuleDeclaration;

/** An `import {x as y} from 'f'` symbol, or an `import * as ns from 'f'` namespace. */
interface Imported {
  readonly file: string | undefined;
  readonly name: string;
}

const shapes: Readonly<Record<string, 'string' | 'number' | 'boolean' | 'array' | 'object'>> = {
  string: 'string', int: 'number', bool: 'boolean', array: 'array', object: 'object',
};

/**
 * The names a Bicep file declares, each evaluated once, on first use, so unused variables cost
 * nothing and a cycle becomes unknown instead of a hang.
 */
export class BicepSymbols {
  private readonly declarations = new Map<string, ValueDeclaration>();
  private readonly functions = new Map<string, FunctionDeclaration>();
  private readonly imports = new Map<string, Imported>();
  private readonly namespaces = new Map<string, string | undefined>();
  private readonly extensionAliases = new Set<string>();
  private readonly nestedResources = new Set<string>();
  private readonly values = new Map<string, Value | 'pending'>();
  context!: BicepFileContext;

  /**
   * `given` are parameter values from outside (a module call, a .bicepparam file), by lower-case
   * name; `openImport` reads and prepares another file for `import`.
   */
  constructor(
    statements: readonly Statement[],
    private readonly given: ParameterValues,
    private readonly openImport: (from: string) => BicepFileContext | undefined,
    /** The caller (a module call) passes every value it will ever pass: a nullable parameter it omits is null. */
    private readonly allGiven = false,
  ) {
    for (const statement of statements) {
      switch (statement.kind) {
        case 'ParameterDeclaration':
        case 'ParameterAssignment':
        case 'VariableDeclaration':
        case 'ResourceDeclaration':
        case 'ModuleDeclaration':
          if (!statement.name.missing && !this.declarations.has(statement.name.name)) this.declarations.set(statement.name.name, statement);
          if (statement.kind === 'ResourceDeclaration') this.collectNested(statement);
          break;
        case 'FunctionDeclaration':
          if (!statement.name.missing) this.functions.set(statement.name.name, statement);
          break;
        case 'ImportDeclaration': {
          const from = literalText(statement.from);
          if (statement.symbols.kind === 'WildcardImport') this.namespaces.set(statement.symbols.alias.name, from);
          else if (statement.symbols.kind === 'ImportedSymbolList') {
            for (const item of statement.symbols.items) {
              if (item.kind !== 'ImportedSymbol') continue;
              const name = item.name.kind === 'Identifier' ? item.name.name : item.name.value;
              if (name !== undefined) this.imports.set(item.alias?.name ?? name, { file: from, name });
            }
          }
          break;
        }
        case 'ExtensionDeclaration':
          if (statement.alias) this.extensionAliases.add(statement.alias.name);
          else if (statement.specification.kind === 'Identifier') this.extensionAliases.add(statement.specification.name);
          break;
      }
    }
  }

  /** The value of a declared name, or undefined when the file declares no such name. */
  value(name: string, scope: BicepScope, origin: Origin): Value | undefined {
    const declaration = this.declarations.get(name);
    if (declaration !== undefined) return this.memo(name, declaration, () => this.evaluate(declaration, scope));
    const imported = this.imports.get(name);
    if (imported !== undefined) return this.memo(`import:${name}`, undefined, () => importedValue(this.importContext(imported.file), imported.name, scope, origin));
    return undefined;
  }

  callable(name: string): CallableFunction | undefined {
    const declaration = this.functions.get(name);
    if (declaration !== undefined) return { declaration, context: this.context };
    const imported = this.imports.get(name);
    const context = imported && this.importContext(imported.file);
    return context?.symbols.callable(imported!.name);
  }

  isFunction(name: string): boolean {
    return this.functions.has(name) || this.imports.has(name);
  }

  isImportNamespace(name: string): boolean {
    return this.namespaces.has(name);
  }

  /**
   * Names that are no value of their own here: namespaces (`sys`, `az`, import and extension
   * aliases) and resources nested in another's body, which are read through `parent::child`.
   */
  isNamespace(name: string): boolean {
    return name === 'sys' || name === 'az' || this.namespaces.has(name) || this.extensionAliases.has(name) || this.nestedResources.has(name);
  }

  namespaceFunction(namespace: string, name: string): CallableFunction | undefined {
    return this.importContext(this.namespaces.get(namespace))?.symbols.callable(name);
  }

  /** `parent::child`: a resource declared inside another's body. */
  nestedResource(access: ResourceAccess, scope: BicepScope): Value | undefined {
    const parent = evaluateBicep(access.object, scope);
    return nestedResourceValue(parent, access.name.name, scope);
  }

  declaration(name: string): ValueDeclaration | undefined {
    return this.declarations.get(name);
  }

  private collectNested(resource: ResourceDeclaration): void {
    const value = resource.value.kind === 'ForExpression' ? resource.value.body : resource.value;
    const body = value.kind === 'IfCondition' ? value.body : value;
    if (body.kind !== 'ObjectExpression') return;
    for (const member of body.properties) {
      if (member.kind !== 'ResourceDeclaration') continue;
      this.nestedResources.add(member.name.name);
      this.collectNested(member);
    }
  }

  private evaluate(declaration: ValueDeclaration, scope: BicepScope): Value {
    const fileScope = scope.atFileLevel(this.context);
    switch (declaration.kind) {
      case 'ParameterDeclaration':
        return this.parameter(declaration, fileScope);
      case 'ParameterAssignment':
        return evaluateBicep(declaration.value, fileScope);
      case 'VariableDeclaration':
        return evaluateBicep(declaration.value, fileScope);
      case 'ResourceDeclaration':
        return resourceSymbolValue(declaration, fileScope);
      case 'ModuleDeclaration':
        return moduleSymbolValue(declaration, fileScope);
    }
  }

  private parameter(declaration: ParameterDeclaration, scope: BicepScope): Value {
    const given = this.given.get(declaration.name.name.toLowerCase());
    // A module that passes null for a parameter leaves its default in place.
    if (given !== undefined && !(given.kind === 'null' && declaration.defaultValue !== undefined)) return given;
    if (declaration.defaultValue !== undefined) return evaluateBicep(declaration.defaultValue, scope);
    const nullable = declaration.type.kind === 'NullableType';
    if (nullable && this.allGiven) return nullValue(scope.originOf(declaration.name));
    // A nullable parameter of a file opened on its own may still be given at deployment.
    return unknownValue(nullable ? `nullable parameter '${declaration.name.name}' has no value here` : `parameter '${declaration.name.name}' has no default value`, scope.originOf(declaration.name), shapeOf(declaration.type));
  }

  private importContext(from: string | undefined): BicepFileContext | undefined {
    return from === undefined ? undefined : this.openImport(from);
  }

  private memo(key: string, at: { offset: number; length: number } | undefined, compute: () => Value): Value {
    const known = this.values.get(key);
    const origin = { file: this.context.file, span: at ?? { offset: 0, length: 0 } };
    if (known === 'pending') {
      if (at) this.context.run.report(this.context.file, at, 'this value refers to itself');
      return unknownValue('the value refers to itself', origin);
    }
    if (known !== undefined) return known;
    if (this.values.size > limits.maxSteps) return unknownValue('the file declares too many values to evaluate', origin);
    this.values.set(key, 'pending');
    try {
      const value = compute();
      this.values.set(key, value);
      return value;
    } finally {
      if (this.values.get(key) === 'pending') this.values.delete(key);
    }
  }
}

function shapeOf(type: TypeExpression): 'string' | 'number' | 'boolean' | 'array' | 'object' | undefined {
  if (type.kind === 'TypeReference') return shapes[type.name.name];
  if (type.kind === 'ArrayType' || type.kind === 'TupleType') return 'array';
  if (type.kind === 'ObjectType') return 'object';
  return undefined;
}

/** An imported variable, evaluated in the file that exports it. */
function importedValue(context: BicepFileContext | undefined, name: string, scope: BicepScope, origin: Origin): Value {
  if (context === undefined) return unknownValue(`'${name}' is imported from a file that is not in the workspace`, origin);
  const declaration = context.symbols.declaration(name);
  if (declaration?.kind !== 'VariableDeclaration') {
    if (context.symbols.isFunction(name) || declaration === undefined) return unknownValue(`'${name}' is not an imported value`, origin);
  }
  return context.symbols.value(name, scope.atFileLevel(context), origin) ?? unknownValue(`'${name}' is not exported`, origin);
}
