// The renderer's only door to the rest of Operant: the API the preload put on `window.operant`.
import type { IpcResult, OperantApi } from '../electron/shared/ipc.ts';

declare global {
  interface Window {
    operant?: OperantApi;
  }
}

export function api(): OperantApi {
  const found = window.operant;
  if (!found) throw new Error('window.operant is missing: this page must be opened by the Operant app (its preload provides the API)');
  return found;
}

/** The value of a result, or an Error carrying the main process's message. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}
