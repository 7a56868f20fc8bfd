import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBicepFileModel, buildBicepParamModel, type BicepFileModel } from '../../../../server/src/model/bicep/bicepFileModel';
import { evaluateBicepText } from '../../../../server/src/model/bicep/evaluateBicepFile';
import { plainOf } from '../../../../server/src/model/value';

/** A throw-away workspace of Bicep files: name -> text. */
export function withWorkspace<T>(files: Readonly<Record<string, string>>, use: (folder: string) => T): T {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-bicep-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    return use(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export function loaderIn(folder: string): (file: string) => string | undefined {
  return (file) => {
    const relative = path.relative(folder, file);
    if (relative.startsWith('..') || path.isAbsolute(relative) || !fs.existsSync(file)) return undefined;
    return fs.readFileSync(file, 'utf8');
  };
}

/** The value of `expression` in a file holding `declarations`, as plain data (unknown as `{ $unknown }`). */
export function valueOf(expression: string, declarations = ''): unknown {
  const evaluation = evaluateBicepText('/w/main.bicep', `${declarations}\noutput result object = ${expression}\n`, new Map(), { load: () => undefined });
  return plainOf(evaluation.outputs[evaluation.outputs.length - 1].value);
}

/** The model of the workspace's `entry` (.bicep or .bicepparam). */
export function modelOf(files: Readonly<Record<string, string>>, entry = 'main.bicep'): BicepFileModel & { rows: string[]; problems: BicepFileModel['problems'] } {
  return withWorkspace(files, (folder) => {
    const file = path.join(folder, entry);
    const build = entry.endsWith('.bicepparam') ? buildBicepParamModel : buildBicepFileModel;
    const model = build(file, files[entry], loaderIn(folder));
    const rows = model.resources.map((r) => {
      const name = r.name.kind === 'string' ? r.name.value : '?';
      const flags = [r.condition === true ? '' : r.condition === false ? 'not deployed' : 'condition unknown', r.existing ? 'existing' : '', r.deployedBy !== undefined ? `by ${r.deployedBy}` : ''].filter(Boolean);
      return `${r.type ?? '?'} ${name}${flags.length ? ` (${flags.join(', ')})` : ''}`;
    });
    const problems = model.problems.map((problem) => ({ ...problem, file: path.relative(folder, problem.file) }));
    return { ...model, rows, problems };
  });
}
