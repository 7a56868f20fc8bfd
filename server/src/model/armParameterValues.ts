import type { Node } from 'jsonc-parser';
import type { ArmParameterFile } from '../syntax/arm/armParameterFile';
import type { ParameterValues } from './templateSymbols';
import { arrayValue, booleanValue, nullValue, numberValue, objectValue, stringValue, unknownValue, type Origin, type Value } from './value';

/** The values a parameter file gives, written as they are (ARM does not evaluate them). */
export function parameterValuesOf(file: ArmParameterFile): ParameterValues {
  const values = new Map<string, Value>();
  for (const entry of file.parameters) {
    const origin = { file: file.file, span: { offset: entry.node.offset, length: entry.node.length } };
    if (entry.value !== undefined) values.set(entry.name.toLowerCase(), literalValueOf(entry.value, file.file));
    else if (entry.reference !== undefined) {
      const secret = entry.reference.secretName === undefined ? '' : ` '${entry.reference.secretName}'`;
      values.set(entry.name.toLowerCase(), unknownValue(`comes from Key Vault secret${secret}, known only at deployment`, origin));
    }
  }
  return values;
}

/** A JSON node as a value, without reading `[...]` as expressions. */
export function literalValueOf(node: Node, file: string): Value {
  const origin: Origin = { file, span: { offset: node.offset, length: node.length } };
  switch (node.type) {
    case 'string':
      return stringValue(node.value as string, origin);
    case 'number':
      return numberValue(node.value as number, origin);
    case 'boolean':
      return booleanValue(node.value as boolean, origin);
    case 'null':
      return nullValue(origin);
    case 'array':
      return arrayValue((node.children ?? []).map((child) => literalValueOf(child, file)), origin);
    case 'object':
      return objectValue(
        (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key !== undefined && value !== undefined && typeof key.value === 'string' ? [{ name: key.value, value: literalValueOf(value, file) }] : [];
        }),
        origin,
      );
    default:
      return unknownValue('not a JSON value', origin);
  }
}
