// One executor client and one Chromium test page per test file, opened before its tests and
// closed after them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ExecutorClient } from '../../../electron/core/executorClient.ts';
import { openTestPage, type TestPage } from './testPage.ts';

export interface PageFixture {
  auditDir: string;
  client: ExecutorClient;
  tp: TestPage;
}

export function executorAndPage(name: string): PageFixture {
  const f = { auditDir: mkdtempSync(join(tmpdir(), `operant-${name}-`)) } as PageFixture;
  beforeAll(async () => {
    if (!process.env.DISPLAY) return;
    f.client = await ExecutorClient.start({ policy: 'permissive', auditDir: f.auditDir });
    f.tp = await openTestPage(async (x, y) => void (await f.client.perform({ type: 'move', at: { x, y } })));
  });
  afterAll(async () => {
    await f.tp?.close();
    await f.client?.close();
  });
  return f;
}
