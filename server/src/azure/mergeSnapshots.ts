import { snapshotFormat, snapshotVersion, type LiveSnapshot } from './snapshot';

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
