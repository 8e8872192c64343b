// Grabs the whole X screen as an RGBA frame for data collection. (The agent itself captures
// through perception's capture module; the collector only needs the same pixels.)
import { checkDisplay } from '../../../electron/core/display.ts';
import type { Frame } from '../../../electron/core/agentLoop.ts';

export async function grabScreen(): Promise<Frame> {
  checkDisplay();
  const { screen } = await import('@nut-tree-fork/nut-js');
  const img = await (await screen.grab()).toRGB();
  if (img.channels !== 4) throw new Error(`expected a 4-channel screen grab, got ${img.channels}`);
  // The whole X screen is the executor's single display "primary" (electron/executor/displays.ts).
  return { width: img.width, height: img.height, scale: img.pixelDensity.scaleX || 1, display: 'primary', data: img.data };
}
