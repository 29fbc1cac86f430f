// Renders the logo (public/icon/clearline.svg) to the PNG sizes the browsers and
// stores ask for, with the project's Chromium: each size is drawn by the browser
// from the SVG itself, so small sizes stay crisp. Run after changing the SVG:
//   node scripts/icons.mjs
// and commit the PNGs it writes to public/icon/.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChromium } from '../tests/support/chromium.mjs';

// 16, 32: the toolbar; 48: the extensions page; 128: the install dialog and the stores.
export const ICON_SIZES = [16, 32, 48, 128];

const iconDir = fileURLToPath(new URL('../public/icon/', import.meta.url));
const svg = readFileSync(`${iconDir}clearline.svg`, 'utf8');

const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.querySelector('img')?.complete);
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(`${iconDir}${size}.png`, png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
