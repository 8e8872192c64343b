// A model manifest says what a model is, which files make it, and where each file comes from.
// Loading checks every file's size and sha256 against it, so a corrupt download never runs.
import { z } from 'zod';

export const FileSource = z.discriminatedUnion('kind', [
  /** A file inside an installed npm package. */
  z.strictObject({ kind: z.literal('npm'), package: z.string(), path: z.string() }),
  /** A file committed to this repository, relative to its root. */
  z.strictObject({ kind: z.literal('repo'), path: z.string() }),
  /** A file a user pulls (`operant models pull`) into the model cache. */
  z.strictObject({ kind: z.literal('url'), url: z.string().url(), path: z.string() }),
]);
export type FileSource = z.infer<typeof FileSource>;

const TensorSpec = z.strictObject({
  name: z.string(),
  type: z.string(),
  shape: z.array(z.union([z.number().int(), z.string()])),
});

export const ModelManifest = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  task: z.string(),
  description: z.string().optional(),
  files: z
    .array(
      z.strictObject({
        role: z.string(),
        source: FileSource,
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
  inputs: z.array(TensorSpec).default([]),
  outputs: z.array(TensorSpec).default([]),
  quantization: z.enum(['fp32', 'fp16', 'int8', 'int4', 'none']),
});
export type ModelManifest = z.infer<typeof ModelManifest>;
