// Before a tracer starts: the tool is installed and the kernel will let it attach; else an error
// that says which refusal and what would allow it, and nothing starts.
import * as vscode from 'vscode';
import { findExecutable } from '../../../core/exec/findExecutable';
import { readPtraceFacts } from '../../../core/debugTools/ptraceFacts';
import { ptraceRefusal } from '../../../core/debugTools/ptraceRefusal';
import type { CommandContext } from '../commandContext';

/** True when `tool` may attach to `pid`; says why not otherwise. */
export function mayTrace(ctx: CommandContext, tool: 'strace' | 'gdb', pid: number): boolean {
  if (!findExecutable(tool)) {
    void vscode.window.showErrorMessage(`${tool} is not installed on this host: install it (apt-get install ${tool}) and try again.`);
    return false;
  }
  const refusal = ptraceRefusal(pid, readPtraceFacts(pid));
  if (!refusal) return true;
  ctx.log.info(`${tool} -p ${pid} not started: ${refusal.reason}`);
  void vscode.window.showErrorMessage(refusal.message);
  return false;
}
