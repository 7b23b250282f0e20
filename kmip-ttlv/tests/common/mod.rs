//! Helpers shared by the integration tests: loading the OASIS vectors with
//! their placeholders replaced, and comparing XML and JSON documents.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kmip_ttlv::{Ttlv, xml};

/// The repository's `vectors/` directory.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors")
}

/// Every XML file under `vectors/oasis`, sorted, as paths relative to it.
pub fn oasis_files() -> Vec<String> {
    let root = vectors_dir().join("oasis");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "xml") {
                let relative = path.strip_prefix(&root).expect("under oasis/");
                files.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    files
}

/// Every message of every OASIS test case, with placeholders replaced:
/// (file relative to vectors/oasis, index in the file, tree).
pub fn load_oasis_messages() -> Vec<(String, usize, Ttlv)> {
    let root = vectors_dir().join("oasis");
    let mut out = Vec::new();
    for file in oasis_files() {
        let text = std::fs::read_to_string(root.join(&file)).expect("vector file");
        let messages =
            xml::test_case_messages(&substitute_placeholders(&text)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!messages.is_empty(), "{file}: no messages");
        out.extend(messages.into_iter().enumerate().map(|(i, m)| (file.clone(), i, m)));
    }
    out
}

/// Replaces every `value="$…"` placeholder (`$NOW`, `$NOW-3600`,
/// `$UNIQUE_IDENTIFIER_0`, `$DATA_0`, …) with a fixed value of the type named
/// by the element's `type` attribute, so the message can be encoded.
pub fn substitute_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("value=\"$") {
        let (before, after) = rest.split_at(at + "value=\"".len());
        out.push_str(before);
        let end = after.find('"').expect("closing quote");
        let placeholder = &after[1..end];
        let element_start = before.rfind('<').expect("inside an element");
        let element = &before[element_start..];
        let item_type = element
            .split("type=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .unwrap_or_else(|| panic!("placeholder ${placeholder} without a type"));
        out.push_str(&fixed_value(item_type, placeholder));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A fixed value of `item_type` standing for `$placeholder`.
fn fixed_value(item_type: &str, placeholder: &str) -> String {
    const NOW: i64 = 1_795_000_000; // 2026-11-18T11:06:40Z
    match item_type {
        "DateTime" => {
            let offset: i64 = match placeholder.strip_prefix("NOW") {
                Some("") => 0,
                Some(delta) => delta.parse().unwrap_or_else(|_| panic!("${placeholder}")),
                None => panic!("unexpected DateTime placeholder ${placeholder}"),
            };
            format!("0x{:016X}", NOW + offset)
        }
        "TextString" => format!("placeholder-{placeholder}"),
        "ByteString" => {
            // Distinct bytes per placeholder name, so bindings stay distinct.
            let sum: u32 = placeholder.bytes().map(u32::from).sum();
            format!("{:08x}{:08x}", sum, placeholder.len())
        }
        "Integer" | "Interval" => "1".to_owned(),
        "LongInteger" => "1".to_owned(),
        "BigInteger" => "0000000000000001".to_owned(),
        "Boolean" => "true".to_owned(),
        "Enumeration" => "0x00000001".to_owned(),
        other => panic!("placeholder ${placeholder} of type {other}"),
    }
}

/// A parsed XML element, for comparing documents regardless of white space,
/// comments and attribute order.
#[derive(Debug, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attributes: BTreeMap<String, String>,
    pub children: Vec<Element>,
}

/// Parses an XML document into its root element (independently of the
/// crate's own XML reader).
pub fn parse_element_tree(text: &str) -> Element {
    use quick_xml::Reader;
    use quick_xml::events::Event;

    fn element(start: &quick_xml::events::BytesStart<'_>) -> Element {
        let attributes = start
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                let value =
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0).expect("attribute value").into_owned();
                (a.key.as_ref().to_owned(), value)
            })
            .collect();
        Element { name: start.name().as_ref().to_owned(), attributes, children: Vec::new() }
    }

    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) => stack.push(element(&start)),
            Event::Empty(start) => {
                let e = element(&start);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(e),
                    None => return e,
                }
            }
            Event::End(_) => {
                let e = stack.pop().expect("balanced");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(e),
                    None => return e,
                }
            }
            Event::Eof => panic!("no root element"),
            _ => {}
        }
    }
}

/// Asserts two XML documents hold the same elements and attributes.
pub fn assert_same_xml(ours: &str, published: &str, at: &str) {
    assert_eq!(parse_element_tree(ours), parse_element_tree(published), "{at}: XML differs\nours:\n{ours}");
}

/// Asserts two JSON documents are the same JSON value.
pub fn assert_same_json(ours: &str, published: &str, at: &str) {
    let ours_value: serde_json::Value = serde_json::from_str(ours).expect("our JSON parses");
    let published_value: serde_json::Value = serde_json::from_str(published).expect("published JSON parses");
    assert_eq!(ours_value, published_value, "{at}: JSON differs\nours:\n{ours}");
}
