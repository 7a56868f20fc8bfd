import { parseAllDocuments, type Document } from 'yaml';
import type { SyntaxProblem } from '../span';

export interface YamlDocument {
  readonly document: Document | undefined;
  readonly problems: readonly SyntaxProblem[];
}

/** Parses one YAML 1.2 document; a file with several documents is reported, not merged. */
export function parseYamlDocument(text: string): YamlDocument {
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const list = Array.isArray(documents) ? documents : [];
  const problems: SyntaxProblem[] = [];
  for (const doc of list) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      problems.push({ offset: start, length: Math.max(end - start, 1), message: yamlMessage(error.code, error.message) });
    }
  }
  if (list.length > 1) {
    const second = list[1];
    const offset = second.range?.[0] ?? 0;
    problems.push({ offset, length: 3, message: 'a notification policy file holds one YAML document; remove the second one (after ---)' });
  }
  return { document: list[0], problems };
}

function yamlMessage(code: string, raw: string): string {
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping; keep one';
  return firstSentence(raw);
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}
