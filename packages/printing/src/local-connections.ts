import { spawn } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import type { Connection } from './connection.ts';
import { PrintError, withTimeout } from './target.ts';

/**
 * A printer device file such as /dev/usb/lp0. Status stays unknown: the kernel's usblp status
 * needs an ioctl that Node cannot issue. Never creates the path (a typo must not print into a file).
 */
export class DeviceFileConnection implements Connection {
  private constructor(
    private readonly file: fs.FileHandle,
    private readonly timeoutMs: number,
  ) {}

  static async open(path: string, timeoutMs: number): Promise<DeviceFileConnection> {
    let timedOut = false;
    const opening = fs.open(path, constants.O_WRONLY | constants.O_APPEND);
    // A device nobody reads from blocks open(); close it if it ever opens after we gave up.
    opening.then((file) => (timedOut ? file.close() : undefined)).catch(() => undefined);
    try {
      return new DeviceFileConnection(
        await withTimeout(opening, timeoutMs, 'timeout', `${path} did not open within ${timeoutMs} ms`),
        timeoutMs,
      );
    } catch (error) {
      timedOut = true;
      if (error instanceof PrintError) throw error;
      throw new PrintError('offline', `${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async status(): Promise<undefined> {
    return undefined;
  }

  async write(bytes: Uint8Array): Promise<void> {
    await withTimeout(
      this.file.write(bytes),
      this.timeoutMs,
      'timeout',
      `device did not take the job within ${this.timeoutMs} ms`,
    );
  }

  close(): void {
    void this.file.close().catch(() => undefined);
  }
}

/**
 * A named system printer, printed raw (`lp -d NAME -o raw`) so the driver passes ESC/POS through.
 * node-thermal-printer needs a native driver module (node-printer) for this; `lp` comes with CUPS.
 */
export class SystemQueueConnection implements Connection {
  constructor(
    private readonly name: string,
    private readonly command: string,
    private readonly timeoutMs: number,
  ) {}

  async status(): Promise<undefined> {
    return undefined;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const child = spawn(this.command, ['-d', this.name, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<void>((resolve, reject) => {
      child.on('error', (e) => reject(new PrintError('offline', `${this.command}: ${e.message}`)));
      child.on('close', (code) =>
        code === 0
          ? resolve()
          : reject(
              new PrintError(
                'error',
                `${this.command} -d ${this.name} exited with ${code}: ${stderr.trim()}`,
              ),
            ),
      );
    });
    child.stdin.on('error', () => undefined); // reported through 'close'
    child.stdin.end(bytes);
    try {
      await withTimeout(
        done,
        this.timeoutMs,
        'timeout',
        `${this.command} did not finish within ${this.timeoutMs} ms`,
      );
    } finally {
      if (child.exitCode === null) child.kill();
    }
  }

  close(): void {}
}
