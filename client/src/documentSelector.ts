import type { DocumentSelector } from 'vscode-languageclient/node';

/** The documents the language server analyses (and the language status items describe). */
export const analysedDocuments: DocumentSelector = [
  { language: 'bicep' },
  { language: 'bicepparam' },
  // Microsoft's Bicep extension names .bicepparam files' language 'bicep-params'.
  { language: 'bicep-params' },
  // ARM templates and parameter files are any JSON; the server recognises them by $schema.
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'yaml', pattern: '**/*.hipaa-notify.{yaml,yml}' },
];
