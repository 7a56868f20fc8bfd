/**
 * JSON Schema of a live snapshot (`hipaa-notify coverage --snapshot-out`). The source of truth:
 * schemas/live-snapshot.schema.json is written from it by scripts/write-schemas.mjs and a test
 * keeps the two equal.
 */
export const snapshotSchemaId = 'https://raw.githubusercontent.com/hipaa-notify/hipaa-notify/main/schemas/live-snapshot.schema.json';

const guidOrName = { type: 'string', minLength: 1 } as const;

export const snapshotSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: snapshotSchemaId,
  title: 'hipaa-notify live snapshot',
  description: 'What `hipaa-notify coverage` read from Azure: subscriptions, resources as Resource Manager returns them (secrets redacted), and the reads that failed. Analysed offline with `hipaa-notify coverage --snapshot FILE`.',
  type: 'object',
  required: ['format', 'version', 'readAt', 'cloud', 'complete', 'subscriptions', 'resources', 'errors'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'The schema this file follows, for editors.' },
    format: { const: 'hipaa-notify-live-snapshot' },
    version: { const: 1, description: 'Bumped when a field changes meaning; readers refuse versions they do not know.' },
    readAt: { type: 'string', format: 'date-time', description: 'When the read started (UTC).' },
    cloud: {
      type: 'object',
      required: ['name', 'resourceManager'],
      additionalProperties: false,
      properties: {
        name: { enum: ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'Custom'] },
        resourceManager: { type: 'string', format: 'uri', description: 'The Resource Manager endpoint read.' },
        portal: { type: 'string', format: 'uri', description: 'Portal base URL, for links to resources.' },
      },
    },
    complete: { type: 'boolean', description: 'False when the read was cancelled: the snapshot holds part of the estate.' },
    subscriptions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'state'],
        additionalProperties: false,
        properties: { id: guidOrName, name: { type: 'string' }, state: { type: 'string' } },
      },
    },
    resources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'name'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^/subscriptions/', description: 'The resource ID, as Resource Manager returns it.' },
          type: { type: 'string' },
          name: { type: 'string' },
          apiVersion: { type: 'string', description: 'The API version the resource was read with.' },
          location: { type: 'string' },
          kind: { type: 'string' },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
          identity: { type: 'object' },
          sku: { type: 'object' },
          properties: { description: 'The resource properties as read; secret values are `<redacted>`.' },
        },
      },
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['scope', 'status', 'message'],
        additionalProperties: false,
        properties: {
          scope: { type: 'string', description: 'The resource, resource group or subscription ID the failed read covered.' },
          status: { type: 'integer', description: 'HTTP status (0: network error, 499: cancelled).' },
          code: { type: 'string' },
          message: { type: 'string' },
          what: { type: 'string', description: 'What was being read: resources, diagnosticSettings, locks, ...' },
        },
      },
    },
  },
} as const;
