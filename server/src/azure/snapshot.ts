/**
 * What the reader saw, as plain JSON: the input of the offline analysis and the format of
 * `--snapshot-out` (schemas/live-snapshot.schema.json). Secrets are redacted before a record
 * enters a snapshot (see redact.ts).
 */
export const snapshotFormat = 'hipaa-notify-live-snapshot';
export const snapshotVersion = 1;

export interface LiveSnapshot {
  readonly format: typeof snapshotFormat;
  readonly version: typeof snapshotVersion;
  /** ISO 8601 time the read started. */
  readonly readAt: string;
  readonly cloud: { readonly name: string; readonly resourceManager: string; readonly portal?: string };
  /** False when the read was cancelled: what is here is a part of the estate. */
  readonly complete: boolean;
  readonly subscriptions: readonly SubscriptionRecord[];
  /** Resource groups, tracked resources, and extension and child resources read for the rules. */
  readonly resources: readonly LiveResource[];
  readonly errors: readonly ReadError[];
}

export interface SubscriptionRecord {
  /** The subscription GUID. */
  readonly id: string;
  readonly name: string;
  /** `Enabled`, `Disabled`, `Warned`, `PastDue`, `Deleted`. */
  readonly state: string;
}

/** A resource as Resource Manager returns it (the properties the rules read), plus the API version it was read with. */
export interface LiveResource {
  readonly id: string;
  readonly type: string;
  /** The last segment of the ID, as ARM returns `name`. */
  readonly name: string;
  readonly apiVersion?: string;
  readonly location?: string;
  readonly kind?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly identity?: unknown;
  readonly sku?: unknown;
  readonly properties?: unknown;
}

/** A read that failed: the scope (resource, resource group or subscription ID) and the HTTP status (0 for a network error, 499 for cancellation). */
export interface ReadError {
  readonly scope: string;
  readonly status: number;
  readonly code?: string;
  readonly message: string;
  /** What could not be read there: `resources`, `diagnosticSettings`, `locks`, ... */
  readonly what?: string;
}
