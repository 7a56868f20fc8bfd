import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeployedResource } from '../model/deployedResource';
import { LineMap } from '../syntax/lineMap';
import { documentKindOf } from '../syntax/documentKind';
import { templateModelOf } from '../workspace/templateModels';
import { diskReader } from '../workspace/workspaceReader';
import { InputError } from './check';

/** One line of `hipaa-notify model`: what the analysis sees a template deploy. */
export interface ModelRow {
  readonly type: string | null;
  readonly name: string | null;
  readonly apiVersion: string | null;
  /** false when a condition is known false, null when it cannot be known. */
  readonly deployed: boolean | null;
  readonly existing: boolean;
  readonly file: string;
  readonly line: number;
}

export function modelRows(templatePath: string, root = path.dirname(path.resolve(templatePath))): ModelRow[] {
  const file = path.resolve(templatePath);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(`${templatePath}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const kind = documentKindOf(file, text);
  if (kind !== 'armTemplate' && kind !== 'bicep') throw new InputError(`${templatePath}: not a Bicep file or an ARM template (its $schema names no deploymentTemplate.json)`);
  const reader = diskReader(root);
  const model = templateModelOf(file, text, reader);
  if (!model) throw new InputError(`${templatePath}: the template could not be read; run 'hipaa-notify check' on it for the syntax errors`);
  const lineMaps = new Map<string, LineMap>();
  const lineOf = (resource: DeployedResource) => {
    let lines = lineMaps.get(resource.origin.file);
    if (!lines) {
      lines = new LineMap(resource.origin.file === file ? text : reader.readText(resource.origin.file) ?? '');
      lineMaps.set(resource.origin.file, lines);
    }
    return lines.positionAt(resource.origin.span.offset).line + 1;
  };
  return model.resources.map((resource) => ({
    type: resource.type ?? null,
    name: resource.name.kind === 'string' ? resource.name.value : null,
    apiVersion: resource.apiVersion ?? null,
    deployed: resource.condition === 'unknown' ? null : resource.condition,
    existing: resource.existing,
    file: path.relative(process.cwd(), resource.origin.file).split(path.sep).join('/'),
    line: lineOf(resource),
  }));
}

export function formatModelText(rows: readonly ModelRow[]): string {
  const state = (row: ModelRow) => (row.existing ? 'existing' : row.deployed === null ? 'condition unknown' : row.deployed ? 'deployed' : 'not deployed');
  const lines = rows.map((row) => `${row.file}:${row.line} ${row.type ?? '(unknown type)'} ${row.name ?? '(name unknown)'} ${row.apiVersion ?? '-'} ${state(row)}`);
  lines.push(`${rows.length} resource${rows.length === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

export function formatModelJson(rows: readonly ModelRow[]): string {
  return JSON.stringify({ resources: rows }, null, 2) + '\n';
}
