//! Compiles the exercise catalogue (`data/exercises.yaml`) into the binary as static data,
//! with every spelling already folded: parsing and folding it at start-up cost more than
//! linting a whole plan. Conflicting spellings fail the build.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

#[path = "src/spelling.rs"]
mod spelling;

use std::collections::HashMap;
use std::fmt::Write;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    tags: Vec<String>,
}

fn main() {
    println!("cargo:rerun-if-changed=data/exercises.yaml");
    println!("cargo:rerun-if-changed=src/spelling.rs");
    let text = std::fs::read_to_string("data/exercises.yaml").expect("data/exercises.yaml");
    let entries: Vec<Entry> = serde_saphyr::from_str(&text).expect("data/exercises.yaml is a list of exercises");
    let mut owner: HashMap<String, String> = HashMap::new();
    let mut out = String::from("&[\n");
    for entry in &entries {
        let mut spellings: Vec<String> = Vec::new();
        for spelling in std::iter::once(&entry.name).chain(&entry.aliases) {
            let folded = spelling::fold_name(spelling);
            if let Some(other) = owner.insert(folded.clone(), entry.name.clone())
                && other != entry.name
            {
                panic!("data/exercises.yaml: `{spelling}` names both `{other}` and `{}`", entry.name);
            }
            if !spellings.contains(&folded) {
                spellings.push(folded);
            }
        }
        writeln!(
            out,
            "    BuiltinEntry {{ name: {:?}, spellings: &{:?}, tags: &{:?} }},",
            entry.name, spellings, entry.tags
        )
        .unwrap();
    }
    out.push_str("]\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalog.rs");
    std::fs::write(path, out).unwrap();
}
