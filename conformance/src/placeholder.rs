//! `$…` placeholders of the OASIS test cases (vectors/README.md, "Variable
//! values").
//!
//! The XML reader of kmip-ttlv cannot read `value="$UNIQUE_IDENTIFIER_0"` as
//! a typed value, so [`mark`] rewrites the XML text first: every placeholder
//! becomes a *sentinel* of the element's own type that names the placeholder
//! and that no real value in the vectors uses. After parsing, [`of`] turns a
//! sentinel item back into a [`Placeholder`]. The three types that carry
//! placeholders in the vectors:
//!
//! | type | sentinel |
//! | --- | --- |
//! | Text String | the text itself, `$NAME` (the vectors never use a literal text starting with `$`) |
//! | Byte String | the bytes `00 FF "KMIP$"` followed by the ASCII name |
//! | Date-Time | [`NOW_SENTINEL`] plus the offset of `$NOW±N` (a date about 35 million years before 1970) |
//!
//! Any other type carrying a placeholder is refused when the file is read.

use std::collections::HashMap;
use std::fmt;

use bytes::Bytes;
use kmip_ttlv::{Tag, Ttlv, Value};

/// The Date-Time standing for `$NOW`; `$NOW+N` is this plus `N`.
pub const NOW_SENTINEL: i64 = -(1_i64 << 50);

/// Offsets of `$NOW±N` are accepted up to this many seconds.
const MAX_NOW_OFFSET: i64 = 100 * 365 * 86_400;

/// The prefix of a Byte String sentinel.
const BYTES_MAGIC: &[u8] = b"\x00\xffKMIP$";

/// One placeholder.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Placeholder {
    /// `$NOW`, `$NOW-3600`, `$NOW+3600`: the current time plus an offset in
    /// seconds.
    Now(i64),
    /// Any other name (`UNIQUE_IDENTIFIER_0`, `DATA_1`, `MAC_DATA`, …):
    /// bound to a value once and the same value afterwards.
    Named(String),
}

impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Placeholder::Now(0) => f.write_str("$NOW"),
            Placeholder::Now(n) => write!(f, "$NOW{n:+}"),
            Placeholder::Named(name) => write!(f, "${name}"),
        }
    }
}

impl Placeholder {
    /// Reads a placeholder name without its `$`.
    pub fn parse(name: &str) -> Option<Placeholder> {
        if let Some(rest) = name.strip_prefix("NOW") {
            if rest.is_empty() {
                return Some(Placeholder::Now(0));
            }
            let (sign, digits) = match rest.split_at(1) {
                ("+", d) => (1, d),
                ("-", d) => (-1, d),
                _ => return None,
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: i64 = digits.parse().ok()?;
            return (n <= MAX_NOW_OFFSET).then_some(Placeholder::Now(sign * n));
        }
        let valid = !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            && name.as_bytes()[0].is_ascii_uppercase();
        valid.then(|| Placeholder::Named(name.to_owned()))
    }

    /// The sentinel text that stands for this placeholder in an element of
    /// XML type `item_type`, or `None` for a type/placeholder pair that
    /// cannot be represented.
    fn sentinel_text(&self, item_type: &str) -> Option<String> {
        match (self, item_type) {
            (Placeholder::Now(n), "DateTime") => Some(format!("0x{:016X}", (NOW_SENTINEL + n) as u64)),
            (Placeholder::Named(name), "TextString") => Some(format!("${name}")),
            (Placeholder::Named(name), "ByteString") => {
                let mut bytes = BYTES_MAGIC.to_vec();
                bytes.extend_from_slice(name.as_bytes());
                Some(hex::encode(bytes))
            }
            _ => None,
        }
    }
}

/// The placeholder a parsed item stands for, if its value is a sentinel.
pub fn of(item: &Ttlv) -> Option<Placeholder> {
    match &item.value {
        Value::TextString(text) => {
            Placeholder::parse(text.strip_prefix('$')?).filter(|p| matches!(p, Placeholder::Named(_)))
        }
        Value::ByteString(bytes) => {
            let name = std::str::from_utf8(bytes.strip_prefix(BYTES_MAGIC)?).ok()?;
            Placeholder::parse(name).filter(|p| matches!(p, Placeholder::Named(_)))
        }
        Value::DateTime(t) => {
            let offset = t.checked_sub(NOW_SENTINEL)?;
            (offset.abs() <= MAX_NOW_OFFSET).then_some(Placeholder::Now(offset))
        }
        _ => None,
    }
}

/// True if `item` or anything below it is a placeholder.
pub fn contains_any(item: &Ttlv) -> bool {
    match &item.value {
        Value::Structure(children) => children.iter().any(contains_any),
        _ => of(item).is_some(),
    }
}

/// True if `item` or anything below it is a named placeholder not yet bound.
pub fn contains_unbound(item: &Ttlv, bindings: &Bindings) -> bool {
    match &item.value {
        Value::Structure(children) => children.iter().any(|c| contains_unbound(c, bindings)),
        _ => matches!(of(item), Some(Placeholder::Named(name)) if bindings.get(&name).is_none()),
    }
}

/// Rewrites every `value="$NAME"` attribute of the XML text into the
/// sentinel of the element's `type`. Errors name the line.
pub fn mark(xml: &str) -> Result<String, String> {
    const NEEDLE: &str = "value=\"$";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut consumed = 0usize;
    while let Some(at) = rest.find(NEEDLE) {
        let value_start = at + NEEDLE.len() - 1; // at the `$`
        let line = xml[..consumed + at].matches('\n').count() + 1;
        let Some(len) = rest[value_start..].find('"') else {
            return Err(format!("line {line}: unterminated value attribute"));
        };
        let raw = &rest[value_start + 1..value_start + len];
        let placeholder = Placeholder::parse(raw).ok_or_else(|| format!("line {line}: bad placeholder ${raw}"))?;
        let element_start = rest[..at].rfind('<').map(|i| consumed + i);
        let element_end = rest[at..].find('>').map(|i| consumed + at + i);
        let (Some(element_start), Some(element_end)) = (element_start, element_end) else {
            return Err(format!("line {line}: placeholder outside an element"));
        };
        let element = &xml[element_start..element_end];
        let item_type =
            attribute(element, "type").ok_or_else(|| format!("line {line}: {placeholder} without a type"))?;
        let sentinel = placeholder
            .sentinel_text(item_type)
            .ok_or_else(|| format!("line {line}: {placeholder} in a {item_type} is not supported"))?;
        out.push_str(&rest[..value_start]);
        out.push_str(&sentinel);
        let next = value_start + len;
        consumed += next;
        rest = &rest[next..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The value of attribute `name` in the text of one start tag.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let start = element.find(&needle)? + needle.len();
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

/// Values bound to named placeholders, for one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bindings {
    values: HashMap<String, Value>,
}

impl Bindings {
    /// An empty set.
    pub fn new() -> Bindings {
        Bindings::default()
    }

    /// The value bound to `name` (without `$`).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// Binds `name` to `value`.
    pub fn bind(&mut self, name: &str, value: Value) {
        self.values.insert(name.to_owned(), value);
    }

    /// How many names are bound.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True if nothing is bound.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// Turns a request from a test case into the request to send: `$NOW±N`
/// becomes `now ± N`, a bound placeholder its value. A placeholder first seen
/// in a request is bound to the value of the first element with the same tag
/// in the most recent actual response that has one (`responses` holds this
/// file's earlier responses, oldest first), as vectors/README.md says (2.0
/// `CS-BC-M-13` has a Get between the Encrypt that shows the IV and the
/// Decrypt that sends `$IV_COUNTER_NONCE`); with no such element the request
/// cannot be sent.
pub fn instantiate(template: &Ttlv, bindings: &mut Bindings, now: i64, responses: &[Ttlv]) -> Result<Ttlv, String> {
    let value = match &template.value {
        Value::Structure(children) => Value::Structure(
            children.iter().map(|c| instantiate(c, bindings, now, responses)).collect::<Result<_, _>>()?,
        ),
        _ => match of(template) {
            None => template.value.clone(),
            Some(Placeholder::Now(n)) => Value::DateTime(now + n),
            Some(Placeholder::Named(name)) => match bindings.get(&name) {
                Some(value) if value.item_type() == template.item_type() => value.clone(),
                Some(value) => {
                    return Err(format!(
                        "${name} is bound to a {:?} but used as a {:?} ({})",
                        value.item_type(),
                        template.item_type(),
                        template.tag
                    ));
                }
                None => {
                    let found = responses
                        .iter()
                        .rev()
                        .find_map(|r| find_first(r, template))
                        .ok_or_else(|| format!("${name} used in a request before any response gave it a value"))?;
                    bindings.bind(&name, found.clone());
                    found
                }
            },
        },
    };
    Ok(Ttlv { tag: template.tag, value })
}

/// Byte strings a request may echo from an earlier response: ciphertext,
/// IVs, tags, signatures and MACs.
const FEEDBACK_TAGS: [Tag; 5] =
    [Tag::DATA, Tag::IV_COUNTER_NONCE, Tag::AUTHENTICATED_ENCRYPTION_TAG, Tag::SIGNATURE_DATA, Tag::MAC_DATA];

/// Replays a recording against a server with different random keys: a
/// request Byte String (Data, IV, tag, signature, MAC) equal to the value
/// an earlier *recorded* response gave at some position is replaced with
/// what this server's response gave at the same position. A test case that
/// encrypts with a key the server generated and then decrypts the recorded
/// ciphertext thus decrypts this server's ciphertext, and the Decrypt's
/// plaintext is compared exactly. `expected` and `actual` are the earlier
/// recorded and actual responses, oldest first, in step. Returns the
/// request and whether anything was replaced.
pub fn feed_back(request: Ttlv, expected: &[Ttlv], actual: &[Ttlv]) -> (Ttlv, bool) {
    let mut echoed = false;
    let request = echo(request, expected, actual, &mut echoed);
    (request, echoed)
}

fn echo(request: Ttlv, expected: &[Ttlv], actual: &[Ttlv], echoed: &mut bool) -> Ttlv {
    let value = match request.value {
        Value::Structure(children) => {
            Value::Structure(children.into_iter().map(|c| echo(c, expected, actual, echoed)).collect())
        }
        Value::ByteString(bytes) if FEEDBACK_TAGS.contains(&request.tag) => {
            let replaced = expected.iter().zip(actual).rev().find_map(|(e, a)| {
                let path = path_of(e, request.tag, &bytes)?;
                follow(a, &path).cloned()
            });
            *echoed |= replaced.is_some();
            Value::ByteString(replaced.unwrap_or(bytes))
        }
        other => other,
    };
    Ttlv { tag: request.tag, value }
}

/// The path (tag and index among same-tag siblings, per level) to the
/// first Byte String item with `tag` and `bytes` in `tree`.
fn path_of(tree: &Ttlv, tag: Tag, bytes: &Bytes) -> Option<Vec<(Tag, usize)>> {
    let children = tree.children()?;
    for (i, child) in children.iter().enumerate() {
        let index = children[..i].iter().filter(|c| c.tag == child.tag).count();
        if child.tag == tag && matches!(&child.value, Value::ByteString(b) if b == bytes) {
            return Some(vec![(child.tag, index)]);
        }
        if let Some(mut rest) = path_of(child, tag, bytes) {
            rest.insert(0, (child.tag, index));
            return Some(rest);
        }
    }
    None
}

/// The Byte String at `path` in `tree`.
fn follow<'a>(tree: &'a Ttlv, path: &[(Tag, usize)]) -> Option<&'a Bytes> {
    let Some(((tag, index), rest)) = path.split_first() else {
        return tree.value.as_bytes();
    };
    let child = tree.children()?.iter().filter(|c| c.tag == *tag).nth(*index)?;
    follow(child, rest)
}

/// The value of the first item (depth first) in `tree` with the tag and item
/// type of `like`.
fn find_first(tree: &Ttlv, like: &Ttlv) -> Option<Value> {
    if tree.tag == like.tag && tree.item_type() == like.item_type() {
        return Some(tree.value.clone());
    }
    tree.children()?.iter().find_map(|c| find_first(c, like))
}

/// A Byte String value (for tests and callers that build trees).
pub fn bytes_value(bytes: &[u8]) -> Value {
    Value::ByteString(Bytes::copy_from_slice(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kmip_ttlv::{Tag, xml};

    #[test]
    fn parses_names() {
        assert_eq!(Placeholder::parse("NOW"), Some(Placeholder::Now(0)));
        assert_eq!(Placeholder::parse("NOW-3600"), Some(Placeholder::Now(-3600)));
        assert_eq!(Placeholder::parse("NOW+3600"), Some(Placeholder::Now(3600)));
        assert_eq!(Placeholder::parse("NOW3600"), None);
        assert_eq!(Placeholder::parse("NOW+"), None);
        assert_eq!(Placeholder::parse("UNIQUE_IDENTIFIER_0"), Some(Placeholder::Named("UNIQUE_IDENTIFIER_0".into())));
        assert_eq!(Placeholder::parse("lower"), None);
        assert_eq!(Placeholder::parse(""), None);
        assert_eq!(Placeholder::Now(-3600).to_string(), "$NOW-3600");
        assert_eq!(Placeholder::Now(0).to_string(), "$NOW");
    }

    #[test]
    fn marks_and_recognises_every_type() {
        let text = r#"<KMIP><ResponseMessage>
            <UniqueIdentifier type="TextString" value="$UNIQUE_IDENTIFIER_3"/>
            <TimeStamp value="$NOW-60" type="DateTime"/>
            <MACData type="ByteString" value="$MAC_DATA"/>
            <Data type="ByteString" value="00ff"/>
        </ResponseMessage></KMIP>"#;
        let marked = mark(text).expect("marks");
        let messages = xml::test_case_messages(&marked).expect("parses");
        let items = messages[0].children().expect("structure");
        assert_eq!(of(&items[0]), Some(Placeholder::Named("UNIQUE_IDENTIFIER_3".into())));
        assert_eq!(of(&items[1]), Some(Placeholder::Now(-60)));
        assert_eq!(of(&items[2]), Some(Placeholder::Named("MAC_DATA".into())));
        assert_eq!(of(&items[3]), None);
        assert!(contains_any(&messages[0]));
    }

    #[test]
    fn refuses_unsupported_types() {
        let err = mark(
            r#"<X>
<CryptographicLength type="Integer" value="$LEN"/></X>"#,
        )
        .expect_err("integer placeholder");
        assert!(err.contains("line 2"), "{err}");
        assert!(mark(r#"<A type="TextString" value="$NOW"/>"#).is_err());
        assert!(mark(r#"<A type="TextString" value="$bad name"/>"#).is_err());
    }

    #[test]
    fn instantiates_requests() {
        let text = r#"<KMIP><RequestMessage>
            <UniqueIdentifier type="TextString" value="$UNIQUE_IDENTIFIER_0"/>
            <ActivationDate type="DateTime" value="$NOW-3600"/>
            <MACData type="ByteString" value="$MAC_DATA"/>
        </RequestMessage></KMIP>"#;
        let template = xml::test_case_messages(&mark(text).expect("marks")).expect("parses").remove(0);
        let mut bindings = Bindings::new();
        bindings.bind("UNIQUE_IDENTIFIER_0", Value::TextString("uid-1".into()));
        let last = Ttlv::structure(
            Tag::RESPONSE_MESSAGE,
            vec![Ttlv::structure(Tag::BATCH_ITEM, vec![Ttlv::new(Tag::MAC_DATA, bytes_value(&[1, 2, 3]))])],
        );
        let request = instantiate(&template, &mut bindings, 10_000, &[last]).expect("instantiates");
        let items = request.children().expect("structure");
        assert_eq!(items[0].value, Value::TextString("uid-1".into()));
        assert_eq!(items[1].value, Value::DateTime(10_000 - 3600));
        assert_eq!(items[2].value, bytes_value(&[1, 2, 3]));
        assert_eq!(bindings.get("MAC_DATA"), Some(&bytes_value(&[1, 2, 3])));

        let mut empty = Bindings::new();
        let err = instantiate(&template, &mut empty, 0, &[]).expect_err("unbound");
        assert!(err.contains("$UNIQUE_IDENTIFIER_0"), "{err}");
    }
}
