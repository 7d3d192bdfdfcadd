// Draws the Leverage Lens toolbar icons into public/icons/ (dependency-free). Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [0x0f, 0x17, 0x2a];
const AMBER = [0xf5, 0x9e, 0x0b];
const SIZES = [16, 32, 48, 128];
const OUT_DIR = new URL('../public/icons/', import.meta.url);

// --- Minimal PNG encoder (8-bit RGBA, no interlace) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Shapes, in unit coordinates (0..1, y down) ---
function inRoundedSquare(x, y, r) {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

// Lens ring with a gauge needle pointing up and to the right, plus a short handle.
const CX = 0.45;
const CY = 0.47;
const RING_R = 0.27;
const RING_W = 0.1;
const needleAngle = (-55 * Math.PI) / 180;

function colourAt(x, y) {
  if (!inRoundedSquare(x, y, 0.22)) return null;
  const d = Math.hypot(x - CX, y - CY);
  const ring = Math.abs(d - RING_R) <= RING_W / 2;
  const needle =
    distToSegment(
      x,
      y,
      CX,
      CY,
      CX + Math.cos(needleAngle) * 0.19,
      CY + Math.sin(needleAngle) * 0.19,
    ) <= 0.045;
  const hub = d <= 0.07;
  const handle = distToSegment(x, y, CX + 0.23, CY + 0.23, 0.84, 0.86) <= 0.065;
  return ring || needle || hub || handle ? AMBER : NAVY;
}

function render(size) {
  const ss = size <= 32 ? 8 : 4; // supersampling factor per axis
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((pxl + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + pxl) * 4;
      if (a > 0)
        px.set(
          [
            Math.round(r / a),
            Math.round(g / a),
            Math.round(b / a),
            Math.round((255 * a) / (ss * ss)),
          ],
          i,
        );
    }
  }
  return px;
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = new URL(`icon-${size}.png`, OUT_DIR);
  writeFileSync(file, encodePng(size, size, render(size)));
  console.log(`wrote ${file.pathname}`);
}
