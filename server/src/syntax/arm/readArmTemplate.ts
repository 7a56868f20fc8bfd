import type { Node } from 'jsonc-parser';
import type { SyntaxProblem } from '../span';
import type { ArmCopy, ArmOutput, ArmParameter, ArmResource, ArmTemplate, ArmUserFunction, ArmVariable } from './armTemplate';
import { parseJsonDocument } from './jsonDocument';
import { itemsOf, member, membersOf, stringOf } from './jsonNodes';
import { targetScopeOfSchema } from './targetScope';

/** Reads a template file. Undefined when the text is not a JSON object at all. */
export function readArmTemplate(file: string, text: string): ArmTemplate | undefined {
  const document = parseJsonDocument(text, { arm: true });
  if (document.root?.type !== 'object') return undefined;
  return readArmTemplateNode(file, text, document.root, document.problems);
}

/** Reads a template object: a file's root or the inline `template` of a nested deployment. */
export function readArmTemplateNode(file: string, text: string, node: Node, problems: readonly SyntaxProblem[] = []): ArmTemplate {
  const schema = stringOf(member(node, '$schema'));
  const structure: SyntaxProblem[] = [];
  return {
    file,
    text,
    node,
    schema,
    targetScope: targetScopeOfSchema(schema) ?? 'resourceGroup',
    languageVersion: stringOf(member(node, 'languageVersion')),
    contentVersion: stringOf(member(node, 'contentVersion')),
    parameters: membersOf(member(node, 'parameters')).map(readParameter),
    variables: readVariables(member(node, 'variables')),
    functions: readFunctions(member(node, 'functions')),
    resources: readResources(member(node, 'resources'), structure),
    outputs: membersOf(member(node, 'outputs')).map(readOutput),
    problems: structure.length === 0 ? problems : [...problems, ...structure],
  };
}

function readParameter({ name, nameNode, value }: { name: string; nameNode: Node; value: Node }): ArmParameter {
  return {
    name,
    nameNode,
    node: value,
    type: stringOf(member(value, 'type')),
    defaultValue: member(value, 'defaultValue'),
    allowedValues: member(value, 'allowedValues'),
    metadata: member(value, 'metadata'),
    nullable: member(value, 'nullable')?.value === true,
  };
}

export function readCopy(node: Node | undefined): ArmCopy | undefined {
  if (node?.type !== 'object') return undefined;
  return {
    node,
    name: stringOf(member(node, 'name')),
    count: member(node, 'count'),
    input: member(node, 'input'),
    mode: stringOf(member(node, 'mode')),
    batchSize: member(node, 'batchSize'),
  };
}

function readVariables(node: Node | undefined): ArmVariable[] {
  const variables: ArmVariable[] = [];
  for (const { name, nameNode, value } of membersOf(node)) {
    if (name.toLowerCase() === 'copy' && value.type === 'array') {
      for (const entry of itemsOf(value)) {
        const copy = readCopy(entry);
        const entryName = member(entry, 'name');
        if (copy?.name !== undefined && entryName !== undefined) variables.push({ name: copy.name, nameNode: entryName, node: entry, copy });
      }
      continue;
    }
    variables.push({ name, nameNode, node: value, copy: undefined });
  }
  return variables;
}

function readFunctions(node: Node | undefined): ArmUserFunction[] {
  const functions: ArmUserFunction[] = [];
  for (const namespaceNode of itemsOf(node)) {
    const namespace = stringOf(member(namespaceNode, 'namespace'));
    if (namespace === undefined) continue;
    for (const { name, value } of membersOf(member(namespaceNode, 'members'))) {
      functions.push({
        namespace,
        name,
        key: `${namespace}.${name}`.toLowerCase(),
        node: value,
        parameters: itemsOf(member(value, 'parameters')).map((parameter) => ({
          name: stringOf(member(parameter, 'name')) ?? '',
          type: stringOf(member(parameter, 'type')),
        })),
        output: member(member(value, 'output'), 'value'),
      });
    }
  }
  return functions;
}

/** `resources` is an array, or in languageVersion 2.0 an object keyed by symbolic name. */
function readResources(node: Node | undefined, problems: SyntaxProblem[]): ArmResource[] {
  if (node === undefined) return [];
  if (node.type === 'array') return itemsOf(node).flatMap((item) => (item.type === 'object' ? [readResource(item, undefined, problems)] : []));
  if (node.type === 'object') return membersOf(node).flatMap(({ name, value }) => (value.type === 'object' ? [readResource(value, name, problems)] : []));
  problems.push({ offset: node.offset, length: node.length, message: '`resources` must be an array (or, with languageVersion 2.0, an object of symbolic names)' });
  return [];
}

function readResource(node: Node, symbolicName: string | undefined, problems: SyntaxProblem[]): ArmResource {
  const existing = member(node, 'existing');
  return {
    node,
    symbolicName,
    type: member(node, 'type'),
    apiVersion: member(node, 'apiVersion'),
    name: member(node, 'name'),
    condition: member(node, 'condition'),
    copy: readCopy(member(node, 'copy')),
    dependsOn: member(node, 'dependsOn'),
    scope: member(node, 'scope'),
    properties: member(node, 'properties'),
    existing: existing?.type === 'boolean' && existing.value === true,
    children: readResources(member(node, 'resources'), problems),
  };
}

function readOutput({ name, nameNode, value }: { name: string; nameNode: Node; value: Node }): ArmOutput {
  return {
    name,
    nameNode,
    node: value,
    type: stringOf(member(value, 'type')),
    value: member(value, 'value'),
    copy: readCopy(member(value, 'copy')),
  };
}
