// Opens runlint's HTML reports in a real browser (Debian's Chromium through
// playwright-core) and checks what a coach would rely on: no console errors and no network
// use, every finding of `--format json` in the cell of its week and day, sessions that
// expand to show their exercises, index links that reach every plan. Saves a screenshot
// of each page under target/ for review.
//
// usage: node scripts/report-browser.mjs PLAYWRIGHT_DIR OUT_DIR REPORT.html FINDINGS.json [...]
import { createRequire } from "node:module";
import path from "node:path";

const [playwrightDir, outDir, ...pairs] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(playwrightDir), "package.json"));
const { chromium } = require("playwright-core");

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
let failures = 0;
const fail = (message) => { console.error("FAIL: " + message); failures += 1; };

for (let i = 0; i < pairs.length; i += 2) {
  const [reportPath, findingsPath] = [pairs[i], pairs[i + 1]];
  const findings = JSON.parse(await (await import("node:fs/promises")).readFile(findingsPath, "utf8")).diagnostics;
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("request", (request) => { if (!request.url().startsWith("file:")) problems.push("network: " + request.url()); });
  const started = Date.now();
  await page.goto("file://" + path.resolve(reportPath), { waitUntil: "load" });
  const loaded = Date.now() - started;
  const name = path.basename(reportPath, ".html");
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  const firstFinding = page.locator("td.day li.finding").first();
  if (await firstFinding.count()) {
    await firstFinding.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    await page.screenshot({ path: path.join(outDir, `${name}-finding.png`) });
  }

  // Every finding sits in the cell of its week and day, else on its week row, else in the plan header.
  const placed = await page.evaluate((findings) => findings.map((f) => {
    const items = [...document.querySelectorAll(`li.finding[data-rule="${f.rule}"][data-line="${f.range.start.line}"]`)];
    const where = (item) => {
      const cell = item.closest("td.day");
      if (cell) return `${cell.dataset.week}/${cell.dataset.day}`;
      const week = item.closest("tr.week");
      if (week) return week.dataset.week + "/";
      return "/";
    };
    const expected = f.week ? `${f.week}/${f.day || ""}` : "/";
    return { f: `${f.file}:${f.range.start.line} ${f.rule}`, ok: items.some((item) => where(item) === expected), expected };
  }), findings.filter((f) => f.rule !== "syntax-error"));
  for (const p of placed) if (!p.ok) fail(`${name}: ${p.f} not on ${p.expected}`);

  // A strength session expands to its exercises.
  const session = page.locator("details.chip.strength").first();
  if (await session.count()) {
    await session.locator("summary").click();
    if (!(await session.locator(".exercises li").first().isVisible())) fail(`${name}: an expanded session shows no exercise`);
  }
  // Every index link reaches its plan.
  const links = await page.evaluate(() => [...document.querySelectorAll('a[href^="#plan-"]')]
    .map((a) => a.getAttribute("href")).filter((href) => !document.querySelector(href)));
  for (const href of links) fail(`${name}: index link ${href} reaches nothing`);
  // Keyboard: the first session summary takes focus with Tab.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
  if (!focused || focused === "BODY") fail(`${name}: nothing takes keyboard focus`);

  for (const problem of problems) fail(`${name}: ${problem}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(outDir, `${name}-phone.png`) });
  console.log(`ok: ${name}: ${placed.length} findings placed, loaded in ${loaded} ms, ${links.length} broken links`);
  await page.close();
}
await browser.close();
process.exit(failures ? 1 : 0);
