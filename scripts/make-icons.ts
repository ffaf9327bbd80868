/**
 * Makes public/favicon.ico from public/icon.svg: the same mark at 16, 32 and 48 px, each a PNG
 * image inside one ICO (browsers and Windows have read PNG entries since Vista). Run it again
 * after changing the SVG, and commit both files:
 *
 *   npm run icons
 *
 * The ICO shows the light colours: the SVG's dark-mode style applies only where a browser uses the
 * SVG itself.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const faviconSizes = [16, 32, 48] as const;

const root = path.resolve(__dirname, "..");
const svgFile = path.join(root, "public/icon.svg");
const icoFile = path.join(root, "public/favicon.ico");

/** One ICO file holding `images` (PNG bytes, each `size` px square), in the order given. */
function packIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: an icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width; 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function main() {
  const svg = fs.readFileSync(svgFile);
  const images = await Promise.all(
    faviconSizes.map(async (size) => ({
      size,
      // Rendered at a high density and scaled down, so the small sizes are antialiased from a sharp drawing.
      png: await sharp(svg, { density: 72 * Math.ceil(256 / 64) })
        .resize(size, size)
        .png({ compressionLevel: 9, palette: false })
        .toBuffer(),
    })),
  );
  fs.writeFileSync(icoFile, packIco(images));
  console.log(`${path.relative(root, icoFile)}: ${images.map((image) => `${image.size} px (${image.png.length} bytes)`).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
