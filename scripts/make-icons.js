// Renders every icon from electron/main/assets/icon.svg: `node scripts/make-icons.js`.
// The app icon in the three formats packagers want (PNG for Linux, ICO for Windows via
// ImageMagick, ICNS for macOS via icnsutils' png2icns), and the tray icon.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const at = (name) => fileURLToPath(new URL(`../electron/main/assets/${name}`, import.meta.url));
const svg = at('icon.svg');
const render = (size, file) => sharp(svg, { density: 300 }).resize(size, size).png().toFile(file);

function run(command, args) {
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.error || r.status !== 0) throw new Error(`${command} failed (${r.error?.message ?? `exit ${r.status}`}): install it with \`apt-get install -y ${command === 'convert' ? 'imagemagick' : 'icnsutils'}\``);
}

await render(512, at('icon.png'));
// 32 px serves trays at scale 1 and 2 (16 logical pixels on HiDPI).
await render(32, at('tray.png'));
run('convert', [at('icon.png'), '-define', 'icon:auto-resize=256,128,64,48,32,16', at('icon.ico')]);
const sizes = [16, 32, 128, 256];
for (const s of sizes) await render(s, `/tmp/operant-icon-${s}.png`);
run('png2icns', [at('icon.icns'), at('icon.png'), ...sizes.map((s) => `/tmp/operant-icon-${s}.png`)]);
