import type { Node } from 'jsonc-parser';

/** The value node of an object's property; ARM matches property names case-insensitively. */
export function member(object: Node | undefined, name: string): Node | undefined {
  if (object?.type !== 'object' || object.children === undefined) return undefined;
  const lower = name.toLowerCase();
  for (const property of object.children) {
    const key = property.children?.[0];
    if (key !== undefined && typeof key.value === 'string' && (key.value === name || key.value.toLowerCase() === lower)) return property.children?.[1];
  }
  return undefined;
}

export interface NamedNode {
  readonly name: string;
  readonly nameNode: Node;
  readonly value: Node;
}

/** The properties of an object node, in source order; broken properties (no value) are skipped. */
export function membersOf(object: Node | undefined): NamedNode[] {
  if (object?.type !== 'object' || object.children === undefined) return [];
  const members: NamedNode[] = [];
  for (const property of object.children) {
    const [key, value] = property.children ?? [];
    if (key !== undefined && value !== undefined && typeof key.value === 'string') members.push({ name: key.value, nameNode: key, value });
  }
  return members;
}

export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function itemsOf(node: Node | undefined): readonly Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}
