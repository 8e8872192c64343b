// Execution providers: which ones each platform may have, in the order Operant prefers them.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
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
    const missing = provider === 'cpu' ? undefined : missingLibrary(provider);
    if (missing) {
      results.push({ provider, loads: false, reason: missing });
      continue;
    }
    try {
      const session = await ort.InferenceSession.create(modelPath, { executionProviders: [provider], logSeverityLevel: 4 });
      await session.release();
      results.push({ provider, loads: true });
    } catch (e) {
      results.push({ provider, loads: false, reason: providerFailureReason((e as Error).message) });
    }
  }
  return results;
}

/** onnxruntime prefixes reasons with source paths; the last sentence is the part a person can act on. */
export const providerFailureReason = (s: string) =>
  (s.split('\n').find((l) => l.trim()) ?? s).replace(/^.*(?:was false\. |FAIL : |: )(?=[A-Z])/, '').trim().slice(0, 300);

const bindingDir = () => path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
const VULKAN = ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib/aarch64-linux-gnu/libvulkan.so.1', '/usr/lib64/libvulkan.so.1', '/usr/lib/libvulkan.so.1'];

/**
 * Why a provider cannot load, when that can be seen without trying: onnxruntime prints native
 * errors to the terminal when cuda's libraries or Vulkan (for WebGPU on Linux) are missing.
 */
export function missingLibrary(provider: ProviderName): string | undefined {
  if (provider === 'cuda') {
    const lib = path.join(bindingDir(), 'bin', 'napi-v6', process.platform, os.arch(), process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so');
    if (!existsSync(lib)) return `its library ${path.basename(lib)} is not installed (reinstall onnxruntime-node without ONNXRUNTIME_NODE_INSTALL=skip, with CUDA 12 present)`;
  }
  if (provider === 'webgpu' && process.platform === 'linux' && !VULKAN.some(existsSync)) return 'WebGPU needs Vulkan (libvulkan.so.1), which is not installed';
  return undefined;
}

