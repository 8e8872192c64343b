// The audit log: append-only JSON lines, one file per session. The record saying what is about
// to happen is on disk (fsync) before the input is sent, so a killed executor still leaves a log
// that says what it was doing; every line is a complete JSON object written by one write(2).
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type AuditRecord = { phase: 'session' | 'intent' | 'outcome' | 'stop' | 'release'; seq?: number } & Record<string, unknown>;

export class AuditLog {
  private fd: number | undefined;

  /** `durable: false` skips fsync; only the fuzz tests use it, to run 100,000 actions in seconds. */
  constructor(
    readonly path: string,
    readonly sessionId: string,
    private readonly durable = true,
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.fd = openSync(path, 'a', 0o600);
  }

  /** Appends one record; `sync: false` leaves the flush to the next synced record (the stop path must not wait on the disk). */
  write(record: AuditRecord, sync = true): void {
    if (this.fd === undefined) throw new Error(`audit log ${this.path} is closed`);
    const line = `${JSON.stringify({ t: new Date().toISOString(), session: this.sessionId, ...record })}\n`;
    writeSync(this.fd, line);
    if (this.durable && sync) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
