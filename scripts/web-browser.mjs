// Drives the playground (target/web) in a real browser (Debian's Chromium through
// playwright-core), served from 127.0.0.1 with gzip as a static host serves it, and checks
// what a coach relies on: findings as you type at the right places, a quick fix, a rule
// switched off in runlint.toml, a share link that reopens the same plan, no request beyond
// the page's own files, hostile plan text shown as text, and the engine giving the command
// line's JSON for every fixture and example. Measures load, size and typing latency into
// OUT_DIR/web-measurements.json and saves screenshots there for review.
//
// usage: node scripts/web-browser.mjs PLAYWRIGHT_DIR WEB_DIR OUT_DIR CASES.json PLAN_16_WEEKS PLAN_200_WEEKS
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import fs from "node:fs/promises";
import path from "node:path";

const [playwrightDir, webDir, outDir, casesPath, plan16Path, plan200Path] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(playwrightDir), "package.json"));
const { chromium } = require("playwright-core");

let failures = 0;
const fail = (message) => { console.error("FAIL: " + message); failures += 1; };
const check = (condition, message) => { if (!condition) fail(message); else console.log("ok: " + message); };

// ---- a static server for target/web, gzip for text, counting the bytes sent
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
let sent = 0;
const served = [];
const compressed = new Map();
const server = createServer(async (request, response) => {
  const url = new URL(request.url, "http://127.0.0.1");
  const file = path.join(webDir, url.pathname === "/" ? "index.html" : path.normalize(url.pathname));
  try {
    let body = await fs.readFile(file);
    const headers = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" };
    if (/gzip/.test(request.headers["accept-encoding"] ?? "")) {
      // Compressed once, as a static host keeps its compressed copies.
      if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
      body = compressed.get(file);
      headers["content-encoding"] = "gzip";
    }
    sent += body.length;
    served.push(url.pathname);
    response.writeHead(200, headers).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
for (const name of await fs.readdir(webDir)) {
  const file = path.join(webDir, name);
  if ((await fs.stat(file)).isFile()) compressed.set(file, gzipSync(await fs.readFile(file), { level: 9 }));
}
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});

/** A new page on the playground (with `fragment`), watched for errors and foreign requests. */
async function open(fragment = "", viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => { if (message.type() === "error") page.problems.push(message.text()); });
  page.on("pageerror", (error) => page.problems.push(String(error)));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin + "/") && !url.startsWith(`blob:${origin}/`) && !url.startsWith("data:")) {
      page.problems.push("request beyond the page's own files: " + url);
    }
  });
  await page.goto(origin + "/" + fragment, { waitUntil: "load" });
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return page;
}

const planText = (page) => page.evaluate(() => window.playground.plan.state.doc.toString());
const setPlan = (page, text) => page.evaluate((text) => {
  const view = window.playground.plan;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}, text);
/** The findings shown: rule and the text under each squiggle's range. */
const shownFindings = (page) => page.evaluate(() => {
  const state = JSON.parse(window.runlint.editorState(window.playground.plan.state.doc.toString(),
    window.playground.config.state.doc.toString()));
  return state.diagnostics;
});
const settle = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

// ---- load: size, first lint, requests. The first load also starts the browser's
// processes, and this machine is shared: five loads in fresh contexts, the median judged.
const firstLints = [];
let page;
let transferBytes = 0;
let loadedMs = 0;
for (let load = 0; load < 5; load += 1) {
  if (page) await page.context().close();
  sent = 0;
  served.length = 0;
  const started = Date.now();
  page = await open();
  loadedMs = Date.now() - started;
  transferBytes = sent;
  firstLints.push(await page.evaluate(() => window.runlint.timings.firstLint));
}
const firstLintMs = [...firstLints].sort((a, b) => a - b)[2];
const files = [...served];
check(transferBytes <= 1024 * 1024, `page transfer ${(transferBytes / 1024).toFixed(0)} KiB gzipped (<= 1 MiB): ${files.join(", ")}`);
check(firstLintMs <= 1000, `first lint shown ${firstLintMs.toFixed(0)} ms after navigation, median of ${firstLints.map((ms) => ms.toFixed(0)).join(", ")} (<= 1000 ms)`);
const exampleCase = JSON.parse(await fs.readFile(casesPath, "utf8"))
  .find((test) => test.name === "examples/spring-half-marathon.yaml (no config)");
const exampleCount = JSON.parse(exampleCase.expected).diagnostics.length;
const listed = await page.waitForFunction((count) => document.querySelectorAll("#findings li").length === count,
  exampleCount, { timeout: 5000 }).then(() => true, () => false);
check(listed && exampleCount > 0,
  `the example plan's ${exampleCount} findings are listed on load, as the command line finds them`);
// By keyboard: the first finding, Enter, and the editor has it selected with its squiggle in view.
await page.locator("#findings .finding-jump").first().focus();
await page.keyboard.press("Enter");
await settle(page);
check(await page.locator("#plan-editor .cm-lintRange").count() > 0, "choosing the first finding shows its squiggle in the editor");
check(await page.evaluate(() => document.activeElement.closest("#plan-editor") !== null &&
  window.playground.plan.state.selection.main.from === JSON.parse(window.runlint.editorState(
    window.playground.plan.state.doc.toString(), "")).diagnostics[0].from), "and puts the cursor on it, in the editor");
await page.locator("#tab-plan").focus();
await page.keyboard.press("ArrowRight");
check(await page.evaluate(() => document.activeElement.id === "tab-config" &&
  !document.getElementById("panel-config").hidden && document.getElementById("panel-plan").hidden), "arrow keys move between the tabs");
await page.keyboard.press("ArrowLeft");
const unlabelled = await page.evaluate(() => [...document.querySelectorAll("button, select, input:not([hidden]), [role=textbox]")]
  .filter((control) => !(control.getAttribute("aria-label") || control.textContent.trim() || control.labels?.length))
  .map((control) => control.outerHTML.slice(0, 80)));
check(unlabelled.length === 0, `every control has a name for screen readers ${JSON.stringify(unlabelled)}`);
await page.waitForFunction(() => window.playground.report().html.includes("runlint report"));
// The README's screenshot: the top of the page, the first finding in view with its hover.
await page.evaluate(() => {
  document.activeElement?.blur();
  const view = window.playground.plan;
  const first = JSON.parse(window.runlint.editorState(view.state.doc.toString(), "")).diagnostics[0];
  view.dispatch({ selection: { anchor: first.from }, scrollIntoView: true });
});
await settle(page);
await page.locator("#plan-editor .cm-lintRange").first().hover();
await page.locator(".cm-tooltip-lint").first().waitFor({ timeout: 5000 }).catch(() => fail("no hover on the first finding"));
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(300);
await page.screenshot({ path: path.join(outDir, "web-playground.png") });
await page.mouse.move(0, 0);

// ---- the report keeps in step: it shows the cursor's week, and follows the cursor
const reportFrame = () => page.frames().find((frame) => frame.url().startsWith(`blob:${origin}/`));
async function reportShows(week) {
  const followed = await page.waitForFunction((week) => window.playground.report().address.endsWith(`#plan-0-w${week}`),
    week, { timeout: 5000 }).then(() => true, () => false);
  await page.waitForTimeout(300);
  const top = await reportFrame()?.evaluate((week) => document.getElementById(`plan-0-w${week}`)?.getBoundingClientRect().top, week);
  return followed && top !== undefined && Math.abs(top) < 50;
}
const cursorWeek = (await planText(page)).slice(0, (await shownFindings(page))[0].from).match(/- week: (\d+)/g).at(-1).match(/\d+/)[0];
check(await reportShows(cursorWeek), `the report shows the week the cursor is in (week ${cursorWeek})`);
await page.evaluate(() => {
  const view = window.playground.plan;
  view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf("- week: 2") } });
});
check(await reportShows("2"), "and follows the cursor to another week");

// ---- typing: squiggles at the right places
const typed = [
  "plan: Typed plan",
  "weeks:",
  "  - week: 1",
  "    phase: base",
  "    days:",
  "      mon:",
  "        strength: Legs",
  "        exercises:",
  "          - reverse lunge: 2x8 each",
  "          - ",
].join("\n");
await page.locator("#plan-editor .cm-content").click();
await page.keyboard.press("ControlOrMeta+a");
await page.keyboard.press("Delete");
await page.keyboard.insertText(typed);
await page.keyboard.type("singel-leg calf raise: 2x10 each", { delay: 5 });
await page.keyboard.press("Escape");
await settle(page);
const squiggles = await page.locator("#plan-editor .cm-lintRange").evaluateAll((marks) => marks.map((mark) => mark.textContent));
check(squiggles.includes("singel-leg calf raise"), `the misspelt exercise is underlined where it is typed (${JSON.stringify(squiggles)})`);
const typedFindings = await shownFindings(page);
const misspelt = typedFindings.find((finding) => finding.rule === "unknown-exercise");
const text = await planText(page);
check(misspelt && text.slice(misspelt.from, misspelt.to) === "singel-leg calf raise", "the finding's range is the name as typed");
const gutterLine = await page.locator("#plan-editor .cm-gutter-lint .cm-gutterElement").evaluateAll((elements) =>
  elements.filter((element) => element.querySelector(".cm-lint-marker")).length);
check(gutterLine > 0, "the gutter marks the lines with findings");

// ---- hover over the squiggle: message and help, and the quick fix
await page.locator("#plan-editor .cm-lintRange", { hasText: "singel-leg calf raise" }).hover();
const tooltip = page.locator(".cm-tooltip-lint").first();
await tooltip.waitFor({ timeout: 5000 });
const tooltipText = await tooltip.textContent();
check(tooltipText.includes(misspelt.message) && tooltipText.includes("help:"), "hovering a squiggle shows the message and the help");
await page.screenshot({ path: path.join(outDir, "web-hover.png") });
await tooltip.locator("button", { hasText: "Fix" }).first().click();
await settle(page);
const fixed = await planText(page);
check(fixed.includes("- single-leg calf raise: 2x10 each") && !fixed.includes("singel"), "the quick fix corrects the name in the plan");
check(!(await shownFindings(page)).some((finding) => finding.rule === "unknown-exercise"), "the fixed finding is gone");

// ---- by keyboard: the editor's list of findings with their fixes
await page.locator("#plan-editor .cm-content").focus();
await page.keyboard.press("Control+Shift+M");
const panel = page.locator(".cm-panel-lint");
const panelShown = await panel.waitFor({ timeout: 5000 }).then(() => true, () => false);
const inEditor = (await shownFindings(page)).length;
check(panelShown && inEditor > 0 && (await panel.locator("li").count()) === inEditor,
  "Ctrl+Shift+M lists the findings in the editor");
await page.keyboard.press("Escape");

// ---- runlint.toml: switch a rule off and see it go; a mistake is shown on the config
const ruleToSwitchOff = (await shownFindings(page)).find((finding) => finding.rule !== "unknown-exercise")?.rule;
check(ruleToSwitchOff !== undefined, `the typed plan has another finding to switch off (${ruleToSwitchOff})`);
await page.locator("#tab-config").click();
await page.locator("#config-editor .cm-content").click();
await page.keyboard.press("ControlOrMeta+a");
await page.keyboard.press("Delete");
await page.keyboard.insertText("[rules]\n");
await page.keyboard.type(ruleToSwitchOff.slice(0, 6), { delay: 20 });
await page.waitForSelector(".cm-tooltip-autocomplete", { timeout: 5000 });
check((await page.locator(".cm-tooltip-autocomplete li").allTextContents()).some((item) => item.startsWith(ruleToSwitchOff)),
  "runlint.toml completes rule names under [rules]");
await page.keyboard.press("Escape");
await page.keyboard.insertText(`${ruleToSwitchOff.slice(6)} = "of"\n`);
await settle(page);
check(await page.locator("#config-editor .cm-lintRange").count() > 0, "a mistake in runlint.toml is underlined in the config");
check((await page.locator("#status").textContent()).includes("runlint.toml has 1 mistake"), "the status says the config has a mistake");
await page.keyboard.press("ArrowUp");
await page.keyboard.press("End");
await page.keyboard.press("ArrowLeft");
await page.keyboard.type("f");
await settle(page);
const afterOff = await shownFindings(page);
check(!afterOff.some((finding) => finding.rule === ruleToSwitchOff), `${ruleToSwitchOff} = "off" in runlint.toml removes its findings`);
const listedAfterOff = await page.locator("#findings li").allTextContents();
check(!listedAfterOff.some((item) => item.includes(`[${ruleToSwitchOff}]`)), "and from the findings list");
await page.locator("#tab-plan").click();

// ---- share link: a fresh page gets the same plan and config
await page.locator("#share").click();
await page.waitForFunction(() => document.getElementById("share-link").value !== "", null, { timeout: 5000 });
const link = await page.locator("#share-link").inputValue();
check(link.startsWith(origin + "/#plan="), `the share link carries the plan in the fragment (${link.slice(0, 80)})`);
const sharedPage = await open(link.slice(origin.length + 1));
check(await planText(sharedPage) === await planText(page), "the share link opens the same plan in a fresh page");
check(await sharedPage.evaluate(() => window.playground.config.state.doc.toString()) ===
  await page.evaluate(() => window.playground.config.state.doc.toString()), "and the same config");
check(sharedPage.problems.length === 0, `the shared page has no errors or foreign requests ${JSON.stringify(sharedPage.problems)}`);
await sharedPage.context().close();

// ---- hostile text stays text: hover, findings list, report
const hostileName = `<img src=x onerror="window.pwned=1"> [x](javascript:window.pwned=2) **b** <script>window.pwned=3</script>`;
await setPlan(page, `plan: "<b>p</b>"\nweeks:\n  - week: 1\n    phase: base\n    days:\n      mon:\n        strength: "<i>s</i>"\n        exercises:\n          - '${hostileName}': 2x8\n`);
await settle(page);
await page.locator("#plan-editor .cm-line", { hasText: "onerror" }).locator("text=script").first().hover();
await page.waitForSelector(".cm-runlint-hover, .cm-tooltip-lint", { timeout: 5000 });
await page.waitForFunction(() => window.playground.report().html.includes("onerror"));
await page.waitForTimeout(300);
const injected = await page.evaluate(() => ({
  pwned: window.pwned,
  images: document.querySelectorAll("img").length,
  scripts: [...document.querySelectorAll("script")].filter((script) => !script.src).length,
  links: [...document.querySelectorAll("a")].filter((a) => !/^https:/.test(a.href)).map((a) => a.href),
  bold: [...document.querySelectorAll("#findings b, .cm-tooltip b, #findings i")].length,
  findings: [...document.querySelectorAll("#findings li")].map((li) => li.textContent),
}));
check(injected.pwned === undefined && injected.images === 0 && injected.scripts === 0 && injected.bold === 0,
  `hostile plan text becomes no markup or script on the page ${JSON.stringify(injected)}`);
check(injected.links.length === 0, "and no link but the documentation's https ones");
check(injected.findings.some((item) => item.includes("<img src=x")), "the findings list shows the hostile name as text");
const hoverText = await page.locator(".cm-tooltip").allTextContents();
await page.screenshot({ path: path.join(outDir, "web-hostile.png") });
check(hoverText.some((item) => item.includes("<img src=x")), `the hover shows the name as text (${JSON.stringify(hoverText).slice(0, 200)})`);

// ---- completion of exercise names and keys
await setPlan(page, typed + "single-leg calf raise: 2x10 each\n          - nordic ham");
await page.locator("#plan-editor .cm-content").click();
await page.keyboard.press("ControlOrMeta+End");
await page.keyboard.type("s", { delay: 20 });
await page.waitForSelector(".cm-tooltip-autocomplete", { timeout: 5000 });
const offered = await page.locator(".cm-tooltip-autocomplete li").allTextContents();
check(offered.some((item) => item.includes("nordic hamstring curl")), "typing an exercise offers catalogue names");
await page.keyboard.press("Escape");
await setPlan(page, "plan: p\nweeks:\n  - week: 1\n    ");
await page.keyboard.press("ControlOrMeta+End");
await page.keyboard.type("ph", { delay: 20 });
await page.waitForSelector(".cm-tooltip-autocomplete", { timeout: 5000 });
check((await page.locator(".cm-tooltip-autocomplete li").allTextContents()).includes("phase"), "typing a key offers the week's keys");
// The editor ignores Enter in the first moments of a list, so a fast typist's Enter is a new line.
await page.waitForTimeout(200);
await page.keyboard.press("Enter");
const afterKey = await planText(page);
check(afterKey.endsWith("    phase: "), `choosing one writes the key (${JSON.stringify(afterKey.slice(-30))})`);

// ---- open a local file, save the edited plan
const local = "plan: From disk\nweeks:\n  - week: 1\n    days:\n      mon: rest\n";
await page.locator("#file").setInputFiles({ name: "from-disk.yaml", mimeType: "text/yaml", buffer: Buffer.from(local) });
const opened = await page.waitForFunction((local) => window.playground.plan.state.doc.toString() === local, local,
  { timeout: 5000 }).then(() => true, () => false);
check(opened, "opening a local file puts it in the editor");
const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save").click()]);
const saved = await fs.readFile(await download.path(), "utf8");
check(download.suggestedFilename() === "from-disk.yaml" && saved === local, "saving downloads the plan under its name");

// ---- one engine, two front ends: window.runlint.lint is `runlint --format json -`
const cases = JSON.parse(await fs.readFile(casesPath, "utf8"));
const mismatches = await page.evaluate((cases) => cases
  .filter((test) => window.runlint.lint(test.plan, test.config) !== test.expected)
  .map((test) => test.name), cases);
check(mismatches.length === 0, `window.runlint.lint equals runlint --format json for ${cases.length} plans and configs ${JSON.stringify(mismatches)}`);

// ---- typing latency: a key press to its findings in the editor
async function keystrokes(planPath, count) {
  await setPlan(page, await fs.readFile(planPath, "utf8"));
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    const view = window.playground.plan;
    // The end of the plan's name: typing there changes no finding.
    const at = view.state.doc.line(view.state.doc.toString().split("\n").findIndex((line) => line.startsWith("plan:")) + 1).to;
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
    window.runlint.timings.keystrokes.length = 0;
  });
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press(i % 2 ? "Backspace" : "x");
    await settle(page);
  }
  const times = (await page.evaluate(() => window.runlint.timings.keystrokes.map((k) => k.toFindings))).sort((a, b) => a - b);
  const lint = await page.evaluate(() => window.runlint.timings.lints.at(-1));
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], count: times.length, lastLintMs: lint.ms, chars: lint.chars };
}
const weeks16 = await keystrokes(plan16Path, 20);
const weeks200 = await keystrokes(plan200Path, 20);
check(weeks16.median <= 16, `16-week plan: key press to findings ${weeks16.median.toFixed(1)} ms median (<= 16 ms)`);
check(weeks200.median <= 100, `200-week plan: key press to findings ${weeks200.median.toFixed(1)} ms median (<= 100 ms)`);
const reportMs = await page.evaluate(() => window.runlint.timings.report);

// ---- a phone: 390 px wide
const phone = await open("", { width: 390, height: 844 });
const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
await phone.waitForFunction(() => window.playground.report().html.includes("runlint report"));
await phone.waitForTimeout(300);
check(overflow <= 0, `readable at 390 px: nothing wider than the screen (overflow ${overflow} px)`);
await phone.screenshot({ path: path.join(outDir, "web-phone.png") });
await phone.locator("#report").scrollIntoViewIfNeeded();
await phone.screenshot({ path: path.join(outDir, "web-phone-report.png") });
check(phone.problems.length === 0, `the phone page has no errors ${JSON.stringify(phone.problems)}`);
await phone.context().close();

check(page.problems.length === 0, `no console errors and no request beyond the page's own files ${JSON.stringify(page.problems)}`);
const measurements = { transferBytes, loadedMs, firstLintMs, firstLints, weeks16, weeks200, reportMs200Weeks: reportMs, files };
await fs.writeFile(path.join(outDir, "web-measurements.json"), JSON.stringify(measurements, null, 2));
console.log(JSON.stringify(measurements));
await browser.close();
server.close();
if (failures) {
  console.error(`${failures} failures`);
  process.exit(1);
}
