// The playground: wires the engine (runlint compiled to WebAssembly) to the editors, the
// findings list, the week-grid report and the page's controls. Every judgement about a
// plan comes from the engine; this file only shows it.

import init, * as engine from "runlint-engine";
import { planEditor, configEditor, setText, showDiagnostics } from "./editors.js";
import { encodeFragment, decodeFragment } from "./share.js";
import springHalf from "../../examples/spring-half-marathon.yaml";
import first5k from "../examples/first-5k.yaml";
import marathonBlock from "../examples/marathon-build.yaml";

const EXAMPLES = {
  "spring-half-marathon.yaml": springHalf,
  "first-5k.yaml": first5k,
  "marathon-build.yaml": marathonBlock,
};
const EXAMPLE_CONFIG = "# runlint.toml: rule severities and options, as in a repository.\n# [rules]\n# strength-frequency = \"off\"\n";
const REPORT_PAUSE_MS = 300;

const $ = (id) => document.getElementById(id);
// What tests and the performance page read: each lint's cost, the first lint's time, and
// the time from a key press to its findings in the editor.
const timings = { lints: [], keystrokes: [] };
document.addEventListener("keydown", (event) => { timings.keydown = event.timeStamp; }, true);

timings.scriptStart = performance.now();
await init({ module_or_path: new URL("runlint_web_bg.wasm", import.meta.url) });
timings.engineReady = performance.now();
window.runlint = {
  lint: engine.lint,
  fix: engine.fix,
  report: engine.report,
  complete: engine.complete,
  hover: engine.hover,
  editorState: engine.editorState,
  configurableRules: engine.configurableRules,
  timings,
};

let planName = "plan.yaml";
const plan = planEditor($("plan-editor"), engine, () => config.state.doc.toString(), lintNow,
  () => showReportAt(weekAtCursor()));
const config = configEditor($("config-editor"), engine, lintNow);
let reportTimer = 0;
let reportHtml = "";
let reportAddress = null;
let shownWeek = null;
let listTimer = 0;
let lintQueued = false;

/** Lints the plan and config as they are now and shows the result everywhere. */
function lintNow() {
  // Editors cannot be updated from inside their own update: a microtask later is enough,
  // and changes made together (a loaded plan and its config) are linted once.
  if (lintQueued) return;
  lintQueued = true;
  queueMicrotask(() => {
    lintQueued = false;
    const started = performance.now();
    const planText = plan.state.doc.toString();
    const configText = config.state.doc.toString();
    const state = JSON.parse(engine.editorState(planText, configText));
    showDiagnostics(plan, state.diagnostics.map((finding) => toEditor(finding, planText)));
    showDiagnostics(config, state.config_problems.map((problem) => ({
      from: problem.from, to: problem.to, severity: "error", source: "runlint.toml",
      message: problem.help ? `${problem.message}\nhelp: ${problem.help}` : problem.message,
    })));
    const finished = performance.now();
    timings.lints.push({ chars: planText.length, ms: finished - started });
    if (timings.keydown !== undefined) {
      timings.keystrokes.push({ toFindings: finished - timings.keydown, keydown: timings.keydown });
      timings.keydown = undefined;
    }
    if (timings.firstLint === undefined) timings.firstLint = performance.now();
    // The list and the status follow in a task of their own: the squiggles come first.
    clearTimeout(listTimer);
    listTimer = setTimeout(() => showFindings(state, planText), 0);
    // A broken config stops the command line before any report: the last good one stays.
    clearTimeout(reportTimer);
    if (state.config_problems.length === 0) reportTimer = setTimeout(showReport, REPORT_PAUSE_MS);
  });
}

/** A finding as the editor's lint extension shows it, with its fix as an action. */
function toEditor(finding, planText) {
  const actions = [];
  if (finding.fix) {
    actions.push({
      name: `Fix: ${finding.fix.title}${finding.fix.applicability === "unsafe" ? " (unsafe)" : ""}`,
      apply: (view) => applyEdits(view, finding.fix.edits, planText),
    });
  }
  return {
    from: finding.from,
    to: finding.to,
    severity: finding.severity,
    message: finding.message,
    renderMessage: () => findingNode(finding, "div"),
    actions,
  };
}

/** Message, help and rule of a finding, as text nodes only. */
function findingNode(finding, tag) {
  const node = document.createElement(tag);
  node.className = `finding finding-${finding.severity}`;
  const head = node.appendChild(document.createElement("span"));
  head.className = "finding-message";
  head.textContent = finding.message;
  const rule = node.appendChild(document.createElement("span"));
  rule.className = "finding-rule";
  rule.textContent = ` ${finding.severity}[${finding.rule}]`;
  if (finding.help) {
    const help = node.appendChild(document.createElement("span"));
    help.className = "finding-help";
    help.textContent = `help: ${finding.help}`;
  }
  return node;
}

/** Applies a fix's edits if the plan is still the text they were made for. */
function applyEdits(view, edits, madeFor) {
  if (view.state.doc.toString() !== madeFor) return false;
  view.dispatch({ changes: edits.map((edit) => ({ from: edit.from, to: edit.to, insert: edit.insert })) });
  view.focus();
  return true;
}

function showFindings(state, planText) {
  const list = $("findings");
  list.replaceChildren();
  const problems = state.config_problems.length;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of state.diagnostics) counts[finding.severity] += 1;
  let status;
  if (problems) {
    status = `runlint.toml has ${problems} ${problems === 1 ? "mistake" : "mistakes"}: ` +
      "the command line stops there too, so the plan is not checked until it is fixed.";
  } else if (state.diagnostics.length === 0) {
    status = "No problems found.";
  } else {
    const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    status = `${plural(counts.error, "error", "errors")}, ${plural(counts.warning, "warning", "warnings")}, ` +
      `${plural(counts.info, "info", "infos")}.`;
  }
  // A screen reader announces the status when it changes, not on every key press.
  if ($("status").textContent !== status) $("status").textContent = status;
  $("fix-safe").disabled = !state.diagnostics.some((d) => d.fix?.applicability === "safe");
  $("fix-unsafe").disabled = !state.diagnostics.some((d) => d.fix);
  for (const finding of state.diagnostics) {
    const item = list.appendChild(document.createElement("li"));
    const jump = item.appendChild(document.createElement("button"));
    jump.type = "button";
    jump.className = "finding-jump";
    const line = plan.state.doc.lineAt(Math.min(finding.from, plan.state.doc.length));
    jump.setAttribute("aria-label", `Line ${line.number}: ${finding.severity}: ${finding.message}`);
    const where = jump.appendChild(document.createElement("span"));
    where.className = "finding-line";
    where.textContent = `${line.number}:${finding.from - line.from + 1}`;
    jump.appendChild(findingNode(finding, "span"));
    jump.addEventListener("click", () => {
      plan.dispatch({ selection: { anchor: finding.from, head: finding.to }, scrollIntoView: true });
      showTab("plan");
      plan.focus();
    });
    if (finding.fix) {
      const fix = item.appendChild(document.createElement("button"));
      fix.type = "button";
      fix.className = "finding-fix";
      fix.textContent = finding.fix.applicability === "unsafe" ? "Fix (unsafe)" : "Fix";
      fix.setAttribute("aria-label", `Fix line ${line.number}: ${finding.fix.title}`);
      fix.title = finding.fix.title;
      fix.addEventListener("click", () => applyEdits(plan, finding.fix.edits, planText));
    }
  }
}

/** Renders the report as a page of its own (a blob: address, so its fragment can follow
 * the cursor) and shows it at the cursor's week. */
function showReport() {
  const started = performance.now();
  reportHtml = engine.report(plan.state.doc.toString(), config.state.doc.toString(), planName);
  const previous = reportAddress;
  reportAddress = URL.createObjectURL(new Blob([reportHtml], { type: "text/html" }));
  showReportAt(weekAtCursor(), true);
  if (previous) setTimeout(() => URL.revokeObjectURL(previous), 1000);
  timings.report = performance.now() - started;
}

/** Scrolls the report to `week` (its row's anchor); a changed address reloads it. */
function showReportAt(week, reload = false) {
  if (!reportAddress || (week === shownWeek && !reload)) return;
  shownWeek = week;
  $("report").src = reportAddress + (week ? `#plan-0-w${week}` : "");
}

/** The week the cursor is in: the nearest `- week: N` above it. */
function weekAtCursor() {
  const doc = plan.state.doc;
  for (let number = doc.lineAt(plan.state.selection.main.head).number; number >= 1; number -= 1) {
    const found = /^\s*-\s*week:\s*(\d+)\s*(#.*)?$/.exec(doc.line(number).text);
    if (found) return found[1];
  }
  return null;
}

function showTab(name) {
  for (const tab of ["plan", "config"]) {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute("aria-selected", String(selected));
    $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
  }
}

function load(planText, configText = config.state.doc.toString(), name = "plan.yaml") {
  planName = name;
  $("tab-plan").textContent = name;
  setText(config, configText);
  setText(plan, planText);
}

// Tabs: arrow keys move between them, as the ARIA tabs pattern asks.
for (const tab of ["plan", "config"]) {
  $(`tab-${tab}`).addEventListener("click", () => showTab(tab));
  $(`tab-${tab}`).addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const other = tab === "plan" ? "config" : "plan";
      showTab(other);
      $(`tab-${other}`).focus();
    }
  });
}

const examples = $("example");
for (const name of Object.keys(EXAMPLES)) {
  examples.appendChild(new Option(name, name));
}
examples.addEventListener("change", () => {
  if (examples.value) load(EXAMPLES[examples.value], config.state.doc.toString(), examples.value);
});

$("open").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", async () => {
  const file = $("file").files[0];
  if (!file) return;
  const text = await file.text();
  if (/\.toml$/i.test(file.name)) {
    setText(config, text);
    showTab("config");
  } else {
    load(text, config.state.doc.toString(), file.name);
    showTab("plan");
  }
  $("file").value = "";
});

$("save").addEventListener("click", () => {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([plan.state.doc.toString()], { type: "application/yaml" }));
  link.download = planName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
});

for (const [id, level] of [["fix-safe", "safe"], ["fix-unsafe", "unsafe"]]) {
  $(id).addEventListener("click", () => {
    const before = plan.state.doc.toString();
    const after = engine.fix(before, config.state.doc.toString(), level);
    if (after !== before) setText(plan, after);
  });
}

$("share").addEventListener("click", async () => {
  const fragment = await encodeFragment(plan.state.doc.toString(), config.state.doc.toString());
  const link = location.href.split("#")[0] + fragment;
  history.replaceState(null, "", fragment);
  $("share-link").value = link;
  $("share-link").hidden = false;
  $("share-link").select();
  try {
    await navigator.clipboard.writeText(link);
    $("share-note").textContent = "Link copied. The plan is inside the link itself, after the #: no server ever sees it.";
  } catch {
    $("share-note").textContent = "Copy the link above. The plan is inside the link itself, after the #: no server ever sees it.";
  }
});

const shared = await decodeFragment(location.hash);
if (shared) {
  load(shared.plan, shared.config, "shared-plan.yaml");
} else {
  examples.value = "spring-half-marathon.yaml";
  load(springHalf, EXAMPLE_CONFIG, "spring-half-marathon.yaml");
}
showTab("plan");
window.playground = { plan, config, report: () => ({ html: reportHtml, address: $("report").src }) };
document.body.dataset.ready = "true";
