//! Handles: the short slug that names a relationship and its folder.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A validated handle: `^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$`, a slug as
/// [`Handle::from_name`] makes one. The only way a user's words become
/// part of a path. One rule for every handle: typed to `rel new`, read
/// from an import, or found as a folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Handle(String);

pub const MAX_HANDLE: usize = 64;

/// Why a string is not a handle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandleError {
    Empty,
    TooLong,
    BadStart,
    BadEnd,
    BadChar(char),
}

impl fmt::Display for HandleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandleError::Empty => f.write_str("a handle cannot be empty"),
            HandleError::TooLong => write!(f, "a handle has at most {MAX_HANDLE} characters"),
            HandleError::BadStart => f.write_str("a handle starts with a letter or a digit"),
            HandleError::BadEnd => f.write_str("a handle ends with a letter or a digit"),
            HandleError::BadChar(c) => write!(
                f,
                "a handle holds only a-z, 0-9 and '-', not {}",
                c.escape_default()
            ),
        }
    }
}

impl std::error::Error for HandleError {}

impl Handle {
    /// Checks that `text` is already a handle.
    pub fn parse(text: &str) -> Result<Handle, HandleError> {
        let first = text.chars().next().ok_or(HandleError::Empty)?;
        if text.len() > MAX_HANDLE {
            return Err(HandleError::TooLong);
        }
        if let Some(c) = text
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(HandleError::BadChar(c));
        }
        if first == '-' {
            return Err(HandleError::BadStart);
        }
        if text.ends_with('-') {
            return Err(HandleError::BadEnd);
        }
        Ok(Handle(text.to_string()))
    }

    /// Makes a handle from a person's name: `Zoë O'Brien` → `zoe-obrien`,
    /// `李小龙` → `li-xiao-long`. `None` when nothing usable is left.
    pub fn from_name(name: &str) -> Option<Handle> {
        let ascii = deunicode::deunicode(name).to_lowercase();
        let mut slug = String::with_capacity(ascii.len());
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if matches!(c, '\'' | '`' | '"') {
                // O'Brien is one word, not two.
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        slug.truncate(MAX_HANDLE);
        let slug = slug.trim_end_matches('-');
        Handle::parse(slug).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Handle {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Handle {
    type Error = HandleError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Handle::parse(&value)
    }
}

impl From<Handle> for String {
    fn from(handle: Handle) -> String {
        handle.0
    }
}

/// The handles `input` names in part: those it begins (`pri` →
/// `priya-natarajan`), or one of whose words it begins (`hopper` →
/// `grace-hopper`), or that it begins with the dashes left out
/// (`gracehop`). One match is
/// the relationship meant; several are for the person to choose from.
pub fn named_by<'a>(input: &str, handles: &'a [Handle]) -> Vec<&'a Handle> {
    let input = input.trim();
    if input.is_empty() {
        return Vec::new();
    }
    let squashed = input.replace('-', "");
    handles
        .iter()
        .filter(|h| {
            h.0.starts_with(input)
                || h.0.split('-').any(|word| word.starts_with(input))
                || (!squashed.is_empty() && h.0.replace('-', "").starts_with(&squashed))
        })
        .collect()
}

/// The handle a person most likely meant: the one their words start or
/// name a part of, else the nearest by edit distance (`text::suggest`).
pub fn closest<'a>(input: &str, handles: &'a [Handle]) -> Option<&'a Handle> {
    let input = input.trim().to_lowercase();
    if input.is_empty() {
        return None;
    }
    if let [only] = named_by(&input, handles).as_slice() {
        return Some(only);
    }
    crate::text::suggest(&input, handles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_what_was_meant() {
        let handles: Vec<Handle> = ["ada-lovelace", "grace-hopper", "linus"]
            .iter()
            .map(|h| Handle::parse(h).unwrap())
            .collect();
        let best = |s: &str| closest(s, &handles).map(|h| h.as_str().to_string());
        assert_eq!(best("ada").as_deref(), Some("ada-lovelace"));
        assert_eq!(best("adal").as_deref(), Some("ada-lovelace"));
        assert_eq!(best("gracehop").as_deref(), Some("grace-hopper"));
        assert_eq!(best("hopper").as_deref(), Some("grace-hopper"));
        assert_eq!(best("ada-lovelce").as_deref(), Some("ada-lovelace"));
        assert_eq!(best("linux").as_deref(), Some("linus"));
        assert_eq!(best("zed"), None);
    }

    #[test]
    fn part_of_a_handle_names_it() {
        let handles: Vec<Handle> = [
            "ada-lovelace",
            "grace-hopper",
            "linus",
            "li-xiao-long",
            "priya-natarajan",
        ]
        .iter()
        .map(|h| Handle::parse(h).unwrap())
        .collect();
        let named =
            |s: &str| -> Vec<&str> { named_by(s, &handles).iter().map(|h| h.as_str()).collect() };
        assert_eq!(named("pri"), ["priya-natarajan"]);
        assert_eq!(named("hopper"), ["grace-hopper"]);
        assert_eq!(named("hop"), ["grace-hopper"]);
        assert_eq!(named("grace-h"), ["grace-hopper"]);
        assert!(named("grace hopper").is_empty());
        assert!(named("GRACE").is_empty(), "handles are lowercase, as typed");
        assert_eq!(named("gracehop"), ["grace-hopper"]);
        assert_eq!(named("lin"), ["linus"]);
        assert_eq!(named("li"), ["linus", "li-xiao-long"]);
        assert_eq!(named("l"), ["ada-lovelace", "linus", "li-xiao-long"]);
        assert_eq!(named("ada-lovelace"), ["ada-lovelace"]);
        assert!(named("zed").is_empty());
        assert!(named("").is_empty());
        assert!(named("-").is_empty());
    }

    #[test]
    fn names_become_slugs() {
        let slug = |s: &str| Handle::from_name(s).map(|h| h.0);
        assert_eq!(slug("Ada Lovelace").as_deref(), Some("ada-lovelace"));
        assert_eq!(slug("Zoë O'Brien").as_deref(), Some("zoe-obrien"));
        assert_eq!(
            slug("José Martí-Pérez").as_deref(),
            Some("jose-marti-perez")
        );
        assert_eq!(slug("李小龙").as_deref(), Some("li-xiao-long"));
        assert_eq!(
            slug("  --Grace   Hopper!! ").as_deref(),
            Some("grace-hopper")
        );
        assert_eq!(slug("../../etc/passwd").as_deref(), Some("etc-passwd"));
        assert_eq!(slug("!!! ???"), None);
        assert_eq!(slug(""), None);
        let long = "a".repeat(100);
        assert_eq!(slug(&long).map(|s| s.len()), Some(MAX_HANDLE));
    }

    #[test]
    fn only_slugs_are_handles() {
        assert!(Handle::parse("ada-lovelace").is_ok());
        assert!(Handle::parse("007").is_ok());
        for bad in [
            "",
            "-ada",
            "Ada",
            "a/b",
            "../x",
            ".hidden",
            "a b",
            "é",
            "a\u{1b}[31m",
            "eve-",
            "-",
        ] {
            assert!(Handle::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Handle::parse(&"a".repeat(65)), Err(HandleError::TooLong));
        assert_eq!(Handle::parse("eve-"), Err(HandleError::BadEnd));
        // Whatever a name becomes is a handle by the same rule.
        for name in ["Eve-", "-Eve-", "a - b", &format!("{}-b", "a".repeat(63))] {
            let slug = Handle::from_name(name).unwrap();
            assert_eq!(Handle::parse(slug.as_str()), Ok(slug.clone()), "{name}");
        }
    }
}
