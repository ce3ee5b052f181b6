// Headless Chromium (Debian's) driven by playwright-core: the viewer loads, WMS tiles draw, a click on a
// polygon shows its attributes; a screenshot is kept. Usage: node browser_check.mjs BASE_URL SCREENSHOT
import { chromium } from 'playwright-core';

const [base, shot] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  const tiles = [];
  page.on('response', r => { if (/request=GetMap/i.test(r.url())) tiles.push(r.status()); });
  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length > 0, null, { timeout: 30000 });
  if (!tiles.length || tiles.some(s => s !== 200)) throw new Error('tile responses: ' + tiles);
  const layers = await page.$$eval('.layer', els => els.map(e => e.getAttribute('data-layer')));
  if (!layers.includes('DLTB')) throw new Error('layer list: ' + layers);
  const summary = await page.textContent('details.summary');
  if (!/summary\.json/.test(summary) || !/counts\.FAIL/.test(summary)) throw new Error('run summary: ' + summary);
  // Click the map centre: the fixture grid covers the whole initial view, so a polygon is there.
  const box = await page.locator('#map').boundingBox();
  let found = false;
  for (const [dx, dy] of [[0, 0], [20, 20], [-20, 15], [35, -25]]) {
    await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
    try {
      await page.waitForSelector('table.feature-info', { timeout: 5000 });
      found = true;
      break;
    } catch (e) { /* a gap between squares: try nearby */ }
  }
  if (!found) throw new Error('no feature info after clicks');
  const info = await page.textContent('#info-body');
  if (!/DLBM/.test(info)) throw new Error('feature info: ' + info);
  await page.screenshot({ path: shot });
  await page.click('#lang');
  const title = await page.textContent('h1');
  if (!/LandLedger/.test(title)) throw new Error('English toggle: ' + title);
  if (!/DLBM/.test(await page.textContent('#info-body'))) throw new Error('info lost on language switch');
  await page.screenshot({ path: shot.replace(/\.png$/, '-en.png') });
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(`browser: ${tiles.length} tiles, layers ${layers.join(',')}, info ok, screenshot ${shot}`);
} finally {
  await browser.close();
}
