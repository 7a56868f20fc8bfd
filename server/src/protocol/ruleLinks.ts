import * as path from 'node:path';
import { URI } from 'vscode-uri';

/**
 * The rule pages shipped beside the bundled server (dist/server.js -> docs/rules), for clients
 * that pass no `docsBaseUrl`. The pages have no published web address.
 */
export const packagedDocs = URI.file(path.resolve(__dirname, '..', 'docs', 'rules')).toString();
