import { readArmTemplate } from '../../../server/src/syntax/arm/readArmTemplate';
import { evaluateArmTemplate, type ArmEvaluation } from '../../../server/src/model/evaluateArmTemplate';
import { plainOf, type Value } from '../../../server/src/model/value';
import type { ParameterValues } from '../../../server/src/model/templateSymbols';

export const rgSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** Evaluates a whole template given as an object (or text). */
export function evaluateTemplate(template: object | string, parameterValues?: ParameterValues, file = '/w/main.json', allGiven = false): ArmEvaluation & { text: string } {
  const text = typeof template === 'string' ? template : JSON.stringify({ $schema: rgSchema, ...template }, null, 2);
  const read = readArmTemplate(file, text);
  if (read === undefined) throw new Error('not a template');
  return { ...evaluateArmTemplate(read, parameterValues, allGiven), text };
}

const fixedSymbols = {
  parameters: {
    name: { type: 'string', defaultValue: 'Contoso' },
    count: { type: 'int', defaultValue: 3 },
    tags: { type: 'object', defaultValue: { env: 'prod', Owner: 'ops' } },
    list: { type: 'array', defaultValue: ['a', 'b', 'c'] },
    secret: { type: 'securestring' },
  },
  variables: {
    greeting: "[format('Hello {0}', parameters('name'))]",
  },
};

/** Evaluates one expression (without the brackets) in a template with a few parameters; plain result. */
export function valueOf(expression: string): unknown {
  return plainOf(evaluateValue(expression));
}

export function evaluateValue(expression: string): Value {
  const result = evaluateTemplate({ ...fixedSymbols, resources: [], outputs: { o: { type: 'object', value: `[${expression}]` } } });
  return result.outputs[0].value;
}

/** True when the expression is unknown; the reason must match when given. */
export function isUnknown(value: unknown, reason?: RegExp): boolean {
  if (typeof value !== 'object' || value === null || !('$unknown' in value)) return false;
  return reason === undefined || reason.test(String((value as { $unknown: string }).$unknown));
}
