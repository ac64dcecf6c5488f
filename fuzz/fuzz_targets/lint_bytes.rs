//! Arbitrary bytes through the whole pipeline: UTF-8 check, YAML, lowering, rules, renderers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use runlint::source::Source;

mod check;

fuzz_target!(|data: &[u8]| {
    let (source, unreadable) = Source::from_bytes("fuzz.yaml", data.to_vec());
    check::lint_and_check(source, unreadable);
});
