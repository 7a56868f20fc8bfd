import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point that both test-electron and the code-server runner load into the extension host. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const suiteFolder = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(suiteFolder).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteFolder, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
