-- runlint's language server in Neovim's built-in client (Neovim 0.7 and later).
-- Put this file in ~/.config/nvim/plugin/, or paste it into init.lua. runlint must be on
-- PATH. Plans are YAML; runlint.toml is TOML (so mistakes in it show on the file).
local client_id
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "yaml", "toml" },
  callback = function(args)
    -- One server for the session, started again if it has stopped.
    if not (client_id and vim.lsp.get_client_by_id(client_id)) then
      client_id = vim.lsp.start_client({ name = "runlint", cmd = { "runlint", "server" }, root_dir = vim.fn.getcwd() })
    end
    if client_id then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
