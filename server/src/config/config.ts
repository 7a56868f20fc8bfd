import { minimatch } from 'minimatch';
import { parseJsonDocument } from '../syntax/arm/jsonDocument';
import { getNodeValue } from 'jsonc-parser';
import type { ConfiguredLevel, Finding } from '../rules/finding';
import type { SyntaxProblem } from '../syntax/span';

/** The contents of `hipaa-notify.json` (schemas/config.schema.json). */
export interface Config {
  readonly rules: Readonly<Record<string, ConfiguredLevel>>;
  readonly ignore: readonly string[];
  readonly timeZone?: string;
}

export const emptyConfig: Config = { rules: {}, ignore: [] };

const levels = new Set(['off', 'info', 'warning', 'error']);

export interface ConfigRead {
  readonly config: Config;
  readonly problems: readonly SyntaxProblem[];
}

/** Reads a config file's text; whatever is malformed is reported and left out, never thrown. */
export function readConfig(text: string): ConfigRead {
  const { root, problems } = parseJsonDocument(text, { comments: true });
  const value: unknown = root ? getNodeValue(root) : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config: emptyConfig, problems: [...problems, { offset: 0, length: 1, message: 'a hipaa-notify.json file holds one JSON object' }] };
  }
  const raw = value as Record<string, unknown>;
  const rules: Record<string, ConfiguredLevel> = Object.create(null);
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, level] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && levels.has(level)) rules[id] = level as ConfiguredLevel;
    }
  }
  const ignore = Array.isArray(raw.ignore) ? raw.ignore.filter((g): g is string => typeof g === 'string') : [];
  const timeZone = typeof raw.timeZone === 'string' ? raw.timeZone : undefined;
  return { config: { rules, ignore, ...(timeZone ? { timeZone } : {}) }, problems };
}

/** Applies the configured rule levels: drops findings of rules set to `off`. */
export function applyRuleLevels(findings: readonly Finding[], config: Config): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = config.rules[finding.ruleId];
    if (level === 'off') continue;
    result.push(level ? { ...finding, level } : finding);
  }
  return result;
}

/** Whether a path (relative to the config's folder, with forward slashes) is ignored. */
export function isIgnored(relativePath: string, config: Config): boolean {
  return config.ignore.some((glob) => minimatch(relativePath, glob, { dot: true, matchBase: !glob.includes('/') }));
}
