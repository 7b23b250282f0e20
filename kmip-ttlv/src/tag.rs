//! TTLV tags (KMIP 2.1 §11.56 Tag; 1.4 §9.1.3.1).

use std::fmt;

use crate::registry;

/// A 24-bit TTLV tag.
///
/// KMIP 2.1 §10.1.1.1: tags defined by the specification are `0x42XXXX`;
/// `0x54XXXX` are extensions. A `Tag` is always one of those two ranges, so
/// anything that exists can be encoded. Unknown tags inside those ranges are
/// kept as they are: they round-trip untouched.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub(crate) u32);

impl Tag {
    /// The tag with value `value`, if it is in `0x420000..=0x42FFFF` or
    /// `0x540000..=0x54FFFF`.
    pub const fn new(value: u32) -> Option<Tag> {
        match value >> 16 {
            0x42 | 0x54 => Some(Tag(value)),
            _ => None,
        }
    }

    /// The 24-bit value.
    pub const fn value(self) -> u32 {
        self.0
    }

    /// True for the extension range `0x54XXXX`.
    pub const fn is_extension(self) -> bool {
        self.0 >> 16 == 0x54
    }

    /// The normalized CamelCase name used by the XML and JSON encodings, for
    /// tags in the registry.
    pub fn name(self) -> Option<&'static str> {
        registry::tag_info(self).map(|info| info.name)
    }

    /// The tag whose normalized name is `name` (`"ActivationDate"`).
    pub fn from_name(name: &str) -> Option<Tag> {
        registry::tag_by_name(name).map(|info| info.tag)
    }

    /// The tag whose specification name is `spec_name` (`"Activation
    /// Date"`), as KMIP 1.x writes it in an Attribute Name.
    pub fn from_spec_name(spec_name: &str) -> Option<Tag> {
        registry::tag_by_spec_name(spec_name).map(|info| info.tag)
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:06X}", self.0),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_kmip_and_extension_ranges_are_tags() {
        assert!(Tag::new(0x420001).is_some());
        assert!(Tag::new(0x54FFFF).is_some_and(Tag::is_extension));
        assert!(Tag::new(0x430000).is_none());
        assert!(Tag::new(0x00_42_00_01 | 0x0100_0000).is_none());
    }

    #[test]
    fn names_come_from_the_registry() {
        assert_eq!(Tag::ACTIVATION_DATE.value(), 0x420001);
        assert_eq!(Tag::ACTIVATION_DATE.name(), Some("ActivationDate"));
        assert_eq!(Tag::from_name("RequestMessage"), Some(Tag::REQUEST_MESSAGE));
        assert_eq!(Tag::from_spec_name("Cryptographic Algorithm"), Some(Tag::CRYPTOGRAPHIC_ALGORITHM));
        assert_eq!(format!("{:?}", Tag(0x540123)), "0x540123");
        assert_eq!(format!("{:?}", Tag::BATCH_ITEM), "BatchItem");
    }
}
