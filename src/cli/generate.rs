//! Shell completions and the man page, both made from the argument definitions, so they
//! never disagree with `--help`.

use std::io::{self, Write};

use clap::CommandFactory;

use super::args::Args;

/// `runlint completions SHELL`.
pub(super) fn completions(shell: clap_complete::Shell) -> io::Result<()> {
    // Made in memory, then written: a closed pipe is an error to report, not a panic.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "runlint", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script).and_then(|()| out.flush())
}

/// `runlint man`: runlint(1) in roff.
pub(super) fn man_page() -> io::Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Args::command()).render(&mut page)?;
    let mut out = io::stdout().lock();
    out.write_all(&page).and_then(|()| out.flush())
}
