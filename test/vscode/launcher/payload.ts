// The workbench `payload` URL parameter that loads a development extension (and optionally a test
// suite) into the server's extension host. A built VS Code honours it only with
// --enable-smoke-test-driver.

export function developmentPayload(port: number, extensionPath: string, testsPath?: string): string {
  // Paths are on the server: the workbench reaches them through its remote authority.
  const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
  const entries: Array<[string, string]> = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['skipWelcome', 'true'],
  ];
  if (testsPath) entries.push(['extensionTestsPath', remote(testsPath)]);
  return JSON.stringify(entries);
}
