//! Reading OASIS test-case files: the messages of a file as request /
//! expected-response pairs, placeholders marked (see [`crate::placeholder`]).

use std::path::{Path, PathBuf};

use kmip_ttlv::{Tag, Ttlv, xml};

use crate::placeholder;

/// One request and the response the recording expected.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// The request, placeholders still marked.
    pub request: Ttlv,
    /// The expected response, placeholders marked.
    pub expected: Ttlv,
}

/// One test-case file.
#[derive(Clone, Debug)]
pub struct TestCase {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its exchanges in order.
    pub exchanges: Vec<Exchange>,
}

/// Parses the text of a test-case file.
pub fn parse(text: &str) -> Result<Vec<Exchange>, String> {
    let marked = placeholder::mark(text)?;
    let messages = xml::test_case_messages(&marked).map_err(|e| format!("XML: {e}"))?;
    if messages.is_empty() {
        return Err("no messages".to_owned());
    }
    if messages.len() % 2 != 0 {
        return Err(format!("{} messages: requests and responses do not alternate", messages.len()));
    }
    let mut exchanges = Vec::with_capacity(messages.len() / 2);
    let mut messages = messages.into_iter();
    let mut index = 0;
    while let (Some(request), Some(expected)) = (messages.next(), messages.next()) {
        if request.tag != Tag::REQUEST_MESSAGE {
            return Err(format!("message {index}: expected a RequestMessage, found {}", request.tag));
        }
        if expected.tag != Tag::RESPONSE_MESSAGE {
            return Err(format!("message {}: expected a ResponseMessage, found {}", index + 1, expected.tag));
        }
        exchanges.push(Exchange { request, expected });
        index += 2;
    }
    Ok(exchanges)
}

/// Reads and parses one file.
pub fn load(path: &Path) -> Result<TestCase, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let exchanges = parse(&text)?;
    Ok(TestCase { path: path.to_owned(), exchanges })
}

/// Expands the command-line arguments: a directory stands for its `*.xml`
/// files (recursively, each directory's files in byte order of their names,
/// then its subdirectories in name order); a file stands for itself.
pub fn expand(args: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            expand_dir(arg, &mut out)?;
        } else if arg.is_file() {
            out.push(arg.clone());
        } else {
            return Err(format!("{}: no such file or directory", arg.display()));
        }
    }
    Ok(out)
}

fn expand_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            dirs.push(path);
        } else if path.extension().is_some_and(|e| e == "xml") {
            files.push(path);
        }
    }
    files.sort();
    dirs.sort();
    out.extend(files);
    for sub in dirs {
        expand_dir(&sub, out)?;
    }
    Ok(())
}

/// The operations of the batch items of a message (request or response),
/// in order; `None` for an item without one.
pub fn operations(message: &Ttlv) -> Vec<Option<u32>> {
    message
        .children_with(Tag::BATCH_ITEM)
        .map(|item| item.child(Tag::OPERATION).and_then(|o| o.value.as_enumeration()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_alternate() {
        let ok = r#"<KMIP><RequestMessage/><ResponseMessage/><RequestMessage/><ResponseMessage/></KMIP>"#;
        assert_eq!(parse(ok).expect("pairs").len(), 2);
        assert!(parse(r#"<KMIP><RequestMessage/></KMIP>"#).is_err());
        assert!(parse(r#"<KMIP><ResponseMessage/><RequestMessage/></KMIP>"#).is_err());
        assert!(parse(r#"<KMIP></KMIP>"#).is_err());
    }
}
