/**
 * Running an external program (the page renderer, the OCR engine) under the file's budget: its input on stdin,
 * its output collected up to a size cap, killed at the deadline, its address space capped like the worker's heap.
 */
import { spawn } from 'node:child_process';

/** How to run one command. */
export interface CommandLimits {
  /** Epoch milliseconds after which the process is killed. */
  deadline: number;
  /** Address-space limit of the process in MB (`ulimit -v`); the worker's heap limit. */
  maxMemoryMb: number;
  /** Most bytes of stdout kept; a process writing more is killed. */
  maxOutputBytes: number;
  /** Told the pid of every process started, and again when it ended, so an owner can kill it if this thread dies. */
  onProcess?: (event: { pid: number; running: boolean }) => void;
}

/** What a command gave back. */
export interface CommandResult {
  /** Exit code, or null when the process was killed or could not start. */
  code: number | null;
  stdout: Buffer;
  /** The first kilobytes of stderr, for a message. */
  stderr: string;
  /** Why the command did not finish normally: `missing` (no such program), `timeout`, `output` (too much) or `failed`. */
  failure?: 'missing' | 'timeout' | 'output' | 'failed';
}

// `ulimit -v` needs a shell; the program and its arguments are passed as arguments, never spliced into the script.
const LIMIT_SCRIPT = 'ulimit -v "$1" 2>/dev/null; shift; exec "$@"';
const STDERR_KEEP = 4096;
/** `exec` in sh reports a missing program with exit code 127, a non-executable one with 126. */
const MISSING_CODES = new Set([126, 127]);

/**
 * Runs `command args…` with `input` on stdin. Never rejects: a missing program, a crash, a timeout or too much
 * output are a {@link CommandResult} with `failure` set.
 */
export function runCommand(command: string, args: readonly string[], input: Uint8Array, limits: CommandLimits): Promise<CommandResult> {
  return new Promise((resolve) => {
    const remaining = limits.deadline - Date.now();
    if (remaining <= 0) return resolve({ code: null, stdout: Buffer.alloc(0), stderr: '', failure: 'timeout' });
    const child = spawn('/bin/sh', ['-c', LIMIT_SCRIPT, 'grip-ocr', String(limits.maxMemoryMb * 1024), command, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // One thread per engine: OpenMP's threads only contend with the other process on a small machine.
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const pid = child.pid;
    if (pid !== undefined) limits.onProcess?.({ pid, running: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: CommandResult['failure'];
    const kill = (reason: NonNullable<CommandResult['failure']>) => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill('timeout'), remaining);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxOutputBytes) kill('output');
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_KEEP) stderr += chunk.toString('utf8').slice(0, STDERR_KEEP - stderr.length);
    });
    // A program that exits without reading all its input closes the pipe; that is its business, not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.once('error', () => kill('failed'));
    // Reported at exit, not at close: from the exit on, the pid may be given to another process.
    child.once('exit', () => pid !== undefined && limits.onProcess?.({ pid, running: false }));
    child.once('close', (code) => {
      clearTimeout(timer);
      if (failure === undefined && code !== null && MISSING_CODES.has(code)) failure = 'missing';
      else if (failure === undefined && code !== 0) failure = 'failed';
      resolve({ code, stdout: Buffer.concat(chunks), stderr, ...(failure === undefined ? {} : { failure }) });
    });
  });
}
