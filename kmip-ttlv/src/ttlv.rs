//! The untyped TTLV tree that the binary, XML and JSON encodings share.

use bytes::Bytes;

use crate::{ItemType, Tag};

/// One TTLV item: a tag and a typed value.
///
/// This is the meeting point of the three encodings: binary TTLV
/// ([`crate::wire`]), XML ([`crate::xml`]) and JSON ([`crate::json`]) all
/// convert to and from it, and [`crate::model`] builds typed messages on it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Ttlv {
    /// The item's tag.
    pub tag: Tag,
    /// The item's value; its variant is the item type.
    pub value: Value,
}

/// The value of a TTLV item, one variant per item type (KMIP 2.1 §10.1.1.3).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Value {
    /// Child items in order.
    Structure(Vec<Ttlv>),
    /// Signed 32-bit.
    Integer(i32),
    /// Signed 64-bit.
    LongInteger(i64),
    /// Two's complement bytes, kept exactly as sent.
    BigInteger(BigInteger),
    /// Unsigned 32-bit enumeration value (names live in the registry).
    Enumeration(u32),
    /// True or false.
    Boolean(bool),
    /// UTF-8 text.
    TextString(String),
    /// Octets, shared with the buffer they were decoded from.
    ByteString(Bytes),
    /// Seconds since 1970-01-01T00:00:00Z.
    DateTime(i64),
    /// Seconds.
    Interval(u32),
    /// Microseconds since 1970-01-01T00:00:00Z (KMIP 2.0+).
    DateTimeExtended(i64),
}

impl Ttlv {
    /// An item from its tag and value.
    pub fn new(tag: Tag, value: Value) -> Ttlv {
        Ttlv { tag, value }
    }

    /// A Structure item.
    pub fn structure(tag: Tag, children: Vec<Ttlv>) -> Ttlv {
        Ttlv { tag, value: Value::Structure(children) }
    }

    /// The item type of the value.
    pub fn item_type(&self) -> ItemType {
        self.value.item_type()
    }

    /// The children, if this is a Structure.
    pub fn children(&self) -> Option<&[Ttlv]> {
        match &self.value {
            Value::Structure(children) => Some(children),
            _ => None,
        }
    }

    /// The first child with tag `tag`, if this is a Structure that has one.
    pub fn child(&self, tag: Tag) -> Option<&Ttlv> {
        self.children()?.iter().find(|c| c.tag == tag)
    }

    /// Every child with tag `tag`, in order.
    pub fn children_with(&self, tag: Tag) -> impl Iterator<Item = &Ttlv> {
        self.children().unwrap_or(&[]).iter().filter(move |c| c.tag == tag)
    }
}

impl Value {
    /// The value of an Integer.
    pub fn as_integer(&self) -> Option<i32> {
        match self {
            Value::Integer(v) => Some(*v),
            _ => None,
        }
    }

    /// The value of a Long Integer.
    pub fn as_long_integer(&self) -> Option<i64> {
        match self {
            Value::LongInteger(v) => Some(*v),
            _ => None,
        }
    }

    /// The value of an Enumeration.
    pub fn as_enumeration(&self) -> Option<u32> {
        match self {
            Value::Enumeration(v) => Some(*v),
            _ => None,
        }
    }

    /// The value of a Boolean.
    pub fn as_boolean(&self) -> Option<bool> {
        match self {
            Value::Boolean(v) => Some(*v),
            _ => None,
        }
    }

    /// The value of a Text String.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::TextString(v) => Some(v),
            _ => None,
        }
    }

    /// The value of a Byte String.
    pub fn as_bytes(&self) -> Option<&Bytes> {
        match self {
            Value::ByteString(v) => Some(v),
            _ => None,
        }
    }

    /// The value of a Date-Time (seconds since the epoch).
    pub fn as_date_time(&self) -> Option<i64> {
        match self {
            Value::DateTime(v) => Some(*v),
            _ => None,
        }
    }

    /// The value of an Interval (seconds).
    pub fn as_interval(&self) -> Option<u32> {
        match self {
            Value::Interval(v) => Some(*v),
            _ => None,
        }
    }

    /// The children of a Structure.
    pub fn as_structure(&self) -> Option<&[Ttlv]> {
        match self {
            Value::Structure(v) => Some(v),
            _ => None,
        }
    }

    /// The item type this value encodes as.
    pub fn item_type(&self) -> ItemType {
        match self {
            Value::Structure(_) => ItemType::Structure,
            Value::Integer(_) => ItemType::Integer,
            Value::LongInteger(_) => ItemType::LongInteger,
            Value::BigInteger(_) => ItemType::BigInteger,
            Value::Enumeration(_) => ItemType::Enumeration,
            Value::Boolean(_) => ItemType::Boolean,
            Value::TextString(_) => ItemType::TextString,
            Value::ByteString(_) => ItemType::ByteString,
            Value::DateTime(_) => ItemType::DateTime,
            Value::Interval(_) => ItemType::Interval,
            Value::DateTimeExtended(_) => ItemType::DateTimeExtended,
        }
    }
}

/// A Big Integer as its two's complement bytes, a multiple of 8 long.
///
/// KMIP 2.1 §10.1.1.4: "Big Integers are padded with leading sign-extended
/// bytes (which are included in the length)". The bytes are kept exactly as
/// sent, so a non-minimal encoding (extra sign bytes) re-encodes identically.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct BigInteger(Bytes);

impl BigInteger {
    /// Bytes exactly as they appear on the wire; `None` unless the length is a
    /// multiple of 8.
    pub fn from_wire(bytes: Bytes) -> Option<BigInteger> {
        bytes.len().is_multiple_of(8).then_some(BigInteger(bytes))
    }

    /// Any big-endian two's complement byte string, sign-extended on the left
    /// to a multiple of 8 bytes (bytes already a multiple of 8 are kept as
    /// they are).
    pub fn from_twos_complement(bytes: &[u8]) -> BigInteger {
        let fill = (8 - bytes.len() % 8) % 8;
        let sign = match bytes.first() {
            Some(b) if b & 0x80 != 0 => 0xFF,
            _ => 0x00,
        };
        let mut out = Vec::with_capacity(bytes.len() + fill);
        out.resize(fill, sign);
        out.extend_from_slice(bytes);
        BigInteger(Bytes::from(out))
    }

    /// The shortest two's complement form of `value`, sign-extended to 8
    /// bytes.
    pub fn from_i128(value: i128) -> BigInteger {
        let bytes = value.to_be_bytes();
        let skip = if value < 0 {
            bytes.iter().take_while(|&&b| b == 0xFF).count()
        } else {
            bytes.iter().take_while(|&&b| b == 0x00).count()
        };
        // Keep one sign byte when the next byte's top bit disagrees with the sign.
        let mut start = skip.min(15);
        let negative = value < 0;
        if (bytes[start] & 0x80 != 0) != negative && start > 0 {
            start -= 1;
        }
        BigInteger::from_twos_complement(&bytes[start..])
    }

    /// The unsigned magnitude of a non-negative value, with a leading zero
    /// byte when the top bit is set, sign-extended to a multiple of 8 bytes.
    pub fn from_unsigned_be(magnitude: &[u8]) -> BigInteger {
        let trimmed = &magnitude[magnitude.iter().take_while(|&&b| b == 0).count()..];
        if trimmed.first().is_some_and(|b| b & 0x80 != 0) {
            let mut with_sign = Vec::with_capacity(trimmed.len() + 1);
            with_sign.push(0);
            with_sign.extend_from_slice(trimmed);
            BigInteger::from_twos_complement(&with_sign)
        } else {
            BigInteger::from_twos_complement(trimmed)
        }
    }

    /// The bytes as encoded (a multiple of 8).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes as a shared buffer.
    pub fn to_bytes(&self) -> Bytes {
        self.0.clone()
    }

    /// True if the value is negative.
    pub fn is_negative(&self) -> bool {
        self.0.first().is_some_and(|b| b & 0x80 != 0)
    }
}

impl std::fmt::Debug for BigInteger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BigInteger(0x")?;
        for b in self.0.iter() {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integer_sign_extension() {
        assert_eq!(
            BigInteger::from_twos_complement(&[0x01, 0x00, 0x01]).as_bytes(),
            &[0, 0, 0, 0, 0, 0x01, 0x00, 0x01]
        );
        assert_eq!(
            BigInteger::from_twos_complement(&[0x80]).as_bytes(),
            &[0xFF; 7].iter().copied().chain([0x80]).collect::<Vec<_>>()[..]
        );
        // Already a multiple of 8: kept as sent, even if not minimal.
        let non_minimal = [0u8; 16];
        assert_eq!(BigInteger::from_twos_complement(&non_minimal).as_bytes(), &non_minimal);
        assert!(BigInteger::from_wire(Bytes::from_static(&[0; 7])).is_none());
        assert!(BigInteger::from_wire(Bytes::new()).is_some());
    }

    #[test]
    fn big_integer_from_i128_is_minimal() {
        // KMIP 1.4 §9.1.2 example: 1234567890000000000000000000.
        let v = BigInteger::from_i128(1_234_567_890_000_000_000_000_000_000);
        assert_eq!(v.as_bytes(), &[0, 0, 0, 0, 0x03, 0xfd, 0x35, 0xeb, 0x6b, 0xc2, 0xdf, 0x46, 0x18, 0x08, 0, 0]);
        assert_eq!(BigInteger::from_i128(-1).as_bytes(), &[0xFF; 8]);
        assert_eq!(BigInteger::from_i128(0x80).as_bytes(), &[0, 0, 0, 0, 0, 0, 0, 0x80]);
        assert_eq!(BigInteger::from_i128(-129).as_bytes(), &[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]);
        assert!(BigInteger::from_i128(-5).is_negative());
    }

    #[test]
    fn big_integer_from_unsigned_adds_a_sign_byte() {
        assert_eq!(BigInteger::from_unsigned_be(&[0x80]).as_bytes(), &[0, 0, 0, 0, 0, 0, 0, 0x80]);
        assert_eq!(BigInteger::from_unsigned_be(&[0xFF; 8]).as_bytes().len(), 16);
    }
}
