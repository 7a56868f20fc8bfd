import { createScanner, SyntaxKind } from 'jsonc-parser';

export type DocumentKind =
  | 'bicep'
  | 'bicepparam'
  | 'armTemplate'
  | 'armParameters'
  | 'policy'
  | 'config'
  | 'none';

const policyName = /\.hipaa-notify\.(ya?ml|json)$/i;

/**
 * What a file is, from its name and, for JSON, from its top-level `$schema` (works on broken
 * JSON too). The editor's language id decides for unsaved files that have no telling name.
 */
export function documentKindOf(fileName: string, text: string, languageId?: string): DocumentKind {
  const base = fileName.replace(/^.*[\\/]/, '');
  const lower = base.toLowerCase();
  if (policyName.test(base)) return 'policy';
  if (lower === 'hipaa-notify.json') return 'config';
  if (lower.endsWith('.bicep')) return 'bicep';
  if (lower.endsWith('.bicepparam')) return 'bicepparam';
  if (lower.endsWith('.json') || lower.endsWith('.jsonc')) return armKindOf(text);
  if (languageId === 'bicep' || languageId === 'bicepparam') return languageId;
  if (languageId === 'json' || languageId === 'jsonc') return armKindOf(text);
  return 'none';
}

const templateSchema = /deploymentTemplate\.json/i;
const parametersSchema = /deploymentParameters\.json/i;

/** Reads tokens up to the top-level `$schema` value; gives up after a bounded number of tokens. */
export function armKindOf(text: string): DocumentKind {
  const scanner = createScanner(text, false);
  let depth = 0;
  let expectSchemaValue = false;
  let afterColon = false;
  for (let tokens = 0; tokens < 2000; tokens++) {
    const token = scanner.scan();
    switch (token) {
      case SyntaxKind.EOF:
        return 'none';
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        depth++;
        expectSchemaValue = false;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth--;
        if (depth <= 0) return 'none';
        break;
      case SyntaxKind.ColonToken:
        afterColon = expectSchemaValue;
        break;
      case SyntaxKind.StringLiteral: {
        const value = scanner.getTokenValue();
        if (depth === 1 && afterColon) {
          if (templateSchema.test(value)) return 'armTemplate';
          if (parametersSchema.test(value)) return 'armParameters';
          return 'none';
        }
        expectSchemaValue = depth === 1 && !afterColon && value === '$schema';
        afterColon = false;
        break;
      }
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        break;
      default:
        expectSchemaValue = false;
        afterColon = false;
    }
  }
  return 'none';
}
