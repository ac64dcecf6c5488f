// Opens runlint's HTML reports in a real browser (Debian's Chromium through
// playwright-core) and checks what a coach relies on, on a desk, a phone and paper:
//   - no console errors and no network use; index links reach every plan;
//   - every finding of `--format json` on the cell of its week and day (or counted there
//     when the cell shows its cap), else on its week, else among its problem's places;
//   - each plan's problem list has one line per folded problem of the JSON output, with
//     its count, and each fix appears at most once per plan (the first of each problem once);
//   - no upper-body-only strength session carries a leg-session mark (heavy or legs);
//   - runs given in minutes appear in a running-time chart;
//   - printed to PDF, every strength session's exercises are there (`pdftotext`), and
//     heavy and hard chips keep readable contrast on paper;
//   - at 390 px wide, no finding, problem or session lies outside the viewport horizontally.
// Saves screenshots at 1400 and 390 px wide, and the PDF, under OUT_DIR for review.
//
// usage: node scripts/report-browser.mjs PLAYWRIGHT_DIR OUT_DIR REPORT.html FINDINGS.json [...]
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
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
const squeeze = (text) => text.replace(/\s+/g, "");

// Exercise words that train the legs: a session with none of them is upper-body or core only.
const LEG_WORDS = /squat|deadlift|\brdl\b|lunge|\blegs?\b|step-?up|calf|calves|bridge|thrust|jump|\bhops?\b|bound|nordic|hamstring|glute|\bhip|clam|band walk|wall sit|skater|pistol|sled|good morning|swing|split|soleus|adduct|abduct|monster walk|\bheel|\btoe/i;

for (let i = 0; i < pairs.length; i += 2) {
  const [reportPath, findingsPath] = [pairs[i], pairs[i + 1]];
  const diagnostics = JSON.parse(await readFile(findingsPath, "utf8")).diagnostics;
  const name = path.basename(reportPath, ".html");
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("request", (request) => { if (!request.url().startsWith("file:")) problems.push("network: " + request.url()); });
  const started = Date.now();
  await page.goto("file://" + path.resolve(reportPath), { waitUntil: "load" });
  const loaded = Date.now() - started;
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  // The charts and the first week, its first heavy session and its first marker opened
  // (the README's picture is this shot of the noisy plan).
  const firstRow = page.locator("tr.week").first();
  if (await firstRow.count()) {
    await page.evaluate(() => {
      const row = document.querySelector("tr.week");
      for (const selector of ["details.chip.heavy", "details.chip.heavy-upper", "td.day li.finding details"]) {
        const item = row.querySelector(selector);
        if (item) item.open = true;
      }
      (document.querySelector("section.plan .charts") || row).scrollIntoView();
      window.scrollBy(0, -8);
    });
    await page.screenshot({ path: path.join(outDir, `${name}-grid.png`) });
    await page.evaluate(() => document.querySelectorAll("tr.week details[open]").forEach((d) => { d.open = false; }));
  }
  // Lay out every plan: off-screen plans are skipped by content-visibility until shown.
  await page.addStyleTag({ content: "section.plan { content-visibility: visible !important; }" });

  // Findings by file, with the index of the entry each is folded into.
  const byFile = new Map();
  diagnostics.forEach((d, index) => {
    if (!byFile.has(d.file)) byFile.set(d.file, []);
    byFile.get(d.file).push({ ...d, index, entry: d.folded_into ?? index });
  });
  const files = [...byFile.keys()];
  const sections = await page.evaluate(() => [...document.querySelectorAll("section.plan")].map((s) => s.id));
  const sectionOf = await page.evaluate((files) => Object.fromEntries(files.map((file) => {
    const section = [...document.querySelectorAll("section.plan")].find((s) => s.querySelector(".meta code").textContent === file);
    return [file, section ? section.id : null];
  })), files);

  let placed = 0;
  for (const [file, findings] of byFile) {
    const id = sectionOf[file];
    if (!id) { fail(`${name}: no section for ${file}`); continue; }
    // Every finding on its cell or week: markers shown plus those counted must match.
    const expected = new Map();
    for (const f of findings) {
      const where = f.week ? `${f.week}/${f.day || ""}` : "/";
      expected.set(where, [...(expected.get(where) || []), f]);
    }
    const shown = await page.evaluate((id) => {
      const where = (item) => {
        const cell = item.closest("td.day");
        if (cell) return `${cell.closest("tr.week").dataset.week}/${cell.dataset.day}`;
        const week = item.closest("tr.week");
        return week ? week.dataset.week + "/" : "/";
      };
      const section = document.getElementById(id);
      const result = {};
      for (const item of section.querySelectorAll("li.finding")) {
        const key = where(item);
        for (const line of item.dataset.lines.split(" ")) (result[key] ||= { markers: [], hidden: 0 }).markers.push(`${item.dataset.rule}@${line}`);
      }
      for (const more of section.querySelectorAll("li.more")) (result[where(more)] ||= { markers: [], hidden: 0 }).hidden += Number(more.dataset.hidden);
      return result;
    }, id);
    for (const [where, list] of expected) {
      if (where === "/") continue;
      const got = shown[where] || { markers: [], hidden: 0 };
      if (got.markers.length + got.hidden !== list.length) fail(`${name}: ${file} ${where}: ${list.length} findings, ${got.markers.length} shown + ${got.hidden} counted`);
      const missing = got.hidden ? [] : list.filter((f) => !got.markers.includes(`${f.rule}@${f.range.start.line}`));
      for (const f of missing) fail(`${name}: ${file}:${f.range.start.line} ${f.rule} not on ${where}`);
      placed += list.length;
    }

    // One problem line per folded entry, with its count; each fix at most once.
    const entries = await page.evaluate((id) => [...document.getElementById(id).querySelectorAll("li.entry")].map((e) => ({
      rule: e.dataset.rule, count: Number(e.dataset.count), head: e.querySelector(".entry-head").textContent,
      places: [...e.querySelectorAll("a.place")].map((a) => Number(a.dataset.line)),
    })), id);
    const firsts = findings.filter((f) => f.entry === f.index);
    if (entries.length !== firsts.length) fail(`${name}: ${file}: ${entries.length} problem lines for ${firsts.length} folded problems`);
    for (const first of firsts) {
      const count = findings.filter((f) => f.entry === first.index).length;
      const text = squeeze(first.message.replace(/`/g, ""));
      const lines = entries.filter((e) => e.rule === first.rule && squeeze(e.head).includes(text));
      if (lines.length !== 1) fail(`${name}: ${file}: "${first.message}" in ${lines.length} problem lines`);
      else if (lines[0].count !== count) fail(`${name}: ${file}: "${first.message}" counts ${lines[0].count}, not ${count}`);
      else if (!first.week && !lines[0].places.includes(first.range.start.line)) fail(`${name}: ${file}: "${first.message}" lists no place at line ${first.range.start.line}`);
    }
    const sectionText = squeeze(await page.evaluate((id) => document.getElementById(id).textContent, id));
    const times = (help) => sectionText.split(squeeze(help.replace(/`/g, ""))).length - 1;
    for (const help of new Set(findings.map((f) => f.help).filter(Boolean))) {
      if (times(help) > 1) fail(`${name}: ${file}: a fix appears ${times(help)} times: ${help}`);
    }
    for (const first of firsts) if (first.help && times(first.help) !== 1) fail(`${name}: ${file}: the fix of "${first.message}" appears ${times(first.help)} times`);
  }

  // No upper-body-only session carries a leg-session mark.
  const marks = await page.evaluate((source) => {
    const legWords = new RegExp(source, "i");
    return [...document.querySelectorAll("details.chip.strength")].map((s) => ({
      names: [...s.querySelectorAll(".exercise-name")].map((n) => n.textContent),
      leg: s.classList.contains("heavy") || s.classList.contains("legs"),
      heavyUpper: s.classList.contains("heavy-upper"),
    })).map((s) => ({ ...s, upperOnly: s.names.length > 0 && !s.names.some((n) => legWords.test(n)) }));
  }, LEG_WORDS.source);
  const upperOnly = marks.filter((s) => s.upperOnly);
  for (const s of upperOnly.filter((s) => s.leg)) fail(`${name}: an upper-body session carries a leg-session mark: ${s.names.join(", ")}`);

  // Runs given in minutes appear in a time chart.
  const minuteRuns = await page.locator(".chip.run .amount", { hasText: "min" }).count();
  if (minuteRuns) {
    const drawn = await page.evaluate(() => [...document.querySelectorAll(".panel")]
      .filter((p) => p.querySelector(".panel-title").textContent.startsWith("Running time per week"))
      .map((p) => (p.querySelector("path[fill]") || {}).getAttribute?.("d") || ""));
    if (!drawn.length || !drawn.some((d) => d.length > 0)) fail(`${name}: ${minuteRuns} runs in minutes but no running-time chart with bars`);
  }

  // A strength session expands to its exercises.
  const session = page.locator("details.chip.strength").first();
  if (await session.count()) {
    await session.locator("summary").click();
    if (!(await session.locator(".exercises li").first().isVisible())) fail(`${name}: an expanded session shows no exercise`);
    await session.locator("summary").click();
  }
  // Every index link reaches its plan.
  const links = await page.evaluate(() => [...document.querySelectorAll('a[href^="#plan-"]')]
    .map((a) => a.getAttribute("href")).filter((href) => !document.querySelector(href)));
  for (const href of links) fail(`${name}: link ${href} reaches nothing`);
  // Keyboard: something takes focus with Tab.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
  if (!focused || focused === "BODY") fail(`${name}: nothing takes keyboard focus`);

  // Paper: every strength session's exercises in the PDF, and heavy chips readable in black on white.
  const exerciseNames = [...new Set(marks.flatMap((s) => s.names))];
  if (exerciseNames.length) {
    const pdf = path.join(outDir, `${name}.pdf`);
    await page.pdf({ path: pdf, format: "A4", landscape: true });
    const text = squeeze(execFileSync("pdftotext", [pdf, "-"], { maxBuffer: 1 << 28 }).toString());
    const lost = exerciseNames.filter((n) => !text.includes(squeeze(n)));
    if (lost.length) fail(`${name}: printed, ${lost.length} of ${exerciseNames.length} exercise names are missing: ${lost.slice(0, 5).join(", ")}`);
    await page.emulateMedia({ media: "print" });
    const contrast = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      // Printers drop backgrounds by default: text must read on white paper.
      return [...document.querySelectorAll(".chip.strength.heavy summary, .chip.run.hard, .heavy-tag, .hard-tag")].slice(0, 200)
        .map((e) => ratio(rgb(getComputedStyle(e).color), [255, 255, 255])).reduce((low, r) => Math.min(low, r), 21);
    });
    if (contrast < 4.5) fail(`${name}: printed, heavy or hard chips have a contrast of ${contrast.toFixed(2)} on paper`);
    await page.emulateMedia({ media: "screen" });
  }

  // A phone: nothing a coach needs lies outside the screen horizontally, markers opened too.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outDir, `${name}-phone.png`) });
  const outside = await page.evaluate(() => {
    document.querySelectorAll("li.finding details").forEach((d) => { d.open = true; });
    const width = document.documentElement.clientWidth;
    const items = [...document.querySelectorAll("li.finding, li.entry, .chip, .panel")];
    const off = items.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5); });
    document.querySelectorAll("li.finding details").forEach((d) => { d.open = false; });
    return { count: off.length, first: off.slice(0, 3).map((e) => e.className + ": " + e.textContent.slice(0, 60)), scroll: document.scrollingElement.scrollWidth, width };
  });
  if (outside.count) fail(`${name}: at 390 px, ${outside.count} findings or sessions lie outside the screen: ${outside.first.join(" | ")}`);
  if (outside.scroll > outside.width) fail(`${name}: at 390 px, the page scrolls sideways (${outside.scroll} px)`);
  const row = page.locator("tr.week").nth(1);
  if (await row.count()) {
    await row.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -40));
    await page.screenshot({ path: path.join(outDir, `${name}-phone-grid.png`) });
  }

  for (const problem of problems) fail(`${name}: ${problem}`);
  console.log(`ok: ${name}: ${placed} findings placed in ${sections.length} plans, ${upperOnly.length} upper-body sessions, ` +
    `${minuteRuns} runs in minutes, ${exerciseNames.length} exercise names printed, loaded in ${loaded} ms`);
  await page.close();
}
await browser.close();
process.exit(failures ? 1 : 0);
