/**
 * The JSON Schema (draft 2020-12) of notification policy files. This object is the single
 * source of truth: schemas/notification-policy.schema.json is written from it by
 * scripts/write-schemas.mjs, and a unit test keeps the two equal. It lives in TypeScript so
 * that the bundled server needs no file read to validate.
 */
export const policySchemaId = 'https://raw.githubusercontent.com/hipaa-notify/hipaa-notify/main/schemas/notification-policy.schema.json';

const guid = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const policySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: policySchemaId,
  title: 'HIPAA Notify notification policy',
  description:
    'How a HIPAA covered entity or business associate detects audit failures and breaches on Azure, whom it notifies, how fast, and where each notification is recorded (45 CFR 164.404-164.410, 164.530(j)).',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
      description: 'The schema this JSON file follows, for editors that read it from the file.',
      examples: [policySchemaId],
    },
    apiVersion: {
      const: 'hipaa-notify/v1',
      description: 'Version of the policy format. Always `hipaa-notify/v1`.',
      examples: ['hipaa-notify/v1'],
    },
    kind: {
      const: 'NotificationPolicy',
      description: 'Kind of document. Always `NotificationPolicy`.',
      examples: ['NotificationPolicy'],
    },
    metadata: {
      type: 'object',
      description: 'Name and description of the policy.',
      examples: [{ name: 'contoso-breach-notification', description: 'Breach and audit-failure notification for the claims platform' }],
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          pattern: '^[a-z0-9-]+$',
          maxLength: 63,
          description: 'Name of the policy: lower-case letters, digits and hyphens.',
          examples: ['contoso-breach-notification'],
        },
        description: {
          type: 'string',
          description: 'What the policy covers, for people reading it.',
          examples: ['Breach and audit-failure notification for the claims platform'],
        },
      },
    },
    spec: {
      type: 'object',
      description: 'The notification procedure: who the entity is, what starts the procedure, whom it escalates to, the deadlines, and where notifications are recorded.',
      examples: [{ entity: { role: 'coveredEntity', timeZone: 'America/Chicago' } }],
      required: ['entity', 'discovery', 'escalation', 'deadlines', 'auditTrail'],
      additionalProperties: false,
      properties: {
        entity: { $ref: '#/$defs/entity' },
        discovery: {
          type: 'array',
          minItems: 1,
          description: 'What starts the notification procedure (discovery of a breach or audit failure). Each source must be wired to the tier-1 action group in the templates (HN505).',
          examples: [[{ source: 'azurePolicy', states: ['NonCompliant'] }, { source: 'defenderForCloud', minimumSeverity: 'Medium' }]],
          items: { $ref: '#/$defs/discoverySource' },
        },
        escalation: {
          type: 'array',
          minItems: 1,
          description: 'Escalation tiers in order: each is reached a given time after discovery, later tiers later (HN507).',
          examples: [[{ tier: 1, within: 'PT15M', actionGroup: 'ag-hipaa-tier1', recipients: [{ entraGroup: '7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f' }] }]],
          items: { $ref: '#/$defs/escalationTier' },
        },
        deadlines: { $ref: '#/$defs/deadlines' },
        auditTrail: { $ref: '#/$defs/auditTrail' },
      },
      if: { required: ['entity'], properties: { entity: { required: ['role'], properties: { role: { const: 'businessAssociate' } } } } },
      then: { properties: { deadlines: { required: ['coveredEntity'] } } },
    },
  },
  $defs: {
    entity: {
      type: 'object',
      description: 'The organisation that follows this policy.',
      examples: [{ role: 'coveredEntity', timeZone: 'America/Chicago' }],
      required: ['role', 'timeZone'],
      additionalProperties: false,
      properties: {
        role: {
          enum: ['coveredEntity', 'businessAssociate'],
          description: 'HIPAA role of the organisation: a covered entity notifies individuals, media and HHS; a business associate also notifies the covered entity (164.410).',
          examples: ['coveredEntity'],
        },
        timeZone: {
          type: 'string',
          minLength: 1,
          description: 'IANA time zone in which deadlines are counted (HN503).',
          examples: ['America/Chicago', 'Europe/Berlin', 'UTC'],
        },
      },
    },
    discoverySource: {
      type: 'object',
      description: 'One source whose events start the notification procedure.',
      examples: [{ source: 'logQuery', name: 'phi-bulk-export' }],
      required: ['source'],
      additionalProperties: false,
      properties: {
        source: {
          enum: ['azurePolicy', 'defenderForCloud', 'activityLog', 'logQuery'],
          description: 'Kind of source: Azure Policy compliance states, Microsoft Defender for Cloud alerts, activity log categories, or a scheduled log query.',
          examples: ['azurePolicy', 'defenderForCloud', 'activityLog', 'logQuery'],
        },
        states: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          description: 'Azure Policy compliance states that start the procedure (source azurePolicy).',
          examples: [['NonCompliant']],
          items: {
            enum: ['NonCompliant', 'Compliant', 'Conflict', 'Exempt', 'Unknown', 'Error'],
            description: 'An Azure Policy compliance state.',
            examples: ['NonCompliant'],
          },
        },
        minimumSeverity: {
          enum: ['Low', 'Medium', 'High'],
          description: 'Lowest Defender for Cloud alert severity that starts the procedure (source defenderForCloud).',
          examples: ['Medium'],
        },
        categories: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          description: 'Activity log categories that start the procedure (source activityLog).',
          examples: [['Administrative', 'Security', 'Policy']],
          items: {
            enum: ['Administrative', 'Security', 'Policy', 'ServiceHealth', 'ResourceHealth', 'Alert', 'Recommendation', 'Autoscale'],
            description: 'An activity log category.',
            examples: ['Security'],
          },
        },
        name: {
          type: 'string',
          minLength: 1,
          description: 'Name of the Microsoft.Insights/scheduledQueryRules resource that runs the query (source logQuery).',
          examples: ['phi-bulk-export'],
        },
      },
      allOf: [
        sourceFields('azurePolicy', ['states']),
        sourceFields('defenderForCloud', ['minimumSeverity']),
        sourceFields('activityLog', ['categories']),
        sourceFields('logQuery', ['name'], ['name']),
      ],
    },
    escalationTier: {
      type: 'object',
      description: 'One escalation tier: whom the procedure reaches, through which action group, how long after discovery.',
      examples: [{ tier: 1, within: 'PT15M', actionGroup: 'ag-hipaa-tier1', recipients: [{ entraGroup: '7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f' }] }],
      required: ['tier', 'within', 'actionGroup', 'recipients'],
      additionalProperties: false,
      properties: {
        tier: {
          type: 'integer',
          minimum: 1,
          description: 'Number of the tier, from 1.',
          examples: [1, 2],
        },
        within: {
          $ref: '#/$defs/duration',
          description: 'ISO 8601 duration after discovery by which this tier is notified; tier 1 within one hour (HN507).',
          examples: ['PT15M', 'PT4H'],
        },
        actionGroup: {
          type: 'string',
          minLength: 1,
          description: 'Name of the Microsoft.Insights/actionGroups resource, defined in the workspace templates, that notifies this tier (HN504).',
          examples: ['ag-hipaa-tier1'],
        },
        recipients: {
          type: 'array',
          minItems: 1,
          description: 'Who is notified: Microsoft Entra groups and Azure roles, not people (HN502).',
          examples: [[{ entraGroup: '7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f' }, { armRole: 'Monitoring Contributor' }]],
          items: { $ref: '#/$defs/recipient' },
        },
      },
    },
    recipient: {
      type: 'object',
      description: 'One recipient: exactly one of `entraGroup`, `armRole` or `email`.',
      examples: [{ entraGroup: '7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f' }, { armRole: 'Monitoring Contributor' }],
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      properties: {
        entraGroup: {
          type: 'string',
          pattern: guid,
          description: 'Object ID (a GUID) of a Microsoft Entra group; membership follows people as they change roles.',
          examples: ['7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f'],
        },
        armRole: {
          type: 'string',
          minLength: 1,
          description: 'An Azure role whose members are notified: a built-in role name or a role definition ID (GUID).',
          examples: ['Monitoring Contributor', '749f88d5-cbae-40b8-bcfc-e573ddc772fa'],
        },
        email: {
          type: 'string',
          format: 'email',
          description: 'A mailbox. Allowed, but a personal address is reported by HN502: prefer a group or a role.',
          examples: ['privacy-office@contoso.com'],
        },
      },
    },
    deadlines: {
      type: 'object',
      description: 'Deadlines after discovery, in days; none may exceed P60D (HN501).',
      examples: [{ individuals: 'P60D', media: 'P60D', hhs: 'P60D' }],
      required: ['individuals', 'media', 'hhs'],
      additionalProperties: false,
      properties: {
        individuals: {
          $ref: '#/$defs/days',
          description: 'Deadline to notify affected individuals (45 CFR 164.404(b)).',
          examples: ['P60D'],
        },
        media: {
          $ref: '#/$defs/days',
          description: 'Deadline to notify prominent media outlets when more than 500 residents of a state are affected (45 CFR 164.406).',
          examples: ['P60D'],
        },
        hhs: {
          $ref: '#/$defs/days',
          description: 'Deadline to notify the Secretary of HHS of a breach affecting 500 or more individuals (45 CFR 164.408).',
          examples: ['P60D'],
        },
        coveredEntity: {
          $ref: '#/$defs/days',
          description: 'Deadline for a business associate to notify the covered entity (45 CFR 164.410); required when the role is businessAssociate.',
          examples: ['P30D'],
        },
      },
    },
    auditTrail: {
      type: 'object',
      description: 'Where each notification attempt is recorded, and for how long (45 CFR 164.530(j)).',
      examples: [{ workspace: 'law-hipaa-audit', retentionDays: 2190 }],
      required: ['workspace', 'retentionDays'],
      additionalProperties: false,
      properties: {
        workspace: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$',
          description: 'Name of the Microsoft.OperationalInsights/workspaces resource, defined in the workspace templates, that keeps the records.',
          examples: ['law-hipaa-audit'],
        },
        retentionDays: {
          type: 'integer',
          minimum: 1,
          maximum: 4383,
          description: 'Days the records are kept; at least 2190 (six years, HN506). Log Analytics keeps at most 4383 days (12 years).',
          examples: [2190],
        },
      },
    },
    duration: {
      type: 'string',
      pattern: '^P(?!$)([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?$',
      description: 'An ISO 8601 duration in days, hours, minutes and seconds, such as PT15M, PT4H or P1D.',
      examples: ['PT15M', 'PT4H', 'P1D'],
    },
    days: {
      type: 'string',
      pattern: '^P[0-9]+D$',
      description: 'An ISO 8601 duration in whole days, such as P60D. Months and years are not allowed: their length in days varies.',
      examples: ['P60D', 'P30D'],
    },
  },
} as const;

/** Fields that only one discovery source takes; `required` lists those it must have. */
function sourceFields(source: string, own: readonly string[], required: readonly string[] = []) {
  const others = ['states', 'minimumSeverity', 'categories', 'name'].filter((field) => !own.includes(field));
  return {
    if: { required: ['source'], properties: { source: { const: source } } },
    then: {
      ...(required.length > 0 ? { required: [...required] } : {}),
      properties: Object.fromEntries(others.map((field) => [field, false])),
    },
  };
}
