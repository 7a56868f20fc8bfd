/** Where a template deploys, read from its `$schema`. */
export type TargetScope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

const scopes: readonly (readonly [RegExp, TargetScope])[] = [
  [/subscriptionDeploymentTemplate\.json/i, 'subscription'],
  [/managementGroupDeploymentTemplate\.json/i, 'managementGroup'],
  [/tenantDeploymentTemplate\.json/i, 'tenant'],
  [/deploymentTemplate\.json/i, 'resourceGroup'],
];

/** The scope a `$schema` URL names, or undefined when it is not a deployment template schema. */
export function targetScopeOfSchema(schema: string | undefined): TargetScope | undefined {
  if (schema === undefined) return undefined;
  for (const [pattern, scope] of scopes) if (pattern.test(schema)) return scope;
  return undefined;
}

export function isParametersSchema(schema: string | undefined): boolean {
  return schema !== undefined && /deploymentParameters\.json/i.test(schema);
}
