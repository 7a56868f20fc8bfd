import type { Node } from 'jsonc-parser';
import type { SyntaxProblem } from '../span';
import type { TargetScope } from './targetScope';

/**
 * A typed read of an ARM deployment template. Items keep their jsonc-parser nodes so that
 * evaluation can give every value its place in the file.
 */
export interface ArmTemplate {
  readonly file: string;
  readonly text: string;
  /** The template object (the file's root, or `properties.template` of a nested deployment). */
  readonly node: Node;
  readonly schema: string | undefined;
  /** From `$schema`; resource group when the schema does not say. */
  readonly targetScope: TargetScope;
  readonly languageVersion: string | undefined;
  readonly contentVersion: string | undefined;
  readonly parameters: readonly ArmParameter[];
  readonly variables: readonly ArmVariable[];
  readonly functions: readonly ArmUserFunction[];
  readonly resources: readonly ArmResource[];
  readonly outputs: readonly ArmOutput[];
  /** JSON, expression and structure problems (HN001). */
  readonly problems: readonly SyntaxProblem[];
}

export interface ArmParameter {
  readonly name: string;
  readonly nameNode: Node;
  readonly node: Node;
  readonly type: string | undefined;
  readonly defaultValue: Node | undefined;
  readonly allowedValues: Node | undefined;
  readonly metadata: Node | undefined;
  /** languageVersion 2.0: a nullable parameter without a value is null. */
  readonly nullable: boolean;
}

/** `copy` on a resource, an output, a variable entry or a property. */
export interface ArmCopy {
  readonly node: Node;
  readonly name: string | undefined;
  readonly count: Node | undefined;
  readonly input: Node | undefined;
  readonly mode: string | undefined;
  readonly batchSize: Node | undefined;
}

export interface ArmVariable {
  readonly name: string;
  readonly nameNode: Node;
  /** The value, or for a `copy` variable the entry in the `copy` array. */
  readonly node: Node;
  readonly copy: ArmCopy | undefined;
}

export interface ArmUserFunction {
  readonly namespace: string;
  readonly name: string;
  /** `namespace.name`, lower case: ARM resolves function names case-insensitively. */
  readonly key: string;
  readonly node: Node;
  readonly parameters: readonly { readonly name: string; readonly type: string | undefined }[];
  readonly output: Node | undefined;
}

export interface ArmResource {
  readonly node: Node;
  /** The key in a languageVersion 2.0 `resources` object. */
  readonly symbolicName: string | undefined;
  readonly type: Node | undefined;
  readonly apiVersion: Node | undefined;
  readonly name: Node | undefined;
  readonly condition: Node | undefined;
  readonly copy: ArmCopy | undefined;
  readonly dependsOn: Node | undefined;
  readonly scope: Node | undefined;
  readonly properties: Node | undefined;
  readonly existing: boolean;
  /** Nested child resources (`resources` inside a resource). */
  readonly children: readonly ArmResource[];
}

export interface ArmOutput {
  readonly name: string;
  readonly nameNode: Node;
  readonly node: Node;
  readonly type: string | undefined;
  readonly value: Node | undefined;
  readonly copy: ArmCopy | undefined;
}
