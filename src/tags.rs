//! The tag vocabulary rules reason about, and a compact set of tags.

use std::fmt;

/// Every tag, in the order of the vocabulary in the plan format.
pub const TAG_NAMES: &[&str] = &[
    "lower",
    "upper",
    "core",
    "calves",
    "soleus",
    "glutes",
    "hip-abductors",
    "hamstrings",
    "quads",
    "adductors",
    "back",
    "chest",
    "shoulders",
    "arms",
    "single-leg",
    "strength",
    "plyometric",
    "isometric",
    "mobility",
    "flexion",
    "it-band",
];

/// One tag of the classification vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Tag {
    Lower,
    Upper,
    Core,
    Calves,
    Soleus,
    Glutes,
    HipAbductors,
    Hamstrings,
    Quads,
    Adductors,
    Back,
    Chest,
    Shoulders,
    Arms,
    SingleLeg,
    Strength,
    Plyometric,
    Isometric,
    Mobility,
    Flexion,
    ItBand,
}

const ALL_TAGS: [Tag; 21] = [
    Tag::Lower,
    Tag::Upper,
    Tag::Core,
    Tag::Calves,
    Tag::Soleus,
    Tag::Glutes,
    Tag::HipAbductors,
    Tag::Hamstrings,
    Tag::Quads,
    Tag::Adductors,
    Tag::Back,
    Tag::Chest,
    Tag::Shoulders,
    Tag::Arms,
    Tag::SingleLeg,
    Tag::Strength,
    Tag::Plyometric,
    Tag::Isometric,
    Tag::Mobility,
    Tag::Flexion,
    Tag::ItBand,
];

impl Tag {
    /// Parses a tag name as written in plans and the catalogue.
    pub fn parse(text: &str) -> Option<Tag> {
        let index = TAG_NAMES.iter().position(|name| *name == text)?;
        ALL_TAGS.get(index).copied()
    }

    /// The tag's name.
    pub fn as_str(self) -> &'static str {
        TAG_NAMES.get(self as usize).copied().unwrap_or("?")
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of tags, stored as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TagSet(u32);

impl TagSet {
    /// The empty set.
    pub const EMPTY: TagSet = TagSet(0);

    /// Adds a tag.
    pub fn insert(&mut self, tag: Tag) {
        self.0 |= tag.bit();
    }

    /// Whether the set holds `tag`.
    pub fn contains(self, tag: Tag) -> bool {
        self.0 & tag.bit() != 0
    }

    /// Whether the set holds any tag.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The tags in vocabulary order.
    pub fn iter(self) -> impl Iterator<Item = Tag> {
        ALL_TAGS.into_iter().filter(move |tag| self.contains(*tag))
    }

    /// Hip work: hip abductors, or glutes without quads (bridges, thrusts, RDLs, swings).
    pub fn is_hip_work(self) -> bool {
        self.contains(Tag::HipAbductors) || (self.contains(Tag::Glutes) && !self.contains(Tag::Quads))
    }

    /// Checks that the set names exactly one kind of exercise (strength, plyometric,
    /// isometric or mobility), as the plan format requires of explicit tags.
    pub fn check_kind(self) -> Result<(), String> {
        let kinds: Vec<&str> = [Tag::Strength, Tag::Plyometric, Tag::Isometric, Tag::Mobility]
            .into_iter()
            .filter(|kind| self.contains(*kind))
            .map(Tag::as_str)
            .collect();
        match kinds.as_slice() {
            [_] => Ok(()),
            [] => Err("the tags name no kind of exercise".to_owned()),
            several => Err(format!(
                "the tags name {} kinds of exercise (`{}`); give exactly one",
                several.len(),
                several.join("`, `")
            )),
        }
    }

    /// Calf strength work: calves or soleus, and not a stretch or a roll.
    pub fn is_calf_work(self) -> bool {
        (self.contains(Tag::Calves) || self.contains(Tag::Soleus)) && !self.contains(Tag::Mobility)
    }

    /// Single-leg strength work: tagged `single-leg`, and not a stretch or a roll.
    pub fn is_single_leg_work(self) -> bool {
        self.contains(Tag::SingleLeg) && !self.contains(Tag::Mobility)
    }

    /// Trains the legs: tagged `lower`, and neither mobility nor core work (a side plank or
    /// Copenhagen plank works the adductors, but a session of them is a core session).
    pub fn trains_legs(self) -> bool {
        self.contains(Tag::Lower) && !self.contains(Tag::Mobility) && !self.contains(Tag::Core)
    }
}

impl FromIterator<Tag> for TagSet {
    fn from_iter<I: IntoIterator<Item = Tag>>(iter: I) -> Self {
        let mut set = TagSet::EMPTY;
        for tag in iter {
            set.insert(tag);
        }
        set
    }
}

impl fmt::Display for TagSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Tag::as_str).collect();
        f.write_str(&names.join(" "))
    }
}
