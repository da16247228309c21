// Runs the e2e suite in a downloaded VS Code (Electron), for machines that can reach the VS Code
// download servers: `npm run test:electron`. Where they cannot, test/e2e/run-in-code-server.mjs runs
// the same suite in code-server.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  try {
    await runTests({
      version: process.env.CABLE_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'dist', 'test', 'e2e', 'index.js'),
      extensionTestsEnv: { CABLE_E2E_EXTENSION_ROOT: root },
      launchArgs: [
        path.join(root, 'test', 'fixtures', 'e2e'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (error) {
    console.error(`e2e tests in VS Code failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
