// A shortcut drawn as keycaps.
import { acceleratorKeys } from '../format/describe.ts';

export function Keys({ accelerator }: { accelerator: string }) {
  return (
    <span className="keys" aria-label={accelerator}>
      {acceleratorKeys(accelerator).map((k, i) => (
        <kbd key={i}>{k}</kbd>
      ))}
    </span>
  );
}
