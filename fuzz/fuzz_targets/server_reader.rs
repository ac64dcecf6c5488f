//! The language server's message reader on arbitrary bytes: never a panic, never a
//! stall, and what it keeps stays within a small multiple of what it read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use runlint::server::transport;

fuzz_target!(|data: &[u8]| {
    let mut input = data;
    // Each read consumes at least a header line, so this ends.
    while let Ok(Some(_message)) = transport::read(&mut input) {}
});
