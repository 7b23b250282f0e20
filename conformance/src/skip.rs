//! conformance/skip.toml: test-case files the server is not expected to
//! pass yet, each with a one-line reason (like rustls's
//! `bogo/config.json.in`).
//!
//! ```toml
//! [[skip]]
//! file = "kmip-2.1/mandatory/CS-BC-M-1-21.xml"
//! reason = "needs Encrypt"
//! ```
//!
//! `file` is a path relative to `vectors/oasis`; it matches any path given
//! to the runner that ends with the same components.

use std::path::{Component, Path};

use serde::Deserialize;

/// One entry.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SkipEntry {
    /// Path relative to vectors/oasis.
    pub file: String,
    /// Why it is skipped ("needs Encrypt").
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkipFile {
    #[serde(default)]
    skip: Vec<SkipEntry>,
}

/// The skip list.
#[derive(Clone, Debug, Default)]
pub struct SkipList {
    /// Entries in file order.
    pub entries: Vec<SkipEntry>,
}

impl SkipList {
    /// Parses the text of a skip file. Duplicate entries and empty reasons
    /// are errors.
    pub fn parse(text: &str) -> Result<SkipList, String> {
        let file: SkipFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = std::collections::HashSet::new();
        for entry in &file.skip {
            if entry.reason.trim().is_empty() {
                return Err(format!("{}: empty reason", entry.file));
            }
            if !seen.insert(entry.file.as_str()) {
                return Err(format!("{}: listed twice", entry.file));
            }
        }
        Ok(SkipList { entries: file.skip })
    }

    /// Reads a skip file.
    pub fn load(path: &Path) -> Result<SkipList, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        SkipList::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The reason `path` is skipped, if it is.
    pub fn reason_for(&self, path: &Path) -> Option<&str> {
        self.entries.iter().find(|e| ends_with(path, Path::new(&e.file))).map(|e| e.reason.as_str())
    }
}

/// True if the normal components of `path` end with those of `suffix`.
pub(crate) fn ends_with(path: &Path, suffix: &Path) -> bool {
    let normal = |p: &Path| -> Vec<String> {
        p.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    };
    let (p, s) = (normal(path), normal(suffix));
    !s.is_empty() && p.len() >= s.len() && p[p.len() - s.len()..] == s[..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_path_suffixes() {
        let list = SkipList::parse(
            r#"
[[skip]]
file = "kmip-2.1/mandatory/CS-BC-M-1-21.xml"
reason = "needs Encrypt"
"#,
        )
        .expect("parses");
        assert_eq!(
            list.reason_for(Path::new("vectors/oasis/kmip-2.1/mandatory/CS-BC-M-1-21.xml")),
            Some("needs Encrypt")
        );
        assert_eq!(list.reason_for(Path::new("./kmip-2.1/mandatory/CS-BC-M-1-21.xml")), Some("needs Encrypt"));
        assert_eq!(list.reason_for(Path::new("kmip-2.0/mandatory/CS-BC-M-1-21.xml")), None);
        assert_eq!(list.reason_for(Path::new("CS-BC-M-1-21.xml")), None);
    }

    #[test]
    fn refuses_bad_entries() {
        assert!(SkipList::parse("[[skip]]\nfile = \"a.xml\"\nreason = \"\"\n").is_err());
        assert!(
            SkipList::parse("[[skip]]\nfile = \"a.xml\"\nreason = \"x\"\n[[skip]]\nfile = \"a.xml\"\nreason = \"y\"\n")
                .is_err()
        );
        assert!(SkipList::parse("[[skip]]\nfile = \"a.xml\"\nwhy = \"x\"\n").is_err());
        assert!(SkipList::parse("").expect("empty is fine").entries.is_empty());
    }
}
