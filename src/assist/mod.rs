//! Help while a plan is written, in no editor protocol's terms: what is known of the word
//! under the cursor (hover) and what may be written there (completion). The language
//! server and the browser playground both adapt these to their own front ends.

pub mod completion;
pub mod hover;
