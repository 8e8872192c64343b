// Messages between the engine host and its worker thread.
import type { PerceiveOptions } from '../perception/perceiver.ts';
import type { Perception } from '../perception/types.ts';

export interface WireFrame {
  width: number;
  height: number;
  scale?: number;
  data: Uint8Array;
}

export type Request =
  | { id: number; op: 'perceive'; frame: WireFrame; opts?: PerceiveOptions }
  | { id: number; op: 'reset' }
  | { id: number; op: 'dispose' };

export type Reply =
  | { id: number; ok: true; result?: Perception }
  | { id: number; ok: false; message: string; exitCode?: 1 | 2 | 3 };

/** What the worker says once its models are loaded, or why they are not. */
export type Ready = { ready: true } | { ready: false; message: string; exitCode?: 1 | 2 | 3 };
