" runlint's language server in Vim or Neovim through ALE (3.0 and later).
" Put this file in ~/.vim/plugin/ (Vim) or ~/.config/nvim/plugin/ (Neovim), after ALE is
" installed; runlint must be on PATH. ALE runs only the linters named in g:ale_linters for
" YAML, so its default YAML linters do not run in place of runlint. ALE counts columns in
" bytes without telling the server, so the server is asked to count in bytes too.
call ale#linter#Define('yaml', {
\   'name': 'runlint',
\   'lsp': 'stdio',
\   'executable': 'runlint',
\   'command': '%e server',
\   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\   'initialization_options': {'positionEncoding': 'utf-8'},
\})
let g:ale_linters = get(g:, 'ale_linters', {})
let g:ale_linters.yaml = ['runlint']
