" Drives `runlint server` from Vim through ALE (Debian's vim-ale), set up as
" docs/integrations.md says (editors/vim/runlint.vim), in Ex mode without a terminal:
"   RUNLINT_PLAN=plan.yaml RUNLINT_OUT=found.txt vim -N -u NONE -i NONE -es -S scripts/vim-ale.vim
" Writes one line per finding ALE shows: `rule@line:column` (column in bytes, 1-based).
set nocompatible
let &runtimepath = '/usr/share/vim-ale,' . &runtimepath
filetype plugin on
runtime plugin/ale.vim
execute 'source ' . fnameescape(expand('<sfile>:p:h:h') . '/editors/vim/runlint.vim')
let g:ale_lint_delay = 0
execute 'edit ' . fnameescape($RUNLINT_PLAN)
let s:waited = 0
while empty(ale#engine#GetLoclist(bufnr(''))) && s:waited < 200
  sleep 50m
  let s:waited += 1
endwhile
call writefile(map(copy(ale#engine#GetLoclist(bufnr(''))), {_, d -> d.code . '@' . d.lnum . ':' . d.col}), $RUNLINT_OUT)
qall!
