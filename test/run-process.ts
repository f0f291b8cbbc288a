import { spawn, type SpawnOptions } from 'node:child_process';

/** What a finished child process printed, and its exit status. */
export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command asynchronously (so test cases can overlap their start-up times) and collects
 * its output. Standard input is closed at once unless `input` is given.
 */
export function runProcess(command: string, args: readonly string[], options: SpawnOptions = {}, input?: string): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(input ?? '');
  });
}
