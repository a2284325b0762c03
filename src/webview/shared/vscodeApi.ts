// Reusable webview plumbing, browser side: the VS Code API of the page, typed. connect() listens
// for messages first, then posts {type: 'ready'} (the extension queues its posts until then).
interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export interface Connection<ToExtension, State> {
  post(message: ToExtension): void;
  /** What setState() saved, for a reloaded frame or a restored panel (unchecked: validate it). */
  readonly savedState: State | undefined;
  saveState(state: State): void;
}

export function connect<FromExtension, ToExtension, State>(onMessage: (message: FromExtension) => void): Connection<ToExtension, State> {
  const api = acquireVsCodeApi<State>();
  window.addEventListener('message', (event: MessageEvent<FromExtension>) => onMessage(event.data));
  api.postMessage({ type: 'ready' });
  return {
    post: (message) => api.postMessage(message),
    savedState: api.getState(),
    saveState: (state) => api.setState(state),
  };
}
