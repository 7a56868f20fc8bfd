import * as fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { redactJson } from './redact';
import { snapshotFormat, snapshotVersion, type LiveSnapshot } from './snapshot';
import { snapshotSchema, snapshotSchemaId } from './snapshotSchema';

/** A snapshot file that cannot be used: unreadable, not JSON, another format or version, or breaking the schema. */
export class SnapshotError extends Error {}

/** Writes a snapshot as JSON, secrets redacted (again: a snapshot built by hand goes through the same filter). */
export function writeSnapshotFile(file: string, snapshot: LiveSnapshot): void {
  fs.writeFileSync(file, JSON.stringify({ $schema: snapshotSchemaId, ...redactJson(snapshot) }, null, 1) + '\n');
}

let validate: ReturnType<Ajv2020['compile']> | undefined;

export function readSnapshotFile(file: string): LiveSnapshot {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new SnapshotError(`${file}: cannot read the snapshot (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  return parseSnapshot(text, file);
}

export function parseSnapshot(text: string, file = 'snapshot'): LiveSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`${file}: not JSON (${(error as Error).message})`);
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== snapshotFormat) throw new SnapshotError(`${file}: not a hipaa-notify live snapshot (format must be '${snapshotFormat}')`);
  if (head.version !== snapshotVersion) throw new SnapshotError(`${file}: snapshot version ${String(head.version)} is not one this hipaa-notify reads (it reads version ${snapshotVersion})`);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    addFormats(ajv);
    validate = ajv.compile(snapshotSchema);
  }
  if (!validate(json)) {
    const error = validate.errors?.[0];
    throw new SnapshotError(`${file}: ${error ? `${error.instancePath || '(top)'} ${error.message ?? 'is not valid'}` : 'does not follow schemas/live-snapshot.schema.json'}`);
  }
  const { $schema: _schema, ...snapshot } = json as LiveSnapshot & { $schema?: string };
  return snapshot;
}
