//! What the XML and JSON encodings share: how each item type's value is
//! written as text and read back, with names from the registry.

use bytes::Bytes;

use crate::registry::{self, MaskInfo};
use crate::{BigInteger, ItemType, Tag, Value, datetime};

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

/// `0x`-prefixed hex of at most `max_digits` digits.
pub(crate) fn parse_hex_number(text: &str, max_digits: usize) -> Option<u64> {
    let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X"))?;
    if digits.is_empty() || digits.len() > max_digits {
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

/// Reads the text form of a value of `item_type` (every form either
/// encoding writes or the profiles allow). `separator` splits mask words.
/// `None` if the text is not such a value.
pub(crate) fn parse_value(ctx: Context<'_>, item_type: ItemType, text: &str, separator: char) -> Option<Value> {
    Some(match item_type {
        ItemType::Structure => return None,
        ItemType::Integer => Value::Integer(parse_integer(ctx, text, separator)?),
        ItemType::LongInteger => Value::LongInteger(match parse_hex_number(text, 16) {
            Some(bits) => bits as i64,
            None => text.parse().ok()?,
        }),
        ItemType::BigInteger => {
            let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")).unwrap_or(text);
            Value::BigInteger(BigInteger::from_twos_complement(&unhex(digits)?))
        }
        ItemType::Enumeration => Value::Enumeration(parse_enumeration(ctx, text)?),
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

/// An Integer: decimal, `0x` hex (32-bit two's complement), or mask words.
fn parse_integer(ctx: Context<'_>, text: &str, separator: char) -> Option<i32> {
    if let Ok(v) = text.parse::<i32>() {
        return Some(v);
    }
    if let Some(bits) = parse_hex_number(text, 8) {
        return Some(bits as u32 as i32);
    }
    Some(ctx.mask()?.parse(text, separator)? as i32)
}

/// An Enumeration: its name, `0x` hex, or decimal.
fn parse_enumeration(ctx: Context<'_>, text: &str) -> Option<u32> {
    if let Some(v) = registry::enum_value(ctx.names_tag(), text) {
        return Some(v);
    }
    if let Some(bits) = parse_hex_number(text, 8) {
        return u32::try_from(bits).ok();
    }
    text.parse().ok()
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

    #[test]
    fn hex_helpers() {
        assert_eq!(hex(&[0x00, 0xAB, 0x7f]), "00ab7f");
        assert_eq!(unhex("00AB7f"), Some(vec![0x00, 0xAB, 0x7F]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex(""), Some(vec![]));
        assert_eq!(parse_hex_number("0x0000000A", 8), Some(10));
        assert_eq!(parse_hex_number("0x000000000A", 8), None);
        assert_eq!(parse_hex_number("10", 8), None);
    }

    #[test]
    fn integers_read_as_decimal_hex_or_mask() {
        let usage = ctx(Tag::CRYPTOGRAPHIC_USAGE_MASK);
        assert_eq!(parse_value(usage, ItemType::Integer, "12", ' '), Some(Value::Integer(12)));
        assert_eq!(parse_value(usage, ItemType::Integer, "Decrypt Encrypt", ' '), Some(Value::Integer(12)));
        assert_eq!(parse_value(usage, ItemType::Integer, "Encrypt|0x00000100", '|'), Some(Value::Integer(0x104)));
        assert_eq!(parse_value(usage, ItemType::Integer, "Encrypt Nonsense", ' '), None);
        assert_eq!(parse_value(ctx(Tag::BATCH_COUNT), ItemType::Integer, "Encrypt", ' '), None);
        assert_eq!(parse_value(ctx(Tag::BATCH_COUNT), ItemType::Integer, "0xFFFFFFFF", ' '), Some(Value::Integer(-1)));
        assert_eq!(mask_text(usage, 12, " ").as_deref(), Some("Encrypt Decrypt"));
    }

    #[test]
    fn attribute_values_take_names_from_the_attribute_name() {
        let value = Context { tag: Tag::ATTRIBUTE_VALUE, attribute_name: Some("Cryptographic Algorithm") };
        assert_eq!(parse_value(value, ItemType::Enumeration, "AES", ' '), Some(Value::Enumeration(3)));
        assert_eq!(enumeration_text(value, 3), "AES");
        let custom = Context { tag: Tag::ATTRIBUTE_VALUE, attribute_name: Some("x-Vendor") };
        assert_eq!(enumeration_text(custom, 3), "0x00000003");
    }

    #[test]
    fn enumerations_read_as_name_hex_or_decimal() {
        let op = ctx(Tag::OPERATION);
        assert_eq!(parse_value(op, ItemType::Enumeration, "Query", ' '), Some(Value::Enumeration(0x18)));
        assert_eq!(parse_value(op, ItemType::Enumeration, "0x80000001", ' '), Some(Value::Enumeration(0x8000_0001)));
        assert_eq!(parse_value(op, ItemType::Enumeration, "24", ' '), Some(Value::Enumeration(24)));
        assert_eq!(parse_value(op, ItemType::Enumeration, "NoSuchOperation", ' '), None);
        assert_eq!(enumeration_text(op, 0x8000_0001), "0x80000001");
    }
}
