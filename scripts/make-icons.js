// Renders the app and tray icons from electron/main/assets/icon.svg: `node scripts/make-icons.js`.
import sharp from 'sharp';

const dir = new URL('../electron/main/assets/', import.meta.url);
const svg = new URL('icon.svg', dir).pathname;
await sharp(svg, { density: 300 }).resize(512, 512).png().toFile(new URL('icon.png', dir).pathname);
// 32 px serves trays at scale 1 and 2 (16 logical pixels on HiDPI).
await sharp(svg, { density: 300 }).resize(32, 32).png().toFile(new URL('tray.png', dir).pathname);
