//! YAML merge keys (`<<`): entries of the merged mappings join a mapping where it does not
//! set the key itself.

use std::borrow::Cow;
use std::collections::HashSet;

use super::{Node, Value};

/// Applies `<<` merge keys: the merged mappings' entries are added where the mapping does
/// not set the key itself (earlier merge sources win over later ones).
pub(super) fn merge_keys<'s>(entries: Vec<(Node<'s>, Node<'s>)>) -> Vec<(Node<'s>, Node<'s>)> {
    if !entries.iter().any(|(key, _)| is_merge_key(key)) {
        return entries;
    }
    let mut own = Vec::with_capacity(entries.len());
    let mut sources = Vec::new();
    for (key, value) in entries {
        if is_merge_key(&key) {
            match value.value {
                Value::Seq(items) => sources.extend(items),
                _ => sources.push(value),
            }
        } else {
            own.push((key, value));
        }
    }
    // Keys already present, so each merged key is one look-up: a huge inline `<<:` stays linear.
    let mut present: HashSet<MergeKey> = own.iter().filter_map(|(key, _)| merge_key(key)).collect();
    for source in sources {
        // A merge source that is not a mapping is kept as an ordinary entry so lowering reports it.
        let Value::Map(merged) = source.value else {
            own.push((Node { span: source.span, value: Value::Str(Cow::Borrowed("<<")) }, source));
            continue;
        };
        for (key, value) in merged {
            let is_new = merge_key(&key).is_none_or(|identity| present.insert(identity));
            if is_new {
                own.push((key, value));
            }
        }
    }
    own
}

/// The identity of a mapping key for merging; keys of other kinds never equal one another.
#[derive(PartialEq, Eq, Hash)]
enum MergeKey {
    Str(String),
    Int(i64),
    Bool(bool),
}

fn merge_key(key: &Node<'_>) -> Option<MergeKey> {
    match &key.value {
        Value::Str(text) => Some(MergeKey::Str(text.to_string())),
        Value::Int(value) => Some(MergeKey::Int(*value)),
        Value::Bool(value) => Some(MergeKey::Bool(*value)),
        _ => None,
    }
}

fn is_merge_key(key: &Node<'_>) -> bool {
    key.value.as_str() == Some("<<")
}
