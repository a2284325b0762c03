// Whether the extension can work on this platform. Kept free of `vscode` so a unit test can check
// the non-Linux branch on any machine.

/** The message shown instead of the extension on a platform without Linux namespaces. */
export function unsupportedPlatformMessage(platform: NodeJS.Platform): string | undefined {
  if (platform === 'linux') return undefined;
  return (
    `Namespace Inspector works only on Linux: namespaces are a Linux kernel feature and do not exist on ${platform}. ` +
    'Open a Linux machine, WSL or a container (VS Code Remote) to use it.'
  );
}
