import { snapshotFormat, snapshotVersion, type LiveSnapshot } from './snapshot';

/**
 * A snapshot from text (a file the user opened): checked for the format and version and the
 * shapes the analysis reads, with a clear error instead of a crash on anything else.
 */
export function parseSnapshotText(text: string): { snapshot: LiveSnapshot } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { error: 'it is not a JSON object' };
  const candidate = json as Record<string, unknown>;
  if (candidate.format !== snapshotFormat) return { error: `"format" is not "${snapshotFormat}"` };
  if (candidate.version !== snapshotVersion) return { error: `version ${JSON.stringify(candidate.version)} is not supported (this version reads ${snapshotVersion})` };
  for (const list of ['subscriptions', 'resources', 'errors'] as const) {
    const items = candidate[list];
    if (!Array.isArray(items) || items.some((item) => !item || typeof item !== 'object' || Array.isArray(item))) return { error: `"${list}" is not an array of objects` };
  }
  const cloud = candidate.cloud as Record<string, unknown> | undefined;
  if (!cloud || typeof cloud !== 'object' || typeof cloud.resourceManager !== 'string' || typeof cloud.name !== 'string') return { error: '"cloud" needs "name" and "resourceManager"' };
  if ((candidate.subscriptions as Record<string, unknown>[]).some((s) => typeof s.id !== 'string')) return { error: 'a subscription has no "id"' };
  if ((candidate.resources as Record<string, unknown>[]).some((r) => typeof r.id !== 'string' || typeof r.type !== 'string')) return { error: 'a resource has no "id" or "type"' };
  if ((candidate.errors as Record<string, unknown>[]).some((e) => typeof e.scope !== 'string' || typeof e.status !== 'number')) return { error: 'an error has no "scope" or "status"' };
  if (typeof candidate.readAt !== 'string') return { error: '"readAt" is missing' };
  return { snapshot: { ...(candidate as unknown as LiveSnapshot), complete: candidate.complete !== false } };
}

/** Snapshots of disjoint subscriptions (read one by one) as one. */
export function mergeSnapshots(parts: readonly LiveSnapshot[], complete: boolean, empty: Pick<LiveSnapshot, 'readAt' | 'cloud'>): LiveSnapshot {
  const first = parts[0];
  return {
    format: snapshotFormat,
    version: snapshotVersion,
    readAt: parts.map((p) => p.readAt).sort()[0] ?? empty.readAt,
    cloud: first?.cloud ?? empty.cloud,
    complete: complete && parts.every((p) => p.complete),
    subscriptions: parts.flatMap((p) => p.subscriptions),
    resources: parts.flatMap((p) => p.resources),
    errors: parts.flatMap((p) => p.errors),
  };
}
