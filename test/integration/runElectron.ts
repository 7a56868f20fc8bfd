import { runTests } from '@vscode/test-electron';

/** The desktop runner: downloads VS Code into .vscode-test/ and runs the same suite. */
async function main(): Promise<void> {
  const [extensionDevelopmentPath, extensionTestsPath, workspace] = process.argv.slice(2);
  await runTests({ extensionDevelopmentPath, extensionTestsPath, launchArgs: [workspace, '--disable-extensions'] });
}

main().catch((error: unknown) => {
  console.error('integration tests failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
