-- Drives `runlint server` from Neovim's built-in LSP client (Neovim 0.7 and later), set up
-- as docs/integrations.md says (editors/neovim/runlint.lua), headless, from the repository:
--   nvim --headless --clean -c "luafile scripts/nvim-lsp.lua" RUNLINT PLAN EXPECTED.json
-- PLAN lies in a repository (a folder with `.git`) whose runlint.toml this script edits.
-- EXPECTED.json holds `runlint --format json` for the plan, the findings the editor must
-- show at the same places. Exits 0 when every check passes.

local runlint, plan_path, expected_path = unpack(vim.fn.argv())
local failures = 0

local function say(text)
  io.stdout:write(text .. "\n")
end

local function check(ok, what)
  if ok then
    say("ok: " .. what)
  else
    say("FAILED: " .. what)
    failures = failures + 1
  end
end

local function finish()
  vim.cmd(failures == 0 and "qall!" or "cquit!")
end

local function read(path)
  local file = assert(io.open(path))
  local text = file:read("*a")
  file:close()
  return text
end

-- The documented setup (editors/neovim/runlint.lua), then the plan, as a user would open it.
vim.env.PATH = vim.fn.fnamemodify(runlint, ":p:h") .. ":" .. vim.env.PATH
vim.cmd("filetype on")
dofile("editors/neovim/runlint.lua")
local root = vim.fn.fnamemodify(plan_path, ":h")
vim.cmd("cd " .. vim.fn.fnameescape(root))
vim.cmd("edit " .. vim.fn.fnameescape(plan_path))
local plan = vim.api.nvim_get_current_buf()
local client_id
vim.wait(10000, function()
  client_id = vim.lsp.get_active_clients()[1] and vim.lsp.get_active_clients()[1].id
  return client_id ~= nil
end, 20)

local function diagnostics(buffer)
  return vim.diagnostic.get(buffer)
end

local function wait_for(what, condition)
  local ok = vim.wait(10000, condition, 20)
  if not ok then
    check(false, "timed out waiting for " .. what)
    finish()
  end
end

wait_for("the first diagnostics", function()
  return #diagnostics(plan) > 0
end)
local client = vim.lsp.get_client_by_id(client_id)
say("negotiated position encoding: " .. tostring(client.offset_encoding))

-- 1. The findings: the same rules at the same places as `--format json` (Neovim counts
-- columns in bytes; JSON gives byte offsets, so both are compared in bytes).
local expected = vim.fn.json_decode(read(expected_path))
local lines = vim.api.nvim_buf_get_lines(plan, 0, -1, false)
local line_starts, offset = {}, 0
for index, line in ipairs(lines) do
  line_starts[index] = offset
  offset = offset + #line + 1
end
local function key(rule, lnum, col)
  return string.format("%s@%d:%d", rule, lnum, col)
end
local wanted = {}
for _, finding in ipairs(expected.diagnostics) do
  local start = finding.range.start
  wanted[#wanted + 1] = key(finding.rule, start.line - 1, start.offset - line_starts[start.line])
end
local shown = {}
for _, diagnostic in ipairs(diagnostics(plan)) do
  local code = diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
  shown[#shown + 1] = key(code, diagnostic.lnum, diagnostic.col)
end
table.sort(wanted)
table.sort(shown)
check(vim.deep_equal(wanted, shown), string.format("%d findings at the places the JSON output gives", #wanted))
if not vim.deep_equal(wanted, shown) then
  say("  expected: " .. table.concat(wanted, " "))
  say("  shown:    " .. table.concat(shown, " "))
end
local after_emoji = vim.tbl_filter(function(k)
  return k:find("^unknown%-exercise@") ~= nil
end, shown)
check(#after_emoji == 1, "the unknown exercise after an emoji is underlined where it is written")

-- 2. Hover on an exercise name.
local function position_of(pattern)
  for index, line in ipairs(lines) do
    local column = line:find(pattern, 1, true)
    if column then
      return { line = index - 1, character = column - 1 }
    end
  end
end
local params = { textDocument = vim.lsp.util.make_text_document_params(plan), position = position_of("reverse lunge") }
local hover = vim.lsp.buf_request_sync(plan, "textDocument/hover", params, 5000)
local hover_text = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value or ""
check(hover_text:find("**reverse lunge** (runlint catalogue)", 1, true) ~= nil, "hover names the exercise: " .. hover_text:gsub("\n.*", ""))

-- 3. Completion inside an exercise list.
local completion = vim.lsp.buf_request_sync(plan, "textDocument/completion", params, 5000)
local items = completion and completion[client_id] and completion[client_id].result or {}
local labels = vim.tbl_map(function(item)
  return item.label
end, items)
check(vim.tbl_contains(labels, "single-leg calf raise"), string.format("completion offers %d exercises", #labels))

-- 4. The outline.
local symbols = vim.lsp.buf_request_sync(plan, "textDocument/documentSymbol", { textDocument = params.textDocument }, 5000)
local outline = symbols and symbols[client_id] and symbols[client_id].result or {}
local weeks = #vim.tbl_filter(function(line)
  return line:find("^%s*%- week:") ~= nil
end, lines)
check(#outline == weeks and outline[1].name == "Week 1", string.format("the outline has the plan's %d weeks", #outline))

-- 5. A code action: allow the unknown exercise on its line; the finding goes away.
local target
for _, diagnostic in ipairs(diagnostics(plan)) do
  if (diagnostic.code or diagnostic.user_data.lsp.code) == "unknown-exercise" then
    target = diagnostic
  end
end
if not target then
  check(false, "the plan has an unknown exercise to allow")
  finish()
end
local before = #diagnostics(plan)
local action_params = {
  textDocument = params.textDocument,
  range = { start = { line = target.lnum, character = 0 }, ["end"] = { line = target.lnum, character = 0 } },
  context = { diagnostics = {} },
}
local answer = vim.lsp.buf_request_sync(plan, "textDocument/codeAction", action_params, 5000)
local actions = answer and answer[client_id] and answer[client_id].result or {}
local allow
for _, action in ipairs(actions) do
  if action.title == "Allow `unknown-exercise` here" then
    allow = action
  end
end
check(allow ~= nil, string.format("%d code actions, among them 'Allow `unknown-exercise` here'", #actions))
if allow then
  vim.lsp.util.apply_workspace_edit(allow.edit, client.offset_encoding)
  wait_for("the allowed finding to go", function()
    return #diagnostics(plan) == before - 1
  end)
  check(true, "applying the action removed exactly that finding")
end

-- 6. The config: saved in the editor, it applies at once; a broken one is shown on itself.
vim.cmd("edit " .. vim.fn.fnameescape(root .. "/runlint.toml"))
local config = vim.api.nvim_get_current_buf()
vim.api.nvim_buf_set_lines(config, 0, -1, false, { "[rules]", 'calf-work-missing = "off"' })
vim.cmd("write")
wait_for("calf-work-missing to be turned off", function()
  for _, diagnostic in ipairs(diagnostics(plan)) do
    if (diagnostic.code or diagnostic.user_data.lsp.code) == "calf-work-missing" then
      return false
    end
  end
  return true
end)
check(true, "saving runlint.toml turned calf-work-missing off in the open plan")
vim.api.nvim_buf_set_lines(config, 0, -1, false, { "[rules]", 'calf-work-mising = "off"' })
vim.cmd("write")
wait_for("the config mistake to be shown", function()
  return #diagnostics(config) > 0
end)
local mistake = diagnostics(config)[1]
check(mistake.lnum == 1 and mistake.message:find("calf-work-missing", 1, true) ~= nil, "the misspelt rule is shown on runlint.toml: " .. mistake.message:gsub("\n.*", ""))

finish()
