/**
 * A real S3-compatible server for tests: moto's `moto_server` (Python, `pip install "moto[server]"`) on a free
 * loopback port, with a bucket made for the test. LanceDB's object store talks to it as it would to S3, given
 * the AWS_* variables of {@link S3Server.env}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './server-process.js';

/** A running S3 server. */
export interface S3Server {
  endpoint: string;
  /** The environment that points LanceDB (and so Grip's INDEX_DIR=s3://…) at this server. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts moto_server and creates `bucket`; fails with a clear message when moto is not installed. */
export async function startS3Server(bucket: string, timeoutMs = 60_000): Promise<S3Server> {
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => child.once('error', (error) => reject(new Error(`moto_server could not start (pip install "moto[server]"): ${error.message}`))));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const created = await Promise.race([fetch(`${endpoint}/${bucket}`, { method: 'PUT' }).then((r) => r.ok, () => false), failed]);
    if (created) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`moto_server did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    endpoint,
    env: { AWS_ENDPOINT: endpoint, AWS_ACCESS_KEY_ID: 'grip-test', AWS_SECRET_ACCESS_KEY: 'grip-test', AWS_REGION: 'us-east-1', AWS_ALLOW_HTTP: 'true' },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
