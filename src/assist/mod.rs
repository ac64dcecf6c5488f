//! What an editor asks of a plan besides its findings: what the word under the cursor is
//! ([`hover`]) and what may be written where it stands ([`completion`]), both from one
//! [`Analysis`] of the text. Nothing here speaks a protocol: the language server and the
//! browser playground each turn these answers into their own terms.

mod analysis;
pub mod completion;
pub mod hover;

pub use analysis::Analysis;
