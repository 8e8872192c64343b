// Inference sessions behind one small API: the provider chain with logged fallback, thread
// settings, and a cache so that each model+options pair is opened once per engine.
import os from 'node:os';
import ort from 'onnxruntime-node';
import { OperantError } from '../errors.ts';
import { missingLibrary, providerChain, providerFailureReason, type ProviderName } from './providers.ts';

export interface SessionOptions {
  /** Intra-op threads; defaults to OPERANT_THREADS or half the cores (the machine is shared). */
  threads?: number;
  /** Providers to try in order; defaults to this platform's chain. `cpu` is always appended. */
  providers?: ProviderName[];
  /** Called once per provider that could not load, with the reason (defaults to stderr). */
  onFallback?: (provider: ProviderName, reason: string) => void;
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: ProviderName;
  /** Providers that were tried first and failed, with the reason each gave. */
  skipped: { provider: ProviderName; reason: string }[];
}

export function defaultThreads(): number {
  const env = Number(process.env.OPERANT_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  // Half the cores leaves room for the app and the program being driven; on two cores or fewer,
  // inference takes both (a cold screen reads ~25% faster on 2 than on 1, and nothing else runs
  // while the agent looks).
  const cores = os.availableParallelism();
  return cores <= 2 ? cores : Math.floor(cores / 2);
}

const logFallback = (provider: ProviderName, reason: string) =>
  process.stderr.write(`operant: execution provider ${provider} unavailable (${reason}); falling back\n`);

/** Providers that failed once in this process, with why: they are not tried (or logged) again. */
const failed = new Map<ProviderName, string>();

/**
 * Opens a model on the first provider of the chain that loads. Asking for cuda without its
 * libraries throws at creation instead of falling back, so each provider is tried on its own.
 */
export async function openSession(modelPath: string, opts: SessionOptions = {}): Promise<OpenedSession> {
  const chain = [...new Set([...(opts.providers ?? providerChain()), 'cpu' as const])];
  const threads = opts.threads ?? defaultThreads();
  const skipped: OpenedSession['skipped'] = [];
  for (const provider of chain) {
    const known = provider === 'cpu' ? undefined : (failed.get(provider) ?? missingLibrary(provider));
    if (known) {
      skipped.push({ provider, reason: known });
      if (!failed.has(provider)) (opts.onFallback ?? logFallback)(provider, known);
      failed.set(provider, known);
      continue;
    }
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        executionProviders: [provider],
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
        logSeverityLevel: 3,
      });
      return { session, provider, skipped };
    } catch (e) {
      const reason = providerFailureReason((e as Error).message);
      skipped.push({ provider, reason });
      if (provider !== 'cpu') {
        failed.set(provider, reason);
        (opts.onFallback ?? logFallback)(provider, reason);
      }
    }
  }
  const last = skipped.at(-1)?.reason ?? 'unknown error';
  throw new OperantError(`cannot load model ${modelPath}: ${last}. Check the file with \`operant models verify\``, 2);
}

/** Sessions opened once per model path and options, released together by `dispose()`. */
export class SessionCache {
  private readonly sessions = new Map<string, Promise<OpenedSession>>();

  constructor(private readonly defaults: SessionOptions = {}) {}

  get(modelPath: string, opts: SessionOptions = {}): Promise<OpenedSession> {
    const merged = { ...this.defaults, ...opts };
    const key = JSON.stringify([modelPath, merged.threads ?? defaultThreads(), merged.providers ?? null]);
    let opened = this.sessions.get(key);
    if (!opened) {
      opened = openSession(modelPath, merged);
      // A failed open must not poison the cache: the next call tries again.
      opened.catch(() => this.sessions.delete(key));
      this.sessions.set(key, opened);
    }
    return opened;
  }

  get size(): number {
    return this.sessions.size;
  }

  async dispose(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    for (const p of all) {
      const s = await p.catch(() => undefined);
      await s?.session.release();
    }
  }
}
