//! What the XML and JSON encodings share: how each item type's value is
//! written as text and read back, with names from the registry.

use bytes::Bytes;

use crate::registry::{self, MaskInfo};
use crate::{BigInteger, ErrorKind, ItemType, Tag, Value, datetime};

/// The deepest nesting of Structures the text encodings accept, as the
/// binary decoder's default.
pub(crate) const MAX_DEPTH: usize = crate::wire::Limits::DEFAULT_MAX_DEPTH;

/// Where a value sits: its tag and, for a KMIP 1.x Attribute Value, the
/// sibling Attribute Name that decides which enumeration or mask names it.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) tag: Tag,
    pub(crate) attribute_name: Option<&'a str>,
}

impl Context<'_> {
    /// The tag whose tables apply.
    fn names_tag(&self) -> Tag {
        registry::value_tag(self.tag, self.attribute_name)
    }

    fn mask(&self) -> Option<&'static MaskInfo> {
        registry::mask(self.names_tag())
    }
}

/// Tracks the last Attribute Name text among a Structure's children.
pub(crate) fn attribute_name_of(tag: Tag, value: &Value) -> Option<&str> {
    match value {
        Value::TextString(name) if tag == Tag::ATTRIBUTE_NAME => Some(name),
        _ => None,
    }
}

/// `0x` and 8 upper-case hex digits.
pub(crate) fn hex32(v: u32) -> String {
    format!("0x{v:08X}")
}

/// `0x` and 16 upper-case hex digits.
pub(crate) fn hex64(v: u64) -> String {
    format!("0x{v:016X}")
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0F)]));
    }
    out
}

/// Hex digits (either case, no prefix, even count) to bytes.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    let digits = text.as_bytes();
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks(2)
        .map(|pair| {
            let high = char::from(pair[0]).to_digit(16)?;
            let low = char::from(pair[1]).to_digit(16)?;
            u8::try_from(high << 4 | low).ok()
        })
        .collect()
}

/// `0x`-prefixed hex of 1 to `max_digits` digits (either case).
pub(crate) fn parse_hex_number(text: &str, max_digits: usize) -> Option<u64> {
    let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X"))?;
    if digits.is_empty() || digits.len() > max_digits || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u64::from_str_radix(digits, 16).ok()
}

/// An Enumeration value's name, or `0x` hex when it has none.
pub(crate) fn enumeration_text(ctx: Context<'_>, v: u32) -> String {
    registry::enum_name(ctx.names_tag(), v).map_or_else(|| hex32(v), str::to_owned)
}

/// An Integer as a mask (names separated by `separator`) when its tag has a
/// mask table.
pub(crate) fn mask_text(ctx: Context<'_>, v: i32, separator: &str) -> Option<String> {
    Some(ctx.mask()?.format(v as u32, separator))
}

/// A Date-Time: ISO 8601 in UTC, or `0x` hex outside years 0000–9999.
pub(crate) fn date_time_text(seconds: i64) -> String {
    datetime::format_seconds(seconds).unwrap_or_else(|| hex64(seconds as u64))
}

/// A Date-Time Extended: ISO 8601 with microseconds, or `0x` hex.
pub(crate) fn date_time_extended_text(micros: i64) -> String {
    datetime::format_micros(micros).unwrap_or_else(|| hex64(micros as u64))
}

/// Reads the text form of a value of `item_type`: every form either
/// encoding writes or the profiles allow. Mask words may be separated by
/// `|` or white space in both encodings.
///
/// An enumeration or mask name that the registry does not know is an
/// [`ErrorKind::UnknownName`]; any other unreadable text is an
/// [`ErrorKind::InvalidValue`].
pub(crate) fn parse_value(ctx: Context<'_>, item_type: ItemType, text: &str) -> Result<Value, ErrorKind> {
    match item_type {
        ItemType::Integer => parse_integer(ctx, text).map(Value::Integer),
        ItemType::Enumeration => parse_enumeration(ctx, text).map(Value::Enumeration),
        _ => parse_plain(item_type, text).ok_or_else(|| invalid(item_type, text)),
    }
}

/// The error for `text` that is not a value of `item_type`.
pub(crate) fn invalid(item_type: ItemType, text: &str) -> ErrorKind {
    ErrorKind::InvalidValue { item_type, value: text.to_owned() }
}

/// The types whose text has no names in it.
fn parse_plain(item_type: ItemType, text: &str) -> Option<Value> {
    Some(match item_type {
        ItemType::Structure | ItemType::Integer | ItemType::Enumeration => return None,
        ItemType::LongInteger => Value::LongInteger(match parse_hex_number(text, 16) {
            Some(bits) => bits as i64,
            None => text.parse().ok()?,
        }),
        ItemType::BigInteger => Value::BigInteger(parse_big_integer(text)?),
        ItemType::Boolean => Value::Boolean(match text {
            "true" => true,
            "false" => false,
            _ => match parse_hex_number(text, 16)? {
                0 => false,
                1 => true,
                _ => return None,
            },
        }),
        ItemType::TextString => Value::TextString(text.to_owned()),
        ItemType::ByteString => Value::ByteString(Bytes::from(unhex(text)?)),
        ItemType::DateTime => Value::DateTime(match parse_hex_number(text, 16) {
            Some(bits) => bits as i64,
            None => datetime::parse(text)?.seconds,
        }),
        ItemType::Interval => Value::Interval(match parse_hex_number(text, 8) {
            Some(bits) => u32::try_from(bits).ok()?,
            None => text.parse().ok()?,
        }),
        ItemType::DateTimeExtended => Value::DateTimeExtended(match parse_hex_number(text, 16) {
            Some(bits) => bits as i64,
            None => {
                let instant = datetime::parse(text)?;
                instant.seconds.checked_mul(1_000_000)?.checked_add(i64::from(instant.micros))?
            }
        }),
    })
}

/// A Big Integer: two's complement hex digits of any length, with or
/// without `0x`, sign-extended to a multiple of 8 bytes. An odd number of
/// digits is sign-extended by one digit first (`"F23"` is `0xFF23`).
fn parse_big_integer(text: &str) -> Option<BigInteger> {
    let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")).unwrap_or(text);
    let bytes = if digits.len() % 2 == 1 {
        let negative = char::from(*digits.as_bytes().first()?).to_digit(16)? >= 8;
        unhex(&format!("{}{digits}", if negative { 'f' } else { '0' }))?
    } else {
        unhex(digits)?
    };
    Some(BigInteger::from_twos_complement(&bytes))
}

/// An Integer: decimal, `0x` hex (32-bit two's complement), or mask words.
fn parse_integer(ctx: Context<'_>, text: &str) -> Result<i32, ErrorKind> {
    if let Ok(v) = text.parse::<i32>() {
        return Ok(v);
    }
    if let Some(bits) = parse_hex_number(text, 8) {
        return Ok(bits as u32 as i32);
    }
    match ctx.mask() {
        Some(mask) => parse_mask(mask, text).map(|bits| bits as i32),
        None => Err(invalid(ItemType::Integer, text)),
    }
}

/// Mask words (bit names, `0x` hex or decimal) separated by `|` or white
/// space, OR-ed together. At least one word is required.
fn parse_mask(mask: &MaskInfo, text: &str) -> Result<u32, ErrorKind> {
    let mut value = 0u32;
    let mut words = text.split(|c: char| c == '|' || c.is_ascii_whitespace()).filter(|w| !w.is_empty()).peekable();
    if words.peek().is_none() {
        return Err(invalid(ItemType::Integer, text));
    }
    for word in words {
        value |= match mask.bit_of(word) {
            Some(bit) => bit,
            None => match parse_hex_number(word, 8) {
                Some(bits) => bits as u32,
                None => match word.parse::<u32>() {
                    Ok(v) => v,
                    Err(_) if is_name(word) => {
                        return Err(ErrorKind::UnknownName { what: "mask bit", name: word.to_owned() });
                    }
                    Err(_) => return Err(invalid(ItemType::Integer, text)),
                },
            },
        };
    }
    Ok(value)
}

/// An Enumeration: its name, `0x` hex, or decimal.
fn parse_enumeration(ctx: Context<'_>, text: &str) -> Result<u32, ErrorKind> {
    if let Some(v) = registry::enum_value(ctx.names_tag(), text) {
        return Ok(v);
    }
    if let Some(bits) = parse_hex_number(text, 8) {
        // At most 8 hex digits: fits.
        return Ok(bits as u32);
    }
    if let Ok(v) = text.parse::<u32>() {
        return Ok(v);
    }
    if is_name(text) {
        return Err(ErrorKind::UnknownName { what: "enumeration value", name: text.to_owned() });
    }
    Err(invalid(ItemType::Enumeration, text))
}

/// True if `text` looks like a normalized name (`PreActive`, `SHA_256`):
/// a letter, then letters, digits and `_`.
fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A tag written as a name or as `0x` + 6 hex digits.
pub(crate) fn parse_tag(text: &str) -> Option<Tag> {
    match parse_hex_number(text, 6) {
        Some(v) => Tag::new(u32::try_from(v).ok()?),
        None => Tag::from_name(text),
    }
}

/// The name of a tag, or `0x` + 6 hex digits when it has none.
pub(crate) fn tag_text(tag: Tag) -> String {
    tag.name().map_or_else(|| format!("0x{:06X}", tag.value()), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(tag: Tag) -> Context<'static> {
        Context { tag, attribute_name: None }
    }

    fn read(tag: Tag, item_type: ItemType, text: &str) -> Result<Value, ErrorKind> {
        parse_value(ctx(tag), item_type, text)
    }

    #[test]
    fn hex_helpers() {
        assert_eq!(hex(&[0x00, 0xAB, 0x7f]), "00ab7f");
        assert_eq!(unhex("00AB7f"), Some(vec![0x00, 0xAB, 0x7F]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex("é1"), None);
        assert_eq!(unhex(""), Some(vec![]));
        assert_eq!(parse_hex_number("0x0000000A", 8), Some(10));
        assert_eq!(parse_hex_number("0X0a", 8), Some(10));
        assert_eq!(parse_hex_number("0x000000000A", 8), None);
        assert_eq!(parse_hex_number("0x+1", 8), None);
        assert_eq!(parse_hex_number("0x", 8), None);
        assert_eq!(parse_hex_number("10", 8), None);
    }

    #[test]
    fn integers_read_as_decimal_hex_or_mask() {
        let usage = Tag::CRYPTOGRAPHIC_USAGE_MASK;
        assert_eq!(read(usage, ItemType::Integer, "12"), Ok(Value::Integer(12)));
        assert_eq!(read(usage, ItemType::Integer, "Decrypt Encrypt"), Ok(Value::Integer(12)));
        assert_eq!(read(usage, ItemType::Integer, "Encrypt|0x00000100"), Ok(Value::Integer(0x104)));
        assert_eq!(read(usage, ItemType::Integer, " Encrypt | Decrypt 256 "), Ok(Value::Integer(0x10C)));
        assert_eq!(
            read(usage, ItemType::Integer, "Encrypt Nonsense"),
            Err(ErrorKind::UnknownName { what: "mask bit", name: "Nonsense".into() })
        );
        assert!(matches!(read(usage, ItemType::Integer, "Encrypt 0xZZ"), Err(ErrorKind::InvalidValue { .. })));
        assert!(matches!(read(usage, ItemType::Integer, ""), Err(ErrorKind::InvalidValue { .. })));
        assert!(matches!(read(usage, ItemType::Integer, " | "), Err(ErrorKind::InvalidValue { .. })));
        assert!(matches!(read(Tag::BATCH_COUNT, ItemType::Integer, "Encrypt"), Err(ErrorKind::InvalidValue { .. })));
        assert_eq!(read(Tag::BATCH_COUNT, ItemType::Integer, "0xFFFFFFFF"), Ok(Value::Integer(-1)));
        assert_eq!(read(Tag::BATCH_COUNT, ItemType::Integer, "-2147483648"), Ok(Value::Integer(i32::MIN)));
        assert!(matches!(read(Tag::BATCH_COUNT, ItemType::Integer, "2147483648"), Err(ErrorKind::InvalidValue { .. })));
        assert_eq!(mask_text(ctx(usage), 12, " ").as_deref(), Some("Encrypt Decrypt"));
        assert_eq!(mask_text(ctx(usage), 0, "|").as_deref(), Some("0x00000000"));
        assert_eq!(mask_text(ctx(Tag::BATCH_COUNT), 12, " "), None);
    }

    #[test]
    fn attribute_values_take_names_from_the_attribute_name() {
        let value = Context { tag: Tag::ATTRIBUTE_VALUE, attribute_name: Some("Cryptographic Algorithm") };
        assert_eq!(parse_value(value, ItemType::Enumeration, "AES"), Ok(Value::Enumeration(3)));
        assert_eq!(enumeration_text(value, 3), "AES");
        let usage = Context { tag: Tag::ATTRIBUTE_VALUE, attribute_name: Some("Cryptographic Usage Mask") };
        assert_eq!(parse_value(usage, ItemType::Integer, "Encrypt Decrypt"), Ok(Value::Integer(12)));
        assert_eq!(mask_text(usage, 12, "|").as_deref(), Some("Encrypt|Decrypt"));
        let custom = Context { tag: Tag::ATTRIBUTE_VALUE, attribute_name: Some("x-Vendor") };
        assert_eq!(enumeration_text(custom, 3), "0x00000003");
        assert!(matches!(parse_value(custom, ItemType::Enumeration, "AES"), Err(ErrorKind::UnknownName { .. })));
    }

    #[test]
    fn enumerations_read_as_name_hex_or_decimal() {
        let op = Tag::OPERATION;
        assert_eq!(read(op, ItemType::Enumeration, "Query"), Ok(Value::Enumeration(0x18)));
        assert_eq!(read(op, ItemType::Enumeration, "0x80000001"), Ok(Value::Enumeration(0x8000_0001)));
        assert_eq!(read(op, ItemType::Enumeration, "24"), Ok(Value::Enumeration(24)));
        assert_eq!(
            read(op, ItemType::Enumeration, "NoSuchOperation"),
            Err(ErrorKind::UnknownName { what: "enumeration value", name: "NoSuchOperation".into() })
        );
        assert!(matches!(read(op, ItemType::Enumeration, "0x100000000"), Err(ErrorKind::InvalidValue { .. })));
        assert!(matches!(read(op, ItemType::Enumeration, ""), Err(ErrorKind::InvalidValue { .. })));
        assert!(matches!(read(op, ItemType::Enumeration, "-1"), Err(ErrorKind::InvalidValue { .. })));
        assert_eq!(enumeration_text(ctx(op), 0x8000_0001), "0x80000001");
    }

    #[test]
    fn big_integers_sign_extend_any_length() {
        let big = |text: &str| read(Tag::NAME_VALUE, ItemType::BigInteger, text);
        let bytes = |v: Result<Value, ErrorKind>| match v {
            Ok(Value::BigInteger(b)) => b.as_bytes().to_vec(),
            other => panic!("{other:?}"),
        };
        assert_eq!(bytes(big("0102")), [0, 0, 0, 0, 0, 0, 1, 2]);
        assert_eq!(bytes(big("0x80")), [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80]);
        assert_eq!(bytes(big("F23")), [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x23]);
        assert_eq!(bytes(big("123")), [0, 0, 0, 0, 0, 0, 0x01, 0x23]);
        assert_eq!(bytes(big(&"ab".repeat(20))).len(), 24);
        assert_eq!(bytes(big("")), Vec::<u8>::new());
        assert!(matches!(big("12g4"), Err(ErrorKind::InvalidValue { item_type: ItemType::BigInteger, .. })));
    }

    #[test]
    fn other_types_report_invalid_values() {
        for (item_type, text) in [
            (ItemType::LongInteger, "9223372036854775808"),
            (ItemType::LongInteger, "0x00000000000000001"),
            (ItemType::Boolean, "True"),
            (ItemType::Boolean, "0x0000000000000002"),
            (ItemType::ByteString, "abc"),
            (ItemType::ByteString, "0xab"),
            (ItemType::DateTime, "2001-02-29T00:00:00Z"),
            (ItemType::DateTime, "yesterday"),
            (ItemType::Interval, "-1"),
            (ItemType::Interval, "4294967296"),
            (ItemType::DateTimeExtended, "2001-01-01"),
            (ItemType::Structure, ""),
        ] {
            assert_eq!(read(Tag::NAME_VALUE, item_type, text), Err(invalid(item_type, text)), "{item_type} {text}");
        }
        assert_eq!(read(Tag::NAME_VALUE, ItemType::LongInteger, "0xFFFFFFFFFFFFFFFF"), Ok(Value::LongInteger(-1)));
        assert_eq!(read(Tag::NAME_VALUE, ItemType::Interval, "0xFFFFFFFF"), Ok(Value::Interval(u32::MAX)));
        assert_eq!(read(Tag::NAME_VALUE, ItemType::ByteString, ""), Ok(Value::ByteString(Bytes::new())));
        assert_eq!(read(Tag::NAME_VALUE, ItemType::DateTime, "0xFFFFFFFFFFFFFFFF"), Ok(Value::DateTime(-1)));
    }

    #[test]
    fn date_times_out_of_range_are_hex() {
        assert_eq!(date_time_text(i64::MAX), "0x7FFFFFFFFFFFFFFF");
        assert_eq!(date_time_text(-62_167_219_201), "0xFFFFFFF1868B83FF");
        assert_eq!(date_time_extended_text(i64::MIN), "0x8000000000000000");
        assert_eq!(read(Tag::NAME_VALUE, ItemType::DateTime, "0x7FFFFFFFFFFFFFFF"), Ok(Value::DateTime(i64::MAX)));
    }
}
