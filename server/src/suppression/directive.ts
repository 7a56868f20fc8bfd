/** `hipaa-notify-disable-next-line HN101 HN109 -- reason`, the body of a comment. */
export interface SuppressionDirective {
  readonly ruleIds: readonly string[];
  /** Trimmed text after `--`; undefined when there is none. */
  readonly reason?: string;
}

const marker = /^\s*hipaa-notify-disable-next-line\b(.*)$/s;

/** Reads a directive from a comment's text without its `//`, `#` or `/* *\/` delimiters. */
export function parseDirective(commentBody: string): SuppressionDirective | undefined {
  const match = marker.exec(commentBody);
  if (!match) return undefined;
  const rest = match[1];
  const dashes = rest.indexOf('--');
  const idsText = dashes >= 0 ? rest.slice(0, dashes) : rest;
  const reason = dashes >= 0 ? rest.slice(dashes + 2).trim() : '';
  const ruleIds = idsText.split(/[\s,]+/).filter((id) => id.length > 0).map((id) => id.toUpperCase());
  return { ruleIds, ...(reason ? { reason } : {}) };
}
