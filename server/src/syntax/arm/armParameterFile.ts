import type { Node } from 'jsonc-parser';
import type { SyntaxProblem } from '../span';
import { parseJsonDocument } from './jsonDocument';
import { member, membersOf, stringOf } from './jsonNodes';

/** A `deploymentParameters.json` file: literal values, or Key Vault secret references. */
export interface ArmParameterFile {
  readonly file: string;
  readonly text: string;
  readonly schema: string | undefined;
  readonly parameters: readonly ArmParameterEntry[];
  readonly problems: readonly SyntaxProblem[];
}

export interface ArmParameterEntry {
  readonly name: string;
  readonly nameNode: Node;
  readonly node: Node;
  /** The `value` node: written as is, ARM does not evaluate expressions in parameter files. */
  readonly value: Node | undefined;
  readonly reference: KeyVaultReference | undefined;
}

export interface KeyVaultReference {
  readonly node: Node;
  readonly keyVaultId: string | undefined;
  readonly secretName: string | undefined;
}

export function readArmParameterFile(file: string, text: string): ArmParameterFile | undefined {
  const document = parseJsonDocument(text, { arm: true });
  if (document.root?.type !== 'object') return undefined;
  const parameters = membersOf(member(document.root, 'parameters')).map(({ name, nameNode, value }): ArmParameterEntry => {
    const reference = member(value, 'reference');
    return {
      name,
      nameNode,
      node: value,
      value: member(value, 'value'),
      reference:
        reference === undefined
          ? undefined
          : { node: reference, keyVaultId: stringOf(member(member(reference, 'keyVault'), 'id')), secretName: stringOf(member(reference, 'secretName')) },
    };
  });
  return { file, text, schema: stringOf(member(document.root, '$schema')), parameters, problems: document.problems };
}
