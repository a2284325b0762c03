// Which container folders the user allowed writing in, by their authority (PID-STARTTICKS): for
// this window only. Nothing is persisted, so a reload (or a new process) starts read-only again.

export class WritableFolders {
  private readonly allowed = new Set<string>();
  private readonly listeners = new Set<(authority: string) => void>();

  isAllowed(authority: string): boolean {
    return this.allowed.has(authority);
  }

  allow(authority: string): void {
    if (this.allowed.has(authority)) return;
    this.allowed.add(authority);
    this.notify(authority);
  }

  makeReadOnly(authority: string): void {
    if (this.allowed.delete(authority)) this.notify(authority);
  }

  /** Called with the authority whose permission changed; returns the unsubscribe function. */
  onDidChange(listener: (authority: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(authority: string): void {
    for (const listener of this.listeners) listener(authority);
  }
}
