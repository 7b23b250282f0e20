//! TTLV item types (KMIP 2.1 §10.1.1.3; 1.4 §9.1.1.3).

use std::fmt;

/// The type byte of a TTLV item.
///
/// KMIP 2.1 §10.1.1.3 "Item Type": `0x01` Structure through `0x0B`
/// Date-Time Extended (2.0 and later). Any other value is malformed.
///
/// Deliberately exhaustive: the set of item types is fixed by the TTLV
/// encoding, and every consumer has to handle each one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemType {
    /// `0x01`: a sequence of items.
    Structure,
    /// `0x02`: signed 32-bit.
    Integer,
    /// `0x03`: signed 64-bit.
    LongInteger,
    /// `0x04`: two's complement, a multiple of 8 bytes.
    BigInteger,
    /// `0x05`: unsigned 32-bit.
    Enumeration,
    /// `0x06`: 64-bit 0 or 1.
    Boolean,
    /// `0x07`: UTF-8 text.
    TextString,
    /// `0x08`: octets.
    ByteString,
    /// `0x09`: signed 64-bit seconds since the POSIX epoch.
    DateTime,
    /// `0x0A`: unsigned 32-bit seconds.
    Interval,
    /// `0x0B` (KMIP 2.0+): signed 64-bit microseconds since the POSIX epoch.
    DateTimeExtended,
}

impl ItemType {
    /// Every item type, in type-code order.
    pub const ALL: [ItemType; 11] = [
        ItemType::Structure,
        ItemType::Integer,
        ItemType::LongInteger,
        ItemType::BigInteger,
        ItemType::Enumeration,
        ItemType::Boolean,
        ItemType::TextString,
        ItemType::ByteString,
        ItemType::DateTime,
        ItemType::Interval,
        ItemType::DateTimeExtended,
    ];

    /// The type byte on the wire.
    pub const fn code(self) -> u8 {
        match self {
            ItemType::Structure => 0x01,
            ItemType::Integer => 0x02,
            ItemType::LongInteger => 0x03,
            ItemType::BigInteger => 0x04,
            ItemType::Enumeration => 0x05,
            ItemType::Boolean => 0x06,
            ItemType::TextString => 0x07,
            ItemType::ByteString => 0x08,
            ItemType::DateTime => 0x09,
            ItemType::Interval => 0x0A,
            ItemType::DateTimeExtended => 0x0B,
        }
    }

    /// The item type for a type byte, if it is one.
    pub const fn from_code(code: u8) -> Option<ItemType> {
        Some(match code {
            0x01 => ItemType::Structure,
            0x02 => ItemType::Integer,
            0x03 => ItemType::LongInteger,
            0x04 => ItemType::BigInteger,
            0x05 => ItemType::Enumeration,
            0x06 => ItemType::Boolean,
            0x07 => ItemType::TextString,
            0x08 => ItemType::ByteString,
            0x09 => ItemType::DateTime,
            0x0A => ItemType::Interval,
            0x0B => ItemType::DateTimeExtended,
            _ => return None,
        })
    }

    /// The name used by the XML and JSON encodings (`"TextString"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            ItemType::Structure => "Structure",
            ItemType::Integer => "Integer",
            ItemType::LongInteger => "LongInteger",
            ItemType::BigInteger => "BigInteger",
            ItemType::Enumeration => "Enumeration",
            ItemType::Boolean => "Boolean",
            ItemType::TextString => "TextString",
            ItemType::ByteString => "ByteString",
            ItemType::DateTime => "DateTime",
            ItemType::Interval => "Interval",
            ItemType::DateTimeExtended => "DateTimeExtended",
        }
    }

    /// The item type named `name` in the XML and JSON encodings.
    pub fn from_name(name: &str) -> Option<ItemType> {
        ItemType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The fixed value length of this type, or `None` for variable-length
    /// types (Big Integer, Text String, Byte String, Structure).
    pub const fn fixed_length(self) -> Option<u32> {
        match self {
            ItemType::Integer | ItemType::Enumeration | ItemType::Interval => Some(4),
            ItemType::LongInteger | ItemType::Boolean | ItemType::DateTime | ItemType::DateTimeExtended => Some(8),
            ItemType::Structure | ItemType::BigInteger | ItemType::TextString | ItemType::ByteString => None,
        }
    }
}

impl fmt::Debug for ItemType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for ItemType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_round_trip() {
        for t in ItemType::ALL {
            assert_eq!(ItemType::from_code(t.code()), Some(t));
            assert_eq!(ItemType::from_name(t.name()), Some(t));
        }
        assert_eq!(ItemType::from_code(0x00), None);
        assert_eq!(ItemType::from_code(0x0C), None);
        assert_eq!(ItemType::from_name("Struct"), None);
    }
}
