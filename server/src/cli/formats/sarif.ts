import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalog } from '../../rules/catalog';
import type { Level } from '../../rules/finding';
import type { CheckReport } from '../check';
import { locateFindings, type PathStyle } from './locate';

export const sarifLevel: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 with one run; paths relative to the current folder through %SRCROOT% (or absolute
 * file URIs). Each rule carries its documentation page as `help`, since the pages have no
 * published address.
 */
export function formatSarif(report: CheckReport, version: string, style: PathStyle = {}, docsFolder: string = packagedDocs): string {
  const ruleIndex = new Map(catalog.map((rule, index) => [rule.id, index]));
  const results = locateFindings(report, style).map(({ finding, relativePath, startLine, startColumn, endLine, endColumn }) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: sarifLevel[finding.level],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: style.absolutePaths ? { uri: pathToFileURL(relativePath).href } : { uri: encodeURI(relativePath), uriBaseId: 'SRCROOT' },
          region: { startLine, startColumn, endLine, endColumn },
        },
      },
    ],
  }));
  return sarifLog(version, sarifRules(docsFolder), {
    originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(report.root).href + '/' } },
    columnKind: 'utf16CodeUnits',
    results,
  });
}

/** The catalog as SARIF reporting descriptors, each with its documentation page as `help`. */
/** A SARIF 2.1.0 log of one hipaa-notify run: the tool, its rules, and what the run adds (results, invocations, locations). */
export function sarifLog(version: string, rules: ReturnType<typeof sarifRules>, run: Record<string, unknown>): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'hipaa-notify', version, rules } }, ...run }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

export function sarifRules(docsFolder: string = packagedDocs) {
  return catalog.map((rule) => ({
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    help: helpOf(rule.id, rule.summary, docsFolder),
    defaultConfiguration: { level: sarifLevel[rule.level] },
    ...(rule.citation ? { properties: { tags: ['hipaa', 'compliance'], citation: rule.citation } } : {}),
  }));
}

/** The rule pages beside the bundled CLI (dist/cli.js -> docs/rules). */
const packagedDocs = path.resolve(__dirname, '..', 'docs', 'rules');

function helpOf(id: string, summary: string, docsFolder: string): { text: string; markdown?: string } {
  try {
    return { text: summary, markdown: fs.readFileSync(path.join(docsFolder, `${id}.md`), 'utf8') };
  } catch {
    return { text: summary };
  }
}
