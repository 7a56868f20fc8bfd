import { pathToFileURL } from 'node:url';
import { catalog, defaultDocsBase, ruleDocUrl } from '../../rules/catalog';
import type { Level } from '../../rules/finding';
import type { CheckReport } from '../check';
import { locateFindings } from './locate';

const sarifLevel: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 with one run; paths relative to the checked folder through %SRCROOT%. */
export function formatSarif(report: CheckReport, version: string, docsBase: string = defaultDocsBase): string {
  const ruleIndex = new Map(catalog.map((rule, index) => [rule.id, index]));
  const results = locateFindings(report).map(({ finding, relativePath, startLine, startColumn, endLine, endColumn }) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: sarifLevel[finding.level],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(relativePath), uriBaseId: 'SRCROOT' },
          region: { startLine, startColumn, endLine, endColumn },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hipaa-notify',
            version,
            informationUri: docsBase.replace(/\/blob\/main\/docs\/rules$/, ''),
            rules: catalog.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.summary },
              helpUri: ruleDocUrl(rule.id, docsBase),
              defaultConfiguration: { level: sarifLevel[rule.level] },
              ...(rule.citation ? { properties: { tags: ['hipaa', 'compliance'], citation: rule.citation } } : {}),
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(report.root).href + '/' } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
