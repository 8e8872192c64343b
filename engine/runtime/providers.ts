// Execution providers: which ones each platform may have, in the order Operant prefers them.
import os from 'node:os';
import ort from 'onnxruntime-node';

export type ProviderName = 'cuda' | 'dml' | 'coreml' | 'webgpu' | 'cpu';

/** Preferred order per platform; `cpu` always ends the chain. */
export const PROVIDER_CHAINS: Readonly<Record<string, readonly ProviderName[]>> = Object.freeze({
  'linux-x64': ['cuda', 'webgpu', 'cpu'],
  'linux-arm64': ['cpu'],
  'win32-x64': ['cuda', 'dml', 'webgpu', 'cpu'],
  'win32-arm64': ['dml', 'cpu'],
  'darwin-arm64': ['coreml', 'webgpu', 'cpu'],
});

export const platformKey = () => `${process.platform}-${os.arch()}`;

/** The chain for this machine, limited to what this onnxruntime binary was built with. */
export function providerChain(): ProviderName[] {
  const built = new Set(ort.listSupportedBackends().map((b) => b.name));
  return (PROVIDER_CHAINS[platformKey()] ?? ['cpu']).filter((p) => p === 'cpu' || built.has(p));
}

export interface ProviderProbe {
  provider: ProviderName;
  loads: boolean;
  reason?: string;
}

/** Tries to open `modelPath` on each provider of the chain; says which load and why the others don't. */
export async function probeProviders(modelPath: string): Promise<ProviderProbe[]> {
  const results: ProviderProbe[] = [];
  for (const provider of providerChain()) {
    try {
      const session = await ort.InferenceSession.create(modelPath, { executionProviders: [provider], logSeverityLevel: 4 });
      await session.release();
      results.push({ provider, loads: true });
    } catch (e) {
      results.push({ provider, loads: false, reason: firstLine((e as Error).message) });
    }
  }
  return results;
}

// onnxruntime prefixes reasons with source paths; the last sentence is the part a person can act on.
const firstLine = (s: string) => (s.split("\n").find((l) => l.trim()) ?? s).replace(/^.*(?:was false\. |FAIL : |: )(?=[A-Z])/, "").trim().slice(0, 200);
