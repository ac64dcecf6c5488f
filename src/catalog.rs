//! The exercise catalogue: known exercise names and aliases mapped to tags.
//!
//! The data lives in `data/exercises.yaml` and is embedded in the binary.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;

pub use crate::spelling::fold_name;
use crate::tags::{Tag, TagSet};

/// Names longer than this (in characters, folded) get no "did you mean".
const MAX_SUGGESTED_NAME: usize = 64;

/// The catalogue text shipped with runlint.
pub const CATALOG_YAML: &str = include_str!("../data/exercises.yaml");

/// One known exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogEntry {
    /// The canonical name.
    pub name: String,
    /// Its classification.
    pub tags: TagSet,
}

/// Known exercises, looked up by folded name.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    by_folded_name: HashMap<String, usize>,
    /// Every name and alias, folded once when added, for suggestions.
    folded_spellings: Vec<(String, usize)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    tags: Vec<String>,
}

/// One exercise of the built-in catalogue, as the build script compiles it from
/// `data/exercises.yaml`: spellings already folded, conflicts already ruled out.
struct BuiltinEntry {
    name: &'static str,
    spellings: &'static [&'static str],
    tags: &'static [&'static str],
}

/// The built-in catalogue's data.
static BUILTIN_ENTRIES: &[BuiltinEntry] = include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The built-in catalogue, built once from the compiled data.
static BUILTIN: LazyLock<Arc<Catalog>> = LazyLock::new(|| Arc::new(Catalog::from_builtin_entries()));

impl Catalog {
    /// The built-in catalogue.
    pub fn builtin() -> &'static Catalog {
        &BUILTIN
    }

    /// The built-in catalogue as a shared handle (cloning it costs a reference count).
    pub fn shared() -> Arc<Catalog> {
        Arc::clone(&BUILTIN)
    }

    /// The catalogue from the compiled data (an unknown tag, which a test rules out, is
    /// left out rather than stopping runlint).
    fn from_builtin_entries() -> Catalog {
        let mut catalog = Catalog::default();
        for entry in BUILTIN_ENTRIES {
            let tags: TagSet = entry.tags.iter().filter_map(|tag| Tag::parse(tag)).collect();
            let index = catalog.entries.len();
            catalog.entries.push(CatalogEntry { name: entry.name.to_owned(), tags });
            for spelling in entry.spellings {
                catalog.by_folded_name.insert((*spelling).to_owned(), index);
                catalog.folded_spellings.push(((*spelling).to_owned(), index));
            }
        }
        catalog
    }

    /// Parses catalogue data in the `data/exercises.yaml` format.
    pub fn from_yaml(text: &str) -> Result<Catalog, String> {
        let raw: Vec<RawEntry> = serde_saphyr::from_str(text).map_err(|error| error.to_string())?;
        let mut catalog = Catalog::default();
        for entry in raw {
            let mut tags = TagSet::EMPTY;
            for tag in &entry.tags {
                tags.insert(Tag::parse(tag).ok_or_else(|| format!("`{}`: unknown tag `{tag}`", entry.name))?);
            }
            let names: Vec<String> = std::iter::once(entry.name.clone()).chain(entry.aliases).collect();
            catalog.insert(&entry.name, &names, tags)?;
        }
        Ok(catalog)
    }

    /// Adds an exercise under `name` and `aliases`; a name already taken by another exercise is an error.
    pub fn insert(&mut self, name: &str, spellings: &[String], tags: TagSet) -> Result<(), String> {
        let index = self.entries.len();
        self.entries.push(CatalogEntry { name: name.to_owned(), tags });
        for spelling in spellings {
            let folded = fold_name(spelling);
            if let Some(&existing) = self.by_folded_name.get(&folded)
                && existing != index
            {
                let other = self.entries.get(existing).map_or("", |e| e.name.as_str());
                return Err(format!("`{spelling}` names both `{other}` and `{name}`"));
            }
            self.by_folded_name.insert(folded.clone(), index);
            self.folded_spellings.push((folded, index));
        }
        Ok(())
    }

    /// Adds or replaces an exercise (for configured exercises, which may override built-in ones).
    pub fn define(&mut self, name: &str, tags: TagSet) {
        let index = self.entries.len();
        self.entries.push(CatalogEntry { name: name.to_owned(), tags });
        let folded = fold_name(name);
        self.by_folded_name.insert(folded.clone(), index);
        self.folded_spellings.push((folded, index));
    }

    /// Finds an exercise by any spelling of its name or aliases.
    pub fn lookup(&self, name: &str) -> Option<&CatalogEntry> {
        self.lookup_folded(&fold_name(name))
    }

    /// Finds an exercise by an already folded name.
    pub fn lookup_folded(&self, folded: &str) -> Option<&CatalogEntry> {
        self.by_folded_name.get(folded).and_then(|&index| self.entries.get(index))
    }

    /// The other spellings runlint recognises for an exercise, in folded form (lowercase,
    /// singular, abbreviations written out), its canonical name's folded form left out.
    pub fn other_spellings(&self, name: &str) -> Vec<&str> {
        let folded = fold_name(name);
        let Some(&index) = self.by_folded_name.get(&folded) else { return Vec::new() };
        self.folded_spellings
            .iter()
            .filter(|(spelling, entry)| *entry == index && *spelling != folded)
            .map(|(spelling, _)| spelling.as_str())
            .collect()
    }

    /// Every exercise, in catalogue order (configured exercises after the built-in ones).
    pub fn entries(&self) -> impl Iterator<Item = &CatalogEntry> {
        self.entries.iter()
    }

    /// Up to `limit` known canonical names close to `name`, best first (none when nothing
    /// is close enough to be a likely misspelling).
    pub fn nearest(&self, name: &str, limit: usize) -> Vec<&str> {
        let folded = fold_name(name);
        // A typo is a short edit of a real name: a very long name gets no suggestion, and
        // only names of a comparable length are compared (bounded work on hostile input).
        let length = folded.chars().count();
        if length > MAX_SUGGESTED_NAME {
            return Vec::new();
        }
        let comparable = |spelling: &str| {
            let other = spelling.len();
            other * 2 >= length && other <= length * 2 + 4
        };
        // Only exercises of the family the name reveals (if it reveals one) are proposed.
        let family = crate::family::of_name(name);
        let same_family = |index: usize| {
            family.is_none() || self.entries.get(index).and_then(|e| crate::family::of_tags(e.tags)) == family
        };
        // Ask for every close spelling, then keep the first of each exercise.
        let spellings = self
            .folded_spellings
            .iter()
            .filter(|(spelling, index)| comparable(spelling) && same_family(*index))
            .map(|(spelling, _)| spelling.as_str());
        let close = crate::suggest::nearest(&folded, spellings, usize::MAX);
        let mut names: Vec<&str> = Vec::with_capacity(limit);
        for spelling in close {
            let index = self.folded_spellings.iter().find(|(s, _)| s == spelling).map(|(_, index)| *index);
            let Some(name) = index.and_then(|i| self.entries.get(i)).map(|e| e.name.as_str()) else { continue };
            if names.len() < limit && !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// Number of distinct exercises.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalogue is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_stay_within_the_family_the_name_reveals() {
        let catalog = Catalog::builtin();
        let suggest = |name: &str| catalog.nearest(name, 3);
        assert_eq!(suggest("hamer curl").first(), Some(&"hammer curl"));
        assert!(!suggest("hamer curl").contains(&"hamstring curl"), "{:?}", suggest("hamer curl"));
        assert!(suggest("hurdle hopz").iter().all(|name| !name.contains("calf")), "{:?}", suggest("hurdle hopz"));
        assert!(suggest("calf stretchh").iter().all(|name| name.contains("stretch") || name.contains("roll")));
    }

    #[test]
    fn the_compiled_catalogue_is_the_data_file() {
        let parsed = Catalog::from_yaml(CATALOG_YAML).expect("the data file parses");
        let compiled = Catalog::from_builtin_entries();
        assert_eq!(compiled.entries, parsed.entries);
        let mut a = compiled.folded_spellings.clone();
        let mut b = parsed.folded_spellings.clone();
        a.sort();
        b.sort();
        b.dedup();
        assert_eq!(a, b);
    }

    #[test]
    fn the_embedded_catalogue_loads() {
        let catalog = Catalog::from_yaml(CATALOG_YAML);
        assert!(catalog.as_ref().is_ok_and(|c| c.len() > 80), "{:?}", catalog.err());
    }

    #[test]
    fn folds_case_hyphens_plurals_and_abbreviations() {
        assert_eq!(fold_name("Single Leg Calf Raises"), fold_name("single-leg calf raise"));
        assert_eq!(fold_name("SL RDL"), "single leg romanian deadlift");
        assert_eq!(fold_name("BSS"), "bulgarian split squat");
        assert_eq!(fold_name("Crunches"), "crunch");
        assert_eq!(fold_name("leg press"), "leg press");
        assert_eq!(fold_name("Sit-ups"), fold_name("sit-up"));
        assert_eq!(fold_name("Farmer’s carry"), fold_name("farmer's carry"));
    }

    #[test]
    fn finds_aliases_and_suggests_near_names() {
        let catalog = Catalog::builtin();
        assert_eq!(catalog.lookup("RDL").map(|e| e.name.as_str()), Some("romanian deadlift"));
        assert_eq!(catalog.lookup("Bulgarian split squats").map(|e| e.name.as_str()), Some("bulgarian split squat"));
        assert_eq!(catalog.lookup("marching bridge").map(|e| e.name.as_str()), Some("single-leg glute bridge"));
        assert!(catalog.lookup("underwater basket weaving").is_none());
        assert_eq!(catalog.nearest("calf raize", 3).first(), Some(&"calf raise"));
    }
}
