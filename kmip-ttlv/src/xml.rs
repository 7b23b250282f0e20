//! The KMIP XML encoding of TTLV (KMIP Profiles 2.1 §5.4.1.3 "XML
//! Encoding"; KMIP Additional Message Encodings 1.0 §6), as the OASIS test
//! cases write it.
//!
//! One element per item, named after the tag; a `type` attribute with the
//! item type (absent for a Structure); a `value` attribute for primitives;
//! children for a Structure. Tags without a name are written
//! `<TTLV tag="0x540001" type="…" value="…"/>`.
//!
//! ```
//! use kmip_ttlv::{xml, Tag, Ttlv, Value};
//!
//! let item = xml::from_str(r#"<Operation type="Enumeration" value="Query"/>"#).unwrap();
//! assert_eq!(item, Ttlv::new(Tag::OPERATION, Value::Enumeration(0x18)));
//! assert_eq!(xml::to_string(&item), r#"<Operation type="Enumeration" value="Query"/>"#);
//! ```

use std::fmt::Write as _;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::text::{self, Context};
use crate::{Error, ErrorKind, ItemType, Tag, Ttlv, Value};

/// The deepest nesting of Structures [`from_str`] and
/// [`test_case_messages`] accept (the outermost Structure is depth 1; the
/// `<KMIP>` wrapper of a test-case file does not count), as the binary
/// decoder's default.
pub const MAX_DEPTH: usize = text::MAX_DEPTH;

/// Reads one item: the document's root element. An XML declaration,
/// comments and white space around it are allowed.
///
/// Errors are [`ErrorKind::Syntax`] for malformed XML or a wrong document
/// shape, [`ErrorKind::UnknownName`] for an unknown tag, type, enumeration
/// or mask name, [`ErrorKind::InvalidValue`] for an unreadable value and
/// [`ErrorKind::TooDeep`] beyond [`MAX_DEPTH`]; each carries the byte offset
/// of the element and the path of tags to it.
pub fn from_str(text: &str) -> Result<Ttlv, Error> {
    let mut parser = Parser::new(text);
    let item = parser.next_item()?.ok_or_else(|| Error::new(syntax("no element"), Some(text.len())))?;
    parser.expect_end()?;
    Ok(item)
}

/// Reads an OASIS test-case file: a `<KMIP>` root holding comments and the
/// messages (alternating Request Message and Response Message). Returns the
/// messages in order.
pub fn test_case_messages(text: &str) -> Result<Vec<Ttlv>, Error> {
    let mut parser = Parser::new(text);
    match parser.next_significant()? {
        Some((Event::Start(start), _)) if start.local_name().as_ref() == "KMIP" => {}
        Some((Event::Empty(start), _)) if start.local_name().as_ref() == "KMIP" => {
            parser.expect_end()?;
            return Ok(Vec::new());
        }
        _ => return Err(Error::new(syntax("expected a <KMIP> root element"), Some(0))),
    }
    let mut messages = Vec::new();
    loop {
        let offset = parser.position();
        match parser.next_significant()? {
            Some((Event::End(_), _)) => break,
            Some((event @ (Event::Start(_) | Event::Empty(_)), at)) => {
                messages.push(parser.element(event, at, 1, None)?);
            }
            _ => return Err(Error::new(syntax("unterminated <KMIP> element"), Some(offset))),
        }
    }
    parser.expect_end()?;
    Ok(messages)
}

/// Writes `item` as indented XML (two spaces per level, no trailing new
/// line), as the OASIS test cases write it: `<Tag type="T" value="v"/>` for
/// primitives, `<Tag>…</Tag>` for Structures and `<Tag/>` for an empty one.
/// Names come from the registry; values without a name are written in hex.
pub fn to_string(item: &Ttlv) -> String {
    let mut out = String::new();
    write_item(&mut out, item, None, 0);
    out
}

fn syntax(message: impl Into<String>) -> ErrorKind {
    ErrorKind::Syntax(message.into())
}

fn write_item(out: &mut String, item: &Ttlv, attribute_name: Option<&str>, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    let name = item.tag.name();
    let element = name.unwrap_or("TTLV");
    out.push('<');
    out.push_str(element);
    if name.is_none() {
        // Tag::value is at most 0x54FFFF: six hex digits.
        write!(out, " tag=\"0x{:06X}\"", item.tag.value()).ok();
    }
    let ctx = Context { tag: item.tag, attribute_name };
    let value = match &item.value {
        Value::Structure(children) if children.is_empty() => {
            out.push_str("/>");
            return;
        }
        Value::Structure(children) => {
            out.push_str(">\n");
            let mut sibling_name = None;
            for child in children {
                write_item(out, child, sibling_name, depth + 1);
                out.push('\n');
                if let Some(n) = text::attribute_name_of(child.tag, &child.value) {
                    sibling_name = Some(n);
                }
            }
            for _ in 0..depth {
                out.push_str("  ");
            }
            write!(out, "</{element}>").ok();
            return;
        }
        Value::Integer(v) => text::mask_text(ctx, *v, " ").unwrap_or_else(|| v.to_string()),
        Value::LongInteger(v) => v.to_string(),
        Value::BigInteger(v) => text::hex(v.as_bytes()),
        Value::Enumeration(v) => text::enumeration_text(ctx, *v),
        Value::Boolean(v) => v.to_string(),
        Value::TextString(v) => v.clone(),
        Value::ByteString(v) => text::hex(v),
        Value::DateTime(v) => text::date_time_text(*v),
        Value::Interval(v) => v.to_string(),
        Value::DateTimeExtended(v) => text::date_time_extended_text(*v),
    };
    write!(out, " type=\"{}\" value=\"", item.item_type().name()).ok();
    escape_into(out, &value);
    out.push_str("\"/>");
}

/// Escapes an attribute value: markup characters as entities, and every
/// control character (tab, line feed and carriage return included, which
/// attribute-value normalization would otherwise turn into spaces) as a
/// character reference.
fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {
                write!(out, "&#x{:X};", u32::from(c)).ok();
            }
            c => out.push(c),
        }
    }
}

/// Resolves the five predefined entities and character references in an
/// attribute value, and normalizes literal white space as XML 1.0 §3.3.3
/// does: a literal tab, line feed, carriage return or CR LF pair becomes one
/// space (characters written as references are kept).
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        push_normalized(&mut out, &rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';')?;
        let entity = &after[..semi];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match entity.strip_prefix("#x").or_else(|| entity.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => entity.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    push_normalized(&mut out, rest);
    Some(out)
}

/// Appends literal attribute text with its white space normalized.
fn push_normalized(out: &mut String, literal: &str) {
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push(' ');
            }
            '\t' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// The element attributes the encoding uses.
struct Attributes {
    item_type: Option<String>,
    value: Option<String>,
    tag: Option<String>,
}

/// A pull parser over the text, building items from elements.
struct Parser<'a> {
    reader: Reader<&'a [u8]>,
    /// Bytes before the reader's input (a byte order mark).
    base: usize,
    path: Vec<Tag>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        // A byte order mark is not content; offsets still count it.
        let (base, body) = match text.strip_prefix('\u{FEFF}') {
            Some(body) => ('\u{FEFF}'.len_utf8(), body),
            None => (0, text),
        };
        let mut reader = Reader::from_str(body);
        reader.config_mut().check_end_names = true;
        Parser { reader, base, path: Vec::new() }
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).map_or(usize::MAX, |p| p.saturating_add(self.base))
    }

    fn error(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::at(kind, Some(offset), &self.path)
    }

    /// The next event that matters (elements and end tags), with the offset
    /// where it starts; `None` at the end of the text. Comments, the
    /// declaration, processing instructions and white space are skipped;
    /// other text is an error.
    fn next_significant(&mut self) -> Result<Option<(Event<'a>, usize)>, Error> {
        loop {
            let offset = self.position();
            let event = self.reader.read_event().map_err(|e| self.error(syntax(e.to_string()), offset))?;
            match event {
                Event::Eof => return Ok(None),
                Event::Start(_) | Event::Empty(_) | Event::End(_) => return Ok(Some((event, offset))),
                Event::Text(t) if t.chars().all(|c| c.is_ascii_whitespace()) => {}
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error(syntax("text outside attributes"), offset));
                }
            }
        }
    }

    /// The next item, if the text has another element.
    fn next_item(&mut self) -> Result<Option<Ttlv>, Error> {
        match self.next_significant()? {
            None => Ok(None),
            Some((event @ (Event::Start(_) | Event::Empty(_)), at)) => self.element(event, at, 1, None).map(Some),
            Some((_, at)) => Err(self.error(syntax("unexpected end tag"), at)),
        }
    }

    /// Nothing but comments and white space may follow.
    fn expect_end(&mut self) -> Result<(), Error> {
        match self.next_significant()? {
            None => Ok(()),
            Some((_, at)) => Err(self.error(syntax("content after the root element"), at)),
        }
    }

    /// Builds the item of an element whose start (or empty) event was just
    /// read. `depth` counts the elements it is nested in, itself included;
    /// `attribute_name` is the text of a preceding sibling Attribute Name.
    fn element(
        &mut self,
        event: Event<'a>,
        at: usize,
        depth: usize,
        attribute_name: Option<&str>,
    ) -> Result<Ttlv, Error> {
        let (start, has_children) = match event {
            Event::Start(start) => (start, true),
            Event::Empty(start) => (start, false),
            _ => return Err(self.error(syntax("expected an element"), at)),
        };
        let attributes = self.attributes(&start, at)?;
        let tag = self.tag(&start, &attributes, at)?;
        self.path.push(tag);
        let value = self.element_value(Context { tag, attribute_name }, attributes, has_children, at, depth);
        self.path.pop();
        Ok(Ttlv { tag, value: value? })
    }

    fn attributes(&self, start: &BytesStart<'_>, at: usize) -> Result<Attributes, Error> {
        let mut attributes = Attributes { item_type: None, value: None, tag: None };
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| self.error(syntax(e.to_string()), at))?;
            let raw = unescape(&attribute.value).ok_or_else(|| self.error(syntax("malformed attribute value"), at))?;
            let key = attribute.key;
            if key.as_namespace_binding().is_some() {
                // `xmlns="urn:oasis:tc:kmip:xmlns"` (or a prefix binding).
                continue;
            }
            match key.local_name().as_ref() {
                "type" => attributes.item_type = Some(raw),
                "value" => attributes.value = Some(raw),
                "tag" => attributes.tag = Some(raw),
                // The `name` of a generic TTLV element is informative.
                "name" => {}
                other => {
                    return Err(self.error(syntax(format!("unexpected attribute {other:?}")), at));
                }
            }
        }
        Ok(attributes)
    }

    fn tag(&self, start: &BytesStart<'_>, attributes: &Attributes, at: usize) -> Result<Tag, Error> {
        let element = start.local_name().as_ref().to_owned();
        let name = if element == "TTLV" {
            attributes.tag.clone().ok_or_else(|| self.error(syntax("TTLV element without a tag attribute"), at))?
        } else {
            element
        };
        text::parse_tag(&name).ok_or_else(|| self.error(ErrorKind::UnknownName { what: "tag", name }, at))
    }

    fn element_value(
        &mut self,
        ctx: Context<'_>,
        attributes: Attributes,
        has_children: bool,
        at: usize,
        depth: usize,
    ) -> Result<Value, Error> {
        let item_type = match attributes.item_type {
            None => ItemType::Structure,
            Some(name) => ItemType::from_name(&name)
                .ok_or_else(|| self.error(ErrorKind::UnknownName { what: "item type", name }, at))?,
        };
        if item_type == ItemType::Structure {
            if depth > MAX_DEPTH {
                return Err(self.error(ErrorKind::TooDeep { limit: MAX_DEPTH }, at));
            }
            if attributes.value.is_some() {
                return Err(self.error(syntax("a Structure has no value attribute"), at));
            }
            return if has_children { self.children(depth) } else { Ok(Value::Structure(Vec::new())) };
        }
        if has_children {
            match self.next_significant()? {
                Some((Event::End(_), _)) => {}
                _ => return Err(self.error(syntax(format!("a {item_type} has no child elements")), at)),
            }
        }
        let raw = match attributes.value {
            Some(raw) => raw,
            None if matches!(item_type, ItemType::TextString | ItemType::ByteString) => String::new(),
            None => return Err(self.error(syntax("missing value attribute"), at)),
        };
        text::parse_value(ctx, item_type, &raw).map_err(|kind| self.error(kind, at))
    }

    /// The children of a Structure element, up to its end tag.
    fn children(&mut self, depth: usize) -> Result<Value, Error> {
        let mut children: Vec<Ttlv> = Vec::new();
        let mut attribute_name: Option<String> = None;
        loop {
            let offset = self.position();
            match self.next_significant()? {
                Some((Event::End(_), _)) => return Ok(Value::Structure(children)),
                Some((event @ (Event::Start(_) | Event::Empty(_)), at)) => {
                    let child = self.element(event, at, depth + 1, attribute_name.as_deref())?;
                    if let Some(name) = text::attribute_name_of(child.tag, &child.value) {
                        attribute_name = Some(name.to_owned());
                    }
                    children.push(child);
                }
                _ => return Err(self.error(syntax("unterminated element"), offset)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;
    use crate::BigInteger;

    fn round_trip(item: &Ttlv) {
        let text = to_string(item);
        assert_eq!(from_str(&text).as_ref(), Ok(item), "{text}");
    }

    fn kind(text: &str) -> ErrorKind {
        from_str(text).expect_err("malformed XML must fail").kind().clone()
    }

    #[test]
    fn every_item_type_both_ways() {
        let t = |value| Ttlv::new(Tag::NAME_VALUE, value);
        let cases = [
            (t(Value::Integer(-7)), r#"<NameValue type="Integer" value="-7"/>"#),
            (
                t(Value::LongInteger(123_456_789_000_000_000)),
                r#"<NameValue type="LongInteger" value="123456789000000000"/>"#,
            ),
            (
                t(Value::BigInteger(BigInteger::from_i128(-2))),
                r#"<NameValue type="BigInteger" value="fffffffffffffffe"/>"#,
            ),
            (t(Value::Enumeration(0x8000_0001)), r#"<NameValue type="Enumeration" value="0x80000001"/>"#),
            (t(Value::Boolean(true)), r#"<NameValue type="Boolean" value="true"/>"#),
            (
                t(Value::TextString("a<b>&\"c\"".into())),
                r#"<NameValue type="TextString" value="a&lt;b&gt;&amp;&quot;c&quot;"/>"#,
            ),
            (t(Value::ByteString(Bytes::from_static(&[0xde, 0xad]))), r#"<NameValue type="ByteString" value="dead"/>"#),
            (t(Value::DateTime(1_205_495_800)), r#"<NameValue type="DateTime" value="2008-03-14T11:56:40+00:00"/>"#),
            (t(Value::Interval(864_000)), r#"<NameValue type="Interval" value="864000"/>"#),
            (
                t(Value::DateTimeExtended(1_205_495_800_000_001)),
                r#"<NameValue type="DateTimeExtended" value="2008-03-14T11:56:40.000001+00:00"/>"#,
            ),
            (t(Value::Structure(vec![])), "<NameValue/>"),
        ];
        for (item, text) in cases {
            assert_eq!(to_string(&item), text);
            assert_eq!(from_str(text).as_ref(), Ok(&item), "{text}");
        }
    }

    #[test]
    fn structures_are_indented_two_spaces() {
        let item = Ttlv::structure(
            Tag::PROTOCOL_VERSION,
            vec![
                Ttlv::new(Tag::PROTOCOL_VERSION_MAJOR, Value::Integer(1)),
                Ttlv::new(Tag::PROTOCOL_VERSION_MINOR, Value::Integer(4)),
            ],
        );
        let text = "<ProtocolVersion>\n  <ProtocolVersionMajor type=\"Integer\" value=\"1\"/>\n  <ProtocolVersionMinor type=\"Integer\" value=\"4\"/>\n</ProtocolVersion>";
        assert_eq!(to_string(&item), text);
        round_trip(&item);
    }

    #[test]
    fn control_characters_and_unicode_survive() {
        round_trip(&Ttlv::new(Tag::DESCRIPTION, Value::TextString("tab\tnl\ncr\r nul\u{0} bell\u{7} ü 🔑 '".into())));
        assert_eq!(
            to_string(&Ttlv::new(Tag::DESCRIPTION, Value::TextString("a\nb".into()))),
            r#"<Description type="TextString" value="a&#xA;b"/>"#
        );
    }

    #[test]
    fn unknown_and_extension_tags_use_the_generic_element() {
        let item = Ttlv::structure(
            Tag::new(0x540001).expect("tag"),
            vec![Ttlv::new(Tag::new(0x42FFFF).expect("tag"), Value::Enumeration(0x8000_0002))],
        );
        let text = to_string(&item);
        assert!(text.starts_with(r#"<TTLV tag="0x540001">"#), "{text}");
        assert!(text.contains(r#"<TTLV tag="0x42FFFF" type="Enumeration" value="0x80000002"/>"#), "{text}");
        round_trip(&item);
        // Known tags may be written generically too, with an informative name.
        let generic = from_str(r#"<TTLV tag="0x420094" name="UniqueIdentifier" type="TextString" value="1"/>"#);
        assert_eq!(generic, Ok(Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString("1".into()))));
    }

    #[test]
    fn kmip_1_attribute_values_are_named_by_their_attribute_name() {
        let text = r#"<Attribute>
          <AttributeName type="TextString" value="Cryptographic Usage Mask"/>
          <AttributeValue type="Integer" value="Encrypt Decrypt"/>
        </Attribute>"#;
        let item = from_str(text).expect("valid");
        assert_eq!(item.child(Tag::ATTRIBUTE_VALUE).map(|v| &v.value), Some(&Value::Integer(12)));
        assert!(to_string(&item).contains(r#"value="Encrypt Decrypt""#));
        let state = r#"<Attribute><AttributeName type="TextString" value="State"/><AttributeValue type="Enumeration" value="PreActive"/></Attribute>"#;
        assert_eq!(
            from_str(state).expect("valid").child(Tag::ATTRIBUTE_VALUE).map(|v| &v.value),
            Some(&Value::Enumeration(1))
        );
    }

    #[test]
    fn declaration_comments_namespace_and_spaced_empty_elements() {
        let text = "<?xml version=\"1.0\"?>\n<!-- c -->\n<BatchCount xmlns=\"urn:oasis:tc:kmip:xmlns\" type=\"Integer\" value=\"1\" />\n<!-- after -->\n";
        assert_eq!(from_str(text), Ok(Ttlv::new(Tag::BATCH_COUNT, Value::Integer(1))));
    }

    #[test]
    fn test_case_files_hold_several_messages() {
        let text = "<KMIP>\n<!-- header -->\n<RequestMessage/>\n<ResponseMessage/>\n</KMIP>";
        let messages = test_case_messages(text).expect("valid");
        assert_eq!(messages.iter().map(|m| m.tag).collect::<Vec<_>>(), [Tag::REQUEST_MESSAGE, Tag::RESPONSE_MESSAGE]);
    }

    #[test]
    fn malformed_input_gives_specific_errors() {
        assert!(matches!(kind(r#"<NoSuchTag type="Integer" value="1"/>"#), ErrorKind::UnknownName { what: "tag", .. }));
        assert!(matches!(
            kind(r#"<BatchCount type="Int" value="1"/>"#),
            ErrorKind::UnknownName { what: "item type", .. }
        ));
        assert!(matches!(
            kind(r#"<BatchCount type="Integer" value="x"/>"#),
            ErrorKind::InvalidValue { item_type: ItemType::Integer, .. }
        ));
        assert!(matches!(kind(r#"<Nonce type="ByteString" value="abc"/>"#), ErrorKind::InvalidValue { .. }));
        assert_eq!(
            kind(r#"<Operation type="Enumeration" value="Frobnicate"/>"#),
            ErrorKind::UnknownName { what: "enumeration value", name: "Frobnicate".into() }
        );
        assert_eq!(
            kind(r#"<CryptographicUsageMask type="Integer" value="Encrypt Frobnicate"/>"#),
            ErrorKind::UnknownName { what: "mask bit", name: "Frobnicate".into() }
        );
        assert!(matches!(kind(r#"<Operation type="Enumeration" value="0xQ"/>"#), ErrorKind::InvalidValue { .. }));
        assert!(matches!(kind(r#"<Nonce type="ByteString" value="zz"/>"#), ErrorKind::InvalidValue { .. }));
        assert!(matches!(
            kind(r#"<TimeStamp type="DateTime" value="2001-02-30T00:00:00Z"/>"#),
            ErrorKind::InvalidValue { .. }
        ));
        assert!(matches!(kind(r#"<BatchCount type="Integer"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<RequestMessage><RequestHeader>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<RequestMessage></ResponseMessage>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<RequestMessage/><RequestMessage/>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<RequestMessage>text</RequestMessage>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind(""), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<BatchCount type="Integer" value="1"><X/></BatchCount>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<Description type="TextString" value="&bogus;"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<Description type="TextString" value="a & b"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<Description type="TextString" value="&#xD800;"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<Description type="TextString" value="unterminated/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<Description type="TextString" valeu="typo"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<Description type="TextString" value="a" value="b"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<Attributes value="x"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<TTLV type="Integer" value="1"/>"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"<TTLV tag="0x430001" type="Integer" value="1"/>"#), ErrorKind::UnknownName { .. }));
        assert!(matches!(kind("<RequestMessage><![CDATA[x]]></RequestMessage>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<RequestMessage"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("</RequestMessage>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("not xml"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("\u{FEFF}"), ErrorKind::Syntax(_)));
    }

    #[test]
    fn date_times_in_any_offset_are_written_in_utc() {
        let read = |v: &str| {
            from_str(&format!(r#"<InitialDate type="DateTime" value="{v}"/>"#))
                .map(|t| t.value)
                .map_err(|e| e.kind().clone())
        };
        assert_eq!(read("2001-01-01T10:00:00+10:00"), Ok(Value::DateTime(978_307_200)));
        assert_eq!(read("2001-01-01T00:00:00Z"), Ok(Value::DateTime(978_307_200)));
        assert_eq!(read("2001-01-01T00:00:00.999+00:00"), Ok(Value::DateTime(978_307_200)));
        assert_eq!(read("1970-01-01T00:00:00+00:00"), Ok(Value::DateTime(0)));
        assert_eq!(read("1969-12-31T23:59:59Z"), Ok(Value::DateTime(-1)));
        assert_eq!(read("2000-02-29T12:00:00-12:00"), Ok(Value::DateTime(951_868_800)));
        assert_eq!(read("0x0000000000000010"), Ok(Value::DateTime(16)));
        assert!(matches!(read("2100-02-29T00:00:00Z"), Err(ErrorKind::InvalidValue { .. })));
        assert!(matches!(read("2001-01-01 00:00:00Z"), Err(ErrorKind::InvalidValue { .. })));
        assert!(matches!(read("10000-01-01T00:00:00Z"), Err(ErrorKind::InvalidValue { .. })));
        let written = |v| to_string(&Ttlv::new(Tag::INITIAL_DATE, Value::DateTime(v)));
        assert_eq!(written(951_868_800), r#"<InitialDate type="DateTime" value="2000-03-01T00:00:00+00:00"/>"#);
        assert_eq!(written(-1), r#"<InitialDate type="DateTime" value="1969-12-31T23:59:59+00:00"/>"#);
        // Beyond year 9999: hex, which reads back.
        let far = Ttlv::new(Tag::INITIAL_DATE, Value::DateTime(i64::MAX));
        assert_eq!(to_string(&far), r#"<InitialDate type="DateTime" value="0x7FFFFFFFFFFFFFFF"/>"#);
        round_trip(&far);
        round_trip(&Ttlv::new(Tag::INITIAL_DATE, Value::DateTime(i64::MIN)));
        round_trip(&Ttlv::new(Tag::INITIAL_DATE, Value::DateTimeExtended(i64::MIN)));
    }

    #[test]
    fn vendor_values_and_masks_round_trip() {
        let item = Ttlv::structure(
            Tag::BATCH_ITEM,
            vec![
                Ttlv::new(Tag::OPERATION, Value::Enumeration(0x8000_0123)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_USAGE_MASK, Value::Integer(0x4000_000C)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_USAGE_MASK, Value::Integer(0)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_USAGE_MASK, Value::Integer(-1)),
                Ttlv::new(Tag::new(0x54_0001).expect("tag"), Value::TextString("vendor".into())),
            ],
        );
        let text = to_string(&item);
        assert!(text.contains(r#"<Operation type="Enumeration" value="0x80000123"/>"#), "{text}");
        assert!(text.contains(r#"value="Encrypt Decrypt 0x40000000""#), "{text}");
        assert!(text.contains(r#"<CryptographicUsageMask type="Integer" value="0x00000000"/>"#), "{text}");
        assert!(text.contains(r#"<TTLV tag="0x540001" type="TextString" value="vendor"/>"#), "{text}");
        round_trip(&item);
        // Decimal and `|` are accepted for masks too.
        let mask = |v: &str| from_str(&format!(r#"<CryptographicUsageMask type="Integer" value="{v}"/>"#));
        assert_eq!(mask("12").map(|t| t.value), Ok(Value::Integer(12)));
        assert_eq!(mask("Encrypt|Decrypt").map(|t| t.value), Ok(Value::Integer(12)));
        assert_eq!(mask("0x00000004 Decrypt").map(|t| t.value), Ok(Value::Integer(12)));
    }

    #[test]
    fn attribute_white_space_is_normalized_but_references_are_kept() {
        let read = |v: &str| from_str(&format!(r#"<Description type="TextString" value="{v}"/>"#)).map(|t| t.value);
        assert_eq!(read("a\tb\r\nc\nd\re"), Ok(Value::TextString("a b c d e".into())));
        assert_eq!(read("a&#9;b&#xD;&#xA;c&#10;"), Ok(Value::TextString("a\tb\r\nc\n".into())));
        assert_eq!(read("&lt;&gt;&amp;&quot;&apos;"), Ok(Value::TextString("<>&\"'".into())));
        assert_eq!(read("'single' quotes"), Ok(Value::TextString("'single' quotes".into())));
        let single = from_str("<Description type='TextString' value='say \"hi\"'/>").map(|t| t.value);
        assert_eq!(single, Ok(Value::TextString("say \"hi\"".into())));
        assert_eq!(
            to_string(&Ttlv::new(Tag::DESCRIPTION, Value::TextString("\u{1}\u{7F}\u{85}&<>\"'".into()))),
            r#"<Description type="TextString" value="&#x1;&#x7F;&#x85;&amp;&lt;&gt;&quot;'"/>"#
        );
    }

    #[test]
    fn byte_strings_and_big_integers() {
        let item = |t: &str, v: &str| from_str(&format!(r#"<KeyMaterial type="{t}" value="{v}"/>"#)).map(|t| t.value);
        assert_eq!(
            item("ByteString", "DEADbeef"),
            Ok(Value::ByteString(Bytes::from_static(&[0xde, 0xad, 0xbe, 0xef])))
        );
        assert_eq!(item("ByteString", ""), Ok(Value::ByteString(Bytes::new())));
        assert_eq!(
            from_str(r#"<KeyMaterial type="ByteString"/>"#).map(|t| t.value),
            Ok(Value::ByteString(Bytes::new()))
        );
        // 20 bytes, as in the vectors: sign-extended to 24.
        let twenty = "00".to_owned() + &"ff".repeat(19);
        let Ok(Value::BigInteger(big)) = item("BigInteger", &twenty) else { panic!("BigInteger") };
        assert_eq!(big.as_bytes().len(), 24);
        assert_eq!(&big.as_bytes()[..5], &[0, 0, 0, 0, 0]);
        assert_eq!(
            to_string(&Ttlv::new(Tag::KEY_MATERIAL, Value::BigInteger(big))),
            format!(r#"<KeyMaterial type="BigInteger" value="{}"/>"#, "00000000".to_owned() + &twenty)
        );
    }

    #[test]
    fn byte_order_mark_and_prefixed_names() {
        let item =
            from_str("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?><BatchCount type=\"Integer\" value=\"1\"/>");
        assert_eq!(item, Ok(Ttlv::new(Tag::BATCH_COUNT, Value::Integer(1))));
        let prefixed = r#"<k:BatchCount xmlns:k="urn:oasis:tc:kmip:xmlns" type="Integer" value="2"/>"#;
        assert_eq!(from_str(prefixed), Ok(Ttlv::new(Tag::BATCH_COUNT, Value::Integer(2))));
        let err = from_str("\u{FEFF}<BatchCount type=\"Integer\" value=\"x\"/>").expect_err("invalid");
        assert_eq!(err.offset(), Some(3));
    }

    #[test]
    fn test_case_file_errors() {
        let kind = |text: &str| test_case_messages(text).expect_err("malformed").kind().clone();
        assert!(matches!(kind("<RequestMessage/>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<KMIP><RequestMessage/>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<KMIP>text</KMIP>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<KMIP><RequestMessage/></KMIP><KMIP/>"), ErrorKind::Syntax(_)));
        assert!(matches!(kind("<KMIP><Nope/></KMIP>"), ErrorKind::UnknownName { what: "tag", .. }));
        assert_eq!(test_case_messages("<KMIP/>"), Ok(Vec::new()));
        let text = "<KMIP xmlns=\"urn:oasis:tc:kmip:xmlns\"><!-- a --><RequestMessage><BatchCount type=\"Integer\" value=\"1\"/></RequestMessage></KMIP>";
        assert_eq!(test_case_messages(text).map(|m| m.len()), Ok(1));
    }

    #[test]
    fn errors_carry_offset_and_path() {
        let text = "<RequestMessage>\n  <BatchCount type=\"Integer\" value=\"many\"/>\n</RequestMessage>";
        let err = from_str(text).expect_err("invalid");
        assert_eq!(err.offset(), Some(19));
        assert_eq!(err.path(), &[Tag::REQUEST_MESSAGE, Tag::BATCH_COUNT]);
    }

    #[test]
    fn nesting_is_limited() {
        let deep = "<Attributes>".repeat(MAX_DEPTH + 1) + &"</Attributes>".repeat(MAX_DEPTH + 1);
        assert_eq!(kind(&deep), ErrorKind::TooDeep { limit: MAX_DEPTH });
        let ok = "<Attributes>".repeat(MAX_DEPTH) + &"</Attributes>".repeat(MAX_DEPTH);
        assert!(from_str(&ok).is_ok());
    }
}
