// The contract between the suite (inside the extension host) and its launchers (outside): the
// launcher picks a file, passes its path in this environment variable, and reads what the suite
// wrote there. A file is more robust than parsing the server log for the host's exit code.
export const RESULTS_FILE_ENV = 'NSI_VSCODE_TEST_RESULTS';

export interface TestOutcome {
  /** "suite title > test title". */
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  vscodeVersion: string;
  tests: TestOutcome[];
  /** Set when the suite could not run at all (e.g. a test file failed to load). */
  fatal?: string;
}
