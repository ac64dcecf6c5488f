// Drives yaml-language-server over stdio, as an editor would: opens plans that point at
// runlint's plan schema through a modeline and prints, as JSON, the diagnostics the
// server publishes for each (`{"path": [diagnostics]}`), or with one plan, its list.
// Usage: node lsp-validate.mjs SERVER_JS SCHEMA_PATH PLAN_PATH...
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [serverJs, schemaPath, ...planPaths] = process.argv.slice(2);
const schemaUri = pathToFileURL(schemaPath).href;
const plans = new Map(planPaths.map((path) => [pathToFileURL(path).href, path]));
const published = new Map();

const server = spawn(process.execPath, [serverJs, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
let settleTimer = null;

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }));
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}

function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}

function finish() {
  const result = planPaths.length === 1
    ? published.get(pathToFileURL(planPaths[0]).href) ?? []
    : Object.fromEntries(planPaths.map((path) => [path, published.get(pathToFileURL(path).href) ?? []]));
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  server.kill();
  process.exit(0);
}

function handle(message) {
  if (message.id !== undefined && message.method === undefined) {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else if (message.method === "workspace/configuration") {
    const settings = { validate: true, schemaStore: { enable: false }, format: { enable: false } };
    send({ id: message.id, result: message.params.items.map(() => settings) });
  } else if (message.id !== undefined) {
    send({ id: message.id, result: null });
  } else if (message.method === "textDocument/publishDiagnostics" && plans.has(message.params.uri)) {
    published.set(message.params.uri, message.params.diagnostics);
    // Done once every plan has been validated and nothing new came for a moment.
    clearTimeout(settleTimer);
    if (published.size === plans.size) settleTimer = setTimeout(finish, 1500);
  }
}

server.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString();
    buffer = buffer.subarray(headerEnd + 4 + length);
    handle(JSON.parse(body));
  }
});

setTimeout(() => { console.error(`not every plan was validated within 120 s (${published.size} of ${plans.size})`); process.exit(2); }, 120000);

await request("initialize", { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
send({ method: "initialized", params: {} });
send({ method: "workspace/didChangeConfiguration", params: { settings: { yaml: { validate: true, schemaStore: { enable: false } } } } });
for (const [uri, path] of plans) {
  const text = `# yaml-language-server: $schema=${schemaUri}\n` + readFileSync(path, "utf8");
  send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "yaml", version: 1, text } } });
}
