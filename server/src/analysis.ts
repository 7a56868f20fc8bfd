import { documentKindOf, type DocumentKind } from './syntax/documentKind';
import { parseJsonDocument } from './syntax/arm/jsonDocument';
import { parseYamlDocument } from './syntax/policy/yamlDocument';
import type { SyntaxProblem } from './syntax/span';
import type { Finding } from './rules/finding';

export interface SourceFile {
  /** Absolute path or URI, as the front end names the file. */
  readonly file: string;
  readonly text: string;
}

/** Largest file analysed; past it the file gets one HN001 and nothing else. */
export const maxFileBytes = 8 * 1024 * 1024;

/** Findings for one file on its own. Never throws: a failing step becomes a finding. */
export function analyseFile(source: SourceFile, kind: DocumentKind = documentKindOf(source.file, source.text)): Finding[] {
  if (kind === 'none') return [];
  if (source.text.length > maxFileBytes) {
    return [syntaxFinding(source.file, { offset: 0, length: 0, message: `the file is larger than ${maxFileBytes / 1024 / 1024} MB and is not analysed` })];
  }
  return syntaxProblemsOf(source, kind).map((problem) => syntaxFinding(source.file, problem));
}

function syntaxProblemsOf({ file, text }: SourceFile, kind: DocumentKind): readonly SyntaxProblem[] {
  switch (kind) {
    case 'armTemplate':
    case 'armParameters':
      return parseJsonDocument(text, { arm: true }).problems;
    case 'config':
      return parseJsonDocument(text, { arm: false }).problems;
    case 'policy':
      return /\.json$/i.test(file) ? parseJsonDocument(text).problems : parseYamlDocument(text).problems;
    default:
      return [];
  }
}

function syntaxFinding(file: string, problem: SyntaxProblem): Finding {
  return { ruleId: 'HN001', level: 'error', message: problem.message, file, span: problem };
}
