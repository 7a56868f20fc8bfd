import type { ArmParameter, ArmVariable } from '../syntax/arm/armTemplate';
import { evaluateNode } from './evaluateNode';
import { EvaluationScope, type SymbolTable } from './evaluationScope';
import { limits } from './limits';
import { arrayValue, nullValue, unknownValue, type Value } from './value';

/** Parameter values given from outside the template (a parameter file, a nested deployment), by lower-case name. */
export type ParameterValues = ReadonlyMap<string, Value>;

const shapes: Readonly<Record<string, 'string' | 'number' | 'boolean' | 'array' | 'object'>> = {
  string: 'string',
  securestring: 'string',
  int: 'number',
  bool: 'boolean',
  array: 'array',
  object: 'object',
  secureobject: 'object',
};

/**
 * `parameters()` and `variables()` of one template: each evaluated once, on first use, so that
 * unused variables cost nothing and a cycle becomes unknown instead of a hang.
 */
export class TemplateSymbols implements SymbolTable {
  readonly inFunction = false;
  private readonly parameters: ReadonlyMap<string, ArmParameter>;
  private readonly variables: ReadonlyMap<string, ArmVariable>;
  private readonly values = new Map<string, Value | 'pending'>();
  private active = 0;
  scope!: EvaluationScope;

  /** `allGiven`: the caller (a module call, a nested deployment) passes every value it will ever pass, so a nullable parameter it omits is null. */
  constructor(parameters: readonly ArmParameter[], variables: readonly ArmVariable[], private readonly given: ParameterValues = new Map(), private readonly allGiven = false) {
    this.parameters = new Map(parameters.map((parameter) => [parameter.name.toLowerCase(), parameter] as const));
    this.variables = new Map(variables.map((variable) => [variable.name.toLowerCase(), variable] as const));
  }

  parameter(name: string): Value | undefined {
    const key = name.toLowerCase();
    const declared = this.parameters.get(key);
    if (declared === undefined) return undefined;
    return this.memo(`p:${key}`, declared.node, () => {
      const given = this.given.get(key);
      // A null value (e.g. a module parameter passed `null`) leaves the default in place.
      if (given !== undefined && !(given.kind === 'null' && declared.defaultValue !== undefined)) return given;
      if (declared.defaultValue !== undefined) return evaluateNode(declared.defaultValue, this.scope.deeper());
      if (declared.nullable && this.allGiven) return nullValue(this.scope.originOf(declared.nameNode));
      // A nullable parameter of a template opened on its own may still be given at deployment.
      return unknownValue(declared.nullable ? `nullable parameter '${declared.name}' has no value here` : `parameter '${declared.name}' has no default value`, this.scope.originOf(declared.nameNode), declared.nullable ? undefined : shapes[declared.type?.toLowerCase() ?? '']);
    });
  }

  variable(name: string): Value | undefined {
    const key = name.toLowerCase();
    const declared = this.variables.get(key);
    if (declared === undefined) return undefined;
    return this.memo(`v:${key}`, declared.node, () => {
      const scope = this.scope.deeper();
      // Objects inside variables may hold property loops (`copy` arrays) too.
      if (declared.copy === undefined) return evaluateNode(declared.node, scope, { propertyCopy: true });
      const origin = scope.originOf(declared.node);
      const count = declared.copy.count === undefined ? undefined : evaluateNode(declared.copy.count, scope);
      if (count?.kind !== 'number' || declared.copy.input === undefined) return unknownValue(`the count of copy variable '${declared.name}' is not known`, origin, 'array');
      if (count.value < 0 || count.value > limits.maxCopyCount) return unknownValue(`the copy count ${count.value} is outside 0..${limits.maxCopyCount}`, origin, 'array');
      const items: Value[] = [];
      for (let i = 0; i < count.value; i++) items.push(evaluateNode(declared.copy.input, scope.withCopyIndex(declared.name, i, 'variable'), { propertyCopy: true }));
      return arrayValue(items, origin);
    });
  }

  private memo(key: string, node: { offset: number; length: number }, compute: () => Value): Value {
    const known = this.values.get(key);
    if (known === 'pending') {
      this.scope.report(node, 'this value refers to itself');
      return unknownValue('the value refers to itself', this.scope.originOf(node));
    }
    if (known !== undefined) return known;
    if (this.active >= limits.maxDepth * 4) return unknownValue('variables refer to each other too deeply to evaluate', this.scope.originOf(node));
    this.values.set(key, 'pending');
    this.active++;
    try {
      const value = compute();
      this.values.set(key, value);
      return value;
    } finally {
      this.active--;
      if (this.values.get(key) === 'pending') this.values.delete(key);
    }
  }
}
