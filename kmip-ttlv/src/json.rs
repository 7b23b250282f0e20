//! The KMIP JSON encoding of TTLV (KMIP Profiles 2.1 §5.4.1.2 "JSON
//! Encoding"; KMIP Additional Message Encodings 1.0 §4).
//!
//! One object per item: `{"tag": …, "type": …, "value": …}`. `tag` is the
//! tag's name or `"0x"` + 6 hex digits; `type` is absent for a Structure,
//! whose `value` is the array of its children. Integers are written as
//! `"0x"` + 8 hex digits, as the published examples do; masks as names
//! joined by `|`; enumerations by name.
//!
//! ```
//! use kmip_ttlv::{json, Tag, Ttlv, Value};
//!
//! let item = json::from_str(r#"{"tag": "BatchCount", "type": "Integer", "value": 1}"#).unwrap();
//! assert_eq!(item, Ttlv::new(Tag::BATCH_COUNT, Value::Integer(1)));
//! assert_eq!(json::to_value(&item)["value"], "0x00000001");
//! ```

use serde_json::{Map, Value as Json};

use crate::text::{self, Context};
use crate::{BigInteger, Error, ErrorKind, ItemType, Tag, Ttlv, Value};

/// The deepest nesting of Structures [`from_str`] and [`from_value`] accept
/// (the outermost Structure is depth 1), as the binary decoder's default.
pub const MAX_DEPTH: usize = text::MAX_DEPTH;

/// Reads one item from JSON text.
///
/// Malformed JSON is an [`ErrorKind::Syntax`] error with the byte offset
/// where the JSON parser stopped; the errors of [`from_value`] carry the
/// path of tags but no offset.
pub fn from_str(text: &str) -> Result<Ttlv, Error> {
    let json: Json = serde_json::from_str(text).map_err(|e| {
        let offset = offset_of(text, e.line(), e.column());
        Error::new(ErrorKind::Syntax(e.to_string()), Some(offset))
    })?;
    from_value(&json)
}

/// Reads one item from a parsed JSON value.
///
/// Errors are [`ErrorKind::Syntax`] for a wrong shape (not an object, an
/// unknown key, a missing `tag`, a Structure whose value is not an array),
/// [`ErrorKind::UnknownName`] for an unknown tag, type, enumeration or mask
/// name, [`ErrorKind::InvalidValue`] for an unreadable value and
/// [`ErrorKind::TooDeep`] beyond [`MAX_DEPTH`], each with the path of tags.
pub fn from_value(json: &Json) -> Result<Ttlv, Error> {
    let mut path = Vec::new();
    item(json, None, 1, &mut path)
}

/// Writes `item` as pretty-printed JSON (two spaces per level), in the form
/// of the published examples: Integers and Intervals as `"0x"` + 8 hex
/// digits, Long Integers as `"0x"` + 16, Big Integers as `"0x"` + hex, masks
/// as names joined by `|`, enumerations by name (`"0x"` + 8 hex digits
/// without one), Date-Times as ISO 8601 in UTC.
pub fn to_string(item: &Ttlv) -> String {
    // Serializing a `serde_json::Value` to a String cannot fail.
    serde_json::to_string_pretty(&to_value(item)).unwrap_or_default()
}

/// The JSON value of `item` (what [`to_string`] prints).
pub fn to_value(item: &Ttlv) -> Json {
    value_of(item, None)
}

fn value_of(item: &Ttlv, attribute_name: Option<&str>) -> Json {
    let mut object = Map::new();
    object.insert("tag".into(), Json::String(text::tag_text(item.tag)));
    let ctx = Context { tag: item.tag, attribute_name };
    let value = match &item.value {
        Value::Structure(children) => {
            let mut sibling_name = None;
            let mut array = Vec::with_capacity(children.len());
            for child in children {
                array.push(value_of(child, sibling_name));
                if let Some(n) = text::attribute_name_of(child.tag, &child.value) {
                    sibling_name = Some(n);
                }
            }
            object.insert("value".into(), Json::Array(array));
            return Json::Object(object);
        }
        Value::Integer(v) => Json::String(text::mask_text(ctx, *v, "|").unwrap_or_else(|| text::hex32(*v as u32))),
        Value::LongInteger(v) => Json::String(text::hex64(*v as u64)),
        Value::BigInteger(v) => Json::String(format!("0x{}", text::hex(v.as_bytes()).to_uppercase())),
        Value::Enumeration(v) => Json::String(text::enumeration_text(ctx, *v)),
        Value::Boolean(v) => Json::Bool(*v),
        Value::TextString(v) => Json::String(v.clone()),
        Value::ByteString(v) => Json::String(text::hex(v)),
        Value::DateTime(v) => Json::String(text::date_time_text(*v)),
        Value::Interval(v) => Json::String(text::hex32(*v)),
        Value::DateTimeExtended(v) => Json::String(text::date_time_extended_text(*v)),
    };
    object.insert("type".into(), Json::String(item.item_type().name().into()));
    object.insert("value".into(), value);
    Json::Object(object)
}

fn error(kind: ErrorKind, path: &[Tag]) -> Error {
    Error::at(kind, None, path)
}

fn syntax(message: impl Into<String>, path: &[Tag]) -> Error {
    error(ErrorKind::Syntax(message.into()), path)
}

fn item(json: &Json, attribute_name: Option<&str>, depth: usize, path: &mut Vec<Tag>) -> Result<Ttlv, Error> {
    let Json::Object(object) = json else {
        return Err(syntax("an item must be a JSON object", path));
    };
    if let Some(key) = object.keys().find(|k| !matches!(k.as_str(), "tag" | "name" | "type" | "value")) {
        return Err(syntax(format!("unknown key {key:?}"), path));
    }
    let tag = match object.get("tag") {
        Some(Json::String(name)) => text::parse_tag(name)
            .ok_or_else(|| error(ErrorKind::UnknownName { what: "tag", name: name.clone() }, path))?,
        _ => return Err(syntax("missing \"tag\" string", path)),
    };
    path.push(tag);
    let result = item_value(object, Context { tag, attribute_name }, depth, path);
    path.pop();
    Ok(Ttlv { tag, value: result? })
}

fn item_value(object: &Map<String, Json>, ctx: Context<'_>, depth: usize, path: &mut Vec<Tag>) -> Result<Value, Error> {
    let item_type = match object.get("type") {
        None => ItemType::Structure,
        Some(Json::String(name)) => ItemType::from_name(name)
            .ok_or_else(|| error(ErrorKind::UnknownName { what: "item type", name: name.clone() }, path))?,
        Some(_) => return Err(syntax("\"type\" must be a string", path)),
    };
    let json = object.get("value").unwrap_or(&Json::Null);
    if item_type == ItemType::Structure {
        if depth > MAX_DEPTH {
            return Err(error(ErrorKind::TooDeep { limit: MAX_DEPTH }, path));
        }
        let children = match json {
            Json::Null => return Ok(Value::Structure(Vec::new())),
            Json::Array(children) => children,
            _ => return Err(syntax("a Structure's value must be an array", path)),
        };
        let mut items = Vec::with_capacity(children.len());
        let mut attribute_name: Option<String> = None;
        for child in children {
            let child = item(child, attribute_name.as_deref(), depth + 1, path)?;
            if let Some(name) = text::attribute_name_of(child.tag, &child.value) {
                attribute_name = Some(name.to_owned());
            }
            items.push(child);
        }
        return Ok(Value::Structure(items));
    }
    let invalid = || error(ErrorKind::InvalidValue { item_type, value: json.to_string() }, path);
    match json {
        Json::String(s) => text::parse_value(ctx, item_type, s).map_err(|kind| error(kind, path)),
        Json::Number(n) => number_value(item_type, n).ok_or_else(invalid),
        Json::Bool(b) if item_type == ItemType::Boolean => Ok(Value::Boolean(*b)),
        Json::Null if matches!(item_type, ItemType::TextString | ItemType::ByteString) => {
            text::parse_value(ctx, item_type, "").map_err(|kind| error(kind, path))
        }
        _ => Err(invalid()),
    }
}

/// A JSON number as a value of `item_type`, if it fits.
fn number_value(item_type: ItemType, n: &serde_json::Number) -> Option<Value> {
    let i = n.as_i64();
    Some(match item_type {
        ItemType::Integer => Value::Integer(i32::try_from(i?).ok()?),
        ItemType::LongInteger => Value::LongInteger(i?),
        ItemType::BigInteger => Value::BigInteger(match i {
            Some(v) => BigInteger::from_i128(i128::from(v)),
            None => BigInteger::from_i128(i128::from(n.as_u64()?)),
        }),
        ItemType::Enumeration => Value::Enumeration(u32::try_from(i?).ok()?),
        ItemType::Interval => Value::Interval(u32::try_from(i?).ok()?),
        ItemType::DateTime => Value::DateTime(i?),
        ItemType::DateTimeExtended => Value::DateTimeExtended(i?),
        ItemType::Structure | ItemType::Boolean | ItemType::TextString | ItemType::ByteString => return None,
    })
}

/// The byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use serde_json::json;

    use super::*;

    fn round_trip(item: &Ttlv) {
        let text = to_string(item);
        assert_eq!(from_str(&text).as_ref(), Ok(item), "{text}");
    }

    fn kind(text: &str) -> ErrorKind {
        from_str(text).expect_err("malformed JSON must fail").kind().clone()
    }

    #[test]
    fn every_item_type_both_ways() {
        let t = |value| Ttlv::new(Tag::NAME_VALUE, value);
        let cases = [
            (t(Value::Integer(-1)), json!("0xFFFFFFFF")),
            (t(Value::LongInteger(16)), json!("0x0000000000000010")),
            (t(Value::BigInteger(BigInteger::from_i128(0x0102))), json!("0x0000000000000102")),
            (t(Value::Enumeration(0x8000_0001)), json!("0x80000001")),
            (t(Value::Boolean(false)), json!(false)),
            (t(Value::TextString("\"quoted\" \u{0}".into())), json!("\"quoted\" \u{0}")),
            (t(Value::ByteString(Bytes::from_static(&[0xAB]))), json!("ab")),
            (t(Value::DateTime(0)), json!("1970-01-01T00:00:00+00:00")),
            (t(Value::Interval(3600)), json!("0x00000E10")),
            (t(Value::DateTimeExtended(1)), json!("1970-01-01T00:00:00.000001+00:00")),
        ];
        for (item, value) in cases {
            let written = to_value(&item);
            assert_eq!(written["value"], value, "{item:?}");
            assert_eq!(written["tag"], "NameValue");
            round_trip(&item);
        }
        let empty = Ttlv::structure(Tag::ATTRIBUTES, vec![]);
        assert_eq!(to_value(&empty), json!({"tag": "Attributes", "value": []}));
        round_trip(&empty);
    }

    #[test]
    fn numbers_and_alternative_spellings_are_accepted() {
        let read = |v: Json| from_value(&v).map(|t| t.value);
        assert_eq!(read(json!({"tag": "BatchCount", "type": "Integer", "value": 2})), Ok(Value::Integer(2)));
        assert_eq!(read(json!({"tag": "Operation", "type": "Enumeration", "value": 24})), Ok(Value::Enumeration(24)));
        assert_eq!(
            read(json!({"tag": "Operation", "type": "Enumeration", "value": "Query"})),
            Ok(Value::Enumeration(24))
        );
        assert_eq!(
            read(json!({"tag": "Fresh", "type": "Boolean", "value": "0x0000000000000001"})),
            Ok(Value::Boolean(true))
        );
        assert_eq!(
            read(json!({"tag": "InitialDate", "type": "DateTime", "value": "0x0000000000000010"})),
            Ok(Value::DateTime(16))
        );
        assert_eq!(
            read(json!({"tag": "InitialDate", "type": "DateTime", "value": "2001-01-01T10:00:00+10:00"})),
            Ok(Value::DateTime(978_307_200))
        );
        assert_eq!(
            read(json!({"tag": "0x540001", "name": "Vendor", "type": "TextString", "value": "v"})),
            Ok(Value::TextString("v".into()))
        );
        assert_eq!(
            read(json!({"tag": "CryptographicUsageMask", "type": "Integer", "value": "Encrypt|Decrypt"})),
            Ok(Value::Integer(12))
        );
        assert_eq!(read(json!({"tag": "Attributes"})), Ok(Value::Structure(vec![])));
    }

    #[test]
    fn kmip_1_attribute_values_are_named_by_their_attribute_name() {
        let attribute = json!({"tag": "Attribute", "value": [
            {"tag": "AttributeName", "type": "TextString", "value": "Object Type"},
            {"tag": "AttributeValue", "type": "Enumeration", "value": "SymmetricKey"}
        ]});
        let item = from_value(&attribute).expect("valid");
        assert_eq!(item.child(Tag::ATTRIBUTE_VALUE).map(|v| &v.value), Some(&Value::Enumeration(2)));
        assert_eq!(to_value(&item), attribute);
    }

    #[test]
    fn unknown_tags_are_written_in_hex() {
        let item = Ttlv::new(Tag::new(0x54_00AB).expect("tag"), Value::Integer(5));
        assert_eq!(to_value(&item)["tag"], "0x5400AB");
        round_trip(&item);
    }

    #[test]
    fn malformed_input_gives_specific_errors() {
        assert!(matches!(kind(r#"{"tag": "Nope", "value": []}"#), ErrorKind::UnknownName { what: "tag", .. }));
        assert!(matches!(
            kind(r#"{"tag": "BatchCount", "type": "Int", "value": 1}"#),
            ErrorKind::UnknownName { what: "item type", .. }
        ));
        assert!(matches!(
            kind(r#"{"tag": "BatchCount", "type": "Integer", "value": 1.5}"#),
            ErrorKind::InvalidValue { .. }
        ));
        assert!(matches!(
            kind(r#"{"tag": "BatchCount", "type": "Integer", "value": 4294967296}"#),
            ErrorKind::InvalidValue { .. }
        ));
        assert!(matches!(
            kind(r#"{"tag": "Nonce", "type": "ByteString", "value": "xyz"}"#),
            ErrorKind::InvalidValue { .. }
        ));
        assert!(matches!(
            kind(r#"{"tag": "Fresh", "type": "Boolean", "value": "yes"}"#),
            ErrorKind::InvalidValue { .. }
        ));
        assert!(matches!(kind(r#"{"tag": "Attributes", "value": {}}"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"{"tag": "Attributes", "value": [], "extra": 1}"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"["not an object"]"#), ErrorKind::Syntax(_)));
        assert!(matches!(kind(r#"{"value": []}"#), ErrorKind::Syntax(_)));
        let err = from_str("{\n  \"tag\": \"Attributes\",\n  \"value\": [\n}").expect_err("bad JSON");
        assert!(matches!(err.kind(), ErrorKind::Syntax(_)));
        assert_eq!(err.offset(), Some(38));
    }

    #[test]
    fn unknown_names_and_bad_values_are_told_apart() {
        assert_eq!(
            kind(r#"{"tag": "Operation", "type": "Enumeration", "value": "Frobnicate"}"#),
            ErrorKind::UnknownName { what: "enumeration value", name: "Frobnicate".into() }
        );
        assert_eq!(
            kind(r#"{"tag": "CryptographicUsageMask", "type": "Integer", "value": "Encrypt|Frobnicate"}"#),
            ErrorKind::UnknownName { what: "mask bit", name: "Frobnicate".into() }
        );
        for bad in [
            r#"{"tag": "Operation", "type": "Enumeration", "value": -1}"#,
            r#"{"tag": "Operation", "type": "Enumeration", "value": "0x1FFFFFFFF"}"#,
            r#"{"tag": "Operation", "type": "Enumeration", "value": true}"#,
            r#"{"tag": "BatchCount", "type": "Integer", "value": "0x0000000G"}"#,
            r#"{"tag": "BatchCount", "type": "Integer", "value": null}"#,
            r#"{"tag": "BatchCount", "type": "Integer", "value": [1]}"#,
            r#"{"tag": "BatchCount", "type": "LongInteger", "value": 1e3}"#,
            r#"{"tag": "BatchCount", "type": "LongInteger", "value": 18446744073709551615}"#,
            r#"{"tag": "Fresh", "type": "Boolean", "value": 1}"#,
            r#"{"tag": "KeyMaterial", "type": "BigInteger", "value": "0xXY"}"#,
            r#"{"tag": "Nonce", "type": "ByteString", "value": 12}"#,
            r#"{"tag": "Description", "type": "TextString", "value": 12}"#,
            r#"{"tag": "InitialDate", "type": "DateTime", "value": "2001-01-01T00:00:00+24:00"}"#,
            r#"{"tag": "InitialDate", "type": "DateTime", "value": "0x00000000000000001"}"#,
            r#"{"tag": "LeaseTime", "type": "Interval", "value": -1}"#,
            r#"{"tag": "LeaseTime", "type": "Interval", "value": "0x100000000"}"#,
        ] {
            assert!(matches!(kind(bad), ErrorKind::InvalidValue { .. }), "{bad}: {:?}", kind(bad));
        }
        for bad in [
            r#"{"tag": 42, "type": "Integer", "value": 1}"#,
            r#"{"tag": "BatchCount", "type": 2, "value": 1}"#,
            r#"{"tag": "Attributes", "value": "x"}"#,
            r#"{"tag": "Attributes", "value": [1]}"#,
            r#"{"tag": "Attributes", "value": [{"tag": "Attributes", "value": [], "Tag": 1}]}"#,
            r#""just a string""#,
            "null",
            "{",
            r#"{"tag": "Attributes", "value": []} trailing"#,
            "",
        ] {
            assert!(matches!(kind(bad), ErrorKind::Syntax(_)), "{bad}: {:?}", kind(bad));
        }
        assert!(matches!(kind(r#"{"tag": "0x430001", "value": []}"#), ErrorKind::UnknownName { what: "tag", .. }));
        assert!(matches!(kind(r#"{"tag": "0x5400011", "value": []}"#), ErrorKind::UnknownName { what: "tag", .. }));
    }

    #[test]
    fn numbers_for_every_numeric_type() {
        let read = |t: &str, v: Json| from_value(&json!({"tag": "NameValue", "type": t, "value": v})).map(|t| t.value);
        assert_eq!(read("Integer", json!(-2147483648)), Ok(Value::Integer(i32::MIN)));
        assert_eq!(read("LongInteger", json!(i64::MIN)), Ok(Value::LongInteger(i64::MIN)));
        assert_eq!(read("LongInteger", json!("0x8000000000000000")), Ok(Value::LongInteger(i64::MIN)));
        assert_eq!(read("BigInteger", json!(-1)), Ok(Value::BigInteger(BigInteger::from_i128(-1))));
        assert_eq!(read("BigInteger", json!(u64::MAX)), Ok(Value::BigInteger(BigInteger::from_i128(u64::MAX.into()))));
        assert_eq!(read("BigInteger", json!("0x123")), Ok(Value::BigInteger(BigInteger::from_i128(0x123))));
        assert_eq!(read("Enumeration", json!(0x8000_0001u32)), Ok(Value::Enumeration(0x8000_0001)));
        assert_eq!(read("Interval", json!(u32::MAX)), Ok(Value::Interval(u32::MAX)));
        assert_eq!(read("Interval", json!("864000")), Ok(Value::Interval(864_000)));
        assert_eq!(read("DateTime", json!(-1)), Ok(Value::DateTime(-1)));
        assert_eq!(read("DateTimeExtended", json!(1)), Ok(Value::DateTimeExtended(1)));
        assert_eq!(read("Boolean", json!("true")), Ok(Value::Boolean(true)));
        assert_eq!(read("Boolean", json!("0x0000000000000000")), Ok(Value::Boolean(false)));
        assert_eq!(read("TextString", Json::Null), Ok(Value::TextString(String::new())));
        assert_eq!(read("ByteString", json!("AbCd")), Ok(Value::ByteString(Bytes::from_static(&[0xAB, 0xCD]))));
    }

    #[test]
    fn date_times() {
        let read =
            |v: &str| from_value(&json!({"tag": "InitialDate", "type": "DateTime", "value": v})).map(|t| t.value);
        assert_eq!(read("2001-01-01T10:00:00+10:00"), Ok(Value::DateTime(978_307_200)));
        assert_eq!(read("2001-01-01T00:00:00Z"), Ok(Value::DateTime(978_307_200)));
        assert_eq!(read("1969-12-31T23:59:59+00:00"), Ok(Value::DateTime(-1)));
        assert_eq!(read("2000-02-29T00:00:00+00:00"), Ok(Value::DateTime(951_782_400)));
        let written = |v| to_value(&Ttlv::new(Tag::INITIAL_DATE, Value::DateTime(v)))["value"].clone();
        assert_eq!(written(978_307_200), "2001-01-01T00:00:00+00:00");
        assert_eq!(written(253_402_300_800), "0x0000003AFFF44180");
        assert_eq!(read("0x0000003AFFF44180"), Ok(Value::DateTime(253_402_300_800)));
        let extended = Ttlv::new(Tag::NAME_VALUE, Value::DateTimeExtended(-62_167_219_200_000_001));
        assert_eq!(to_value(&extended)["value"], "0xFF23233E56E8FFFF");
        round_trip(&extended);
    }

    #[test]
    fn vendor_values_extension_tags_and_masks_round_trip() {
        let item = Ttlv::structure(
            Tag::new(0x54_0010).expect("tag"),
            vec![
                Ttlv::new(Tag::OPERATION, Value::Enumeration(0x8000_0002)),
                Ttlv::new(Tag::new(0x42_FFF0).expect("tag"), Value::Enumeration(7)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_USAGE_MASK, Value::Integer(0x4000_000C)),
                Ttlv::new(Tag::ATTRIBUTE_REFERENCE, Value::Enumeration(0x54_0001)),
                Ttlv::new(Tag::ATTRIBUTE_REFERENCE, Value::Enumeration(Tag::OBJECT_TYPE.value())),
            ],
        );
        let written = to_value(&item);
        assert_eq!(
            written,
            json!({"tag": "0x540010", "value": [
                {"tag": "Operation", "type": "Enumeration", "value": "0x80000002"},
                {"tag": "0x42FFF0", "type": "Enumeration", "value": "0x00000007"},
                {"tag": "CryptographicUsageMask", "type": "Integer", "value": "Encrypt|Decrypt|0x40000000"},
                {"tag": "AttributeReference", "type": "Enumeration", "value": "0x00540001"},
                {"tag": "AttributeReference", "type": "Enumeration", "value": "ObjectType"}
            ]})
        );
        round_trip(&item);
        assert_eq!(from_value(&written), Ok(item));
        assert_eq!(
            from_str(r#"{"tag": "0x540010", "name": "VendorThing", "value": null}"#),
            Ok(Ttlv::structure(Tag::new(0x54_0010).expect("tag"), vec![]))
        );
        assert_eq!(
            from_str(r#"{"tag": "0x420069", "type": "Structure", "value": []}"#),
            Ok(Ttlv::structure(Tag::PROTOCOL_VERSION, vec![]))
        );
        // Masks also read with spaces, decimal and hex words.
        let mask = |v: Json| from_value(&json!({"tag": "CryptographicUsageMask", "type": "Integer", "value": v}));
        assert_eq!(mask(json!("Encrypt Decrypt")).map(|t| t.value), Ok(Value::Integer(12)));
        assert_eq!(mask(json!("4|8")).map(|t| t.value), Ok(Value::Integer(12)));
        assert_eq!(mask(json!(12)).map(|t| t.value), Ok(Value::Integer(12)));
    }

    #[test]
    fn text_is_escaped_by_json_rules() {
        let item = Ttlv::new(Tag::DESCRIPTION, Value::TextString("\"\\\n\u{0}\u{1F}</x> 🔑".into()));
        let text = to_string(&item);
        assert!(text.contains(r#""value": "\"\\\n\u0000\u001f</x> 🔑""#), "{text}");
        round_trip(&item);
    }

    #[test]
    fn errors_carry_the_path() {
        let err =
            from_str(r#"{"tag": "RequestMessage", "value": [{"tag": "BatchCount", "type": "Integer", "value": "x"}]}"#)
                .expect_err("invalid");
        assert_eq!(err.path(), &[Tag::REQUEST_MESSAGE, Tag::BATCH_COUNT]);
    }

    #[test]
    fn nesting_is_limited() {
        let mut deep = json!({"tag": "Attributes", "value": []});
        for _ in 0..MAX_DEPTH {
            deep = json!({"tag": "Attributes", "value": [deep]});
        }
        assert_eq!(from_value(&deep).map_err(|e| e.kind().clone()), Err(ErrorKind::TooDeep { limit: MAX_DEPTH }));
    }
}
