//! The tag, enumeration and bit-mask registry for KMIP 1.0 to 2.1.
//!
//! The tables live in `generated/`, produced by `kmip-ttlv/gen` from the spec
//! data in `kmip-ttlv/spec/` (regenerate with `cargo run -p kmip-ttlv-gen`).
//! This module looks names up in both directions and knows the few places
//! where the table that applies depends on context:
//!
//! - KMIP 1.x `Attribute Value`: its enumeration or mask is the one of the
//!   attribute named by the sibling `Attribute Name` (1.4 §2.1.1);
//! - KMIP 2.x `Attribute Reference` and `Tag`: Enumerations whose values are
//!   tags (2.1 §7.3, §11.56), written as tag names.

use crate::generated::{enums, tags};
use crate::{ItemType, ProtocolVersion, Tag};

/// One row of the tag table (KMIP 2.1 §11.56, 1.x §9.1.3.1).
#[derive(Debug)]
pub struct TagInfo {
    /// The tag.
    pub tag: Tag,
    /// The normalized CamelCase name (`"ActivationDate"`).
    pub name: &'static str,
    /// The name as written in the specification (`"Activation Date"`); KMIP
    /// 1.x uses it in Attribute Name.
    pub spec_name: &'static str,
    /// The item types the tag carries, usual one first; empty where the type
    /// comes from context (Attribute Value).
    pub item_types: &'static [ItemType],
    /// The first version whose tag table defines the tag.
    pub first_version: ProtocolVersion,
    /// The version that made the tag "Reserved", if any.
    pub removed_in: Option<ProtocolVersion>,
}

/// One enumeration table (KMIP 2.1 §11).
#[derive(Debug)]
pub struct EnumerationInfo {
    /// Normalized CamelCase name of the enumeration (`"CryptographicAlgorithm"`).
    pub name: &'static str,
    /// The name in the specification (`"Cryptographic Algorithm"`).
    pub spec_name: &'static str,
    /// The values, sorted by value.
    pub values: &'static [EnumValue],
}

/// One value of an enumeration or one bit of a mask.
#[derive(Debug)]
pub struct EnumValue {
    /// The numeric value (or bit).
    pub value: u32,
    /// The normalized CamelCase name used by XML and JSON (`"PreActive"`).
    pub name: &'static str,
    /// The name in the specification (`"Pre-Active"`).
    pub spec_name: &'static str,
    /// The first version that defines the value.
    pub first_version: ProtocolVersion,
    /// The version that made it "Reserved", if any.
    pub removed_in: Option<ProtocolVersion>,
}

impl EnumValue {
    /// True if `version` defines the value (it came in that version or
    /// earlier and was not made Reserved by then).
    pub fn defined_in(&self, version: ProtocolVersion) -> bool {
        self.first_version <= version && self.removed_in.is_none_or(|removed| version < removed)
    }
}

/// One bit-mask table (Cryptographic Usage Mask, Storage Status Mask, ...).
#[derive(Debug)]
pub struct MaskInfo {
    /// Normalized CamelCase name (`"CryptographicUsageMask"`).
    pub name: &'static str,
    /// The name in the specification.
    pub spec_name: &'static str,
    /// The bits, sorted by value.
    pub bits: &'static [EnumValue],
}

/// Every tag in the registry, sorted by value.
pub fn all_tags() -> &'static [TagInfo] {
    &tags::TAGS
}

/// The registry row for `tag`.
pub fn tag_info(tag: Tag) -> Option<&'static TagInfo> {
    tags::TAGS.binary_search_by_key(&tag, |info| info.tag).ok().map(|i| &tags::TAGS[i])
}

/// The registry row whose normalized name is `name`.
pub fn tag_by_name(name: &str) -> Option<&'static TagInfo> {
    let i = tags::TAGS_BY_NAME.binary_search_by_key(&name, |&(n, _)| n).ok()?;
    Some(&tags::TAGS[usize::from(tags::TAGS_BY_NAME[i].1)])
}

/// The registry row whose specification name is `spec_name`.
pub fn tag_by_spec_name(spec_name: &str) -> Option<&'static TagInfo> {
    let i = tags::TAGS_BY_SPEC_NAME.binary_search_by_key(&spec_name, |&(n, _)| n).ok()?;
    Some(&tags::TAGS[usize::from(tags::TAGS_BY_SPEC_NAME[i].1)])
}

/// Every enumeration table.
pub fn all_enumerations() -> &'static [&'static EnumerationInfo] {
    enums::ENUMERATIONS
}

/// Every bit-mask table.
pub fn all_masks() -> &'static [&'static MaskInfo] {
    enums::MASKS
}

/// The enumeration table that names the values of an Enumeration item with
/// tag `tag`, if there is one. (Attribute Reference and Tag are handled by
/// [`enum_name`] and [`enum_value`]: their values are tags.)
pub fn enumeration(tag: Tag) -> Option<&'static EnumerationInfo> {
    enums::ENUMERATION_TAGS.binary_search_by_key(&tag.0, |&(t, _)| t).ok().map(|i| enums::ENUMERATION_TAGS[i].1)
}

/// The bit-mask table that names the bits of an Integer item with tag
/// `tag`, if there is one.
pub fn mask(tag: Tag) -> Option<&'static MaskInfo> {
    enums::MASK_TAGS.binary_search_by_key(&tag.0, |&(t, _)| t).ok().map(|i| enums::MASK_TAGS[i].1)
}

/// The tag whose tables apply to a value: for a KMIP 1.x `AttributeValue`
/// whose sibling `AttributeName` is a standard attribute, that attribute's
/// tag; otherwise `tag` itself.
///
/// ```
/// use kmip_ttlv::{registry, Tag};
/// assert_eq!(registry::value_tag(Tag::ATTRIBUTE_VALUE, Some("State")), Tag::STATE);
/// assert_eq!(registry::value_tag(Tag::ATTRIBUTE_VALUE, Some("x-Name")), Tag::ATTRIBUTE_VALUE);
/// ```
pub fn value_tag(tag: Tag, attribute_name: Option<&str>) -> Tag {
    if tag != Tag::ATTRIBUTE_VALUE {
        return tag;
    }
    attribute_name.and_then(Tag::from_spec_name).unwrap_or(tag)
}

/// The name of enumeration value `value` of an item tagged `tag`.
pub fn enum_name(tag: Tag, value: u32) -> Option<&'static str> {
    if values_are_tags(tag) {
        return Tag::new(value).and_then(Tag::name);
    }
    enumeration(tag)?.name_of(value)
}

/// The value of the enumeration name `name` for an item tagged `tag`.
pub fn enum_value(tag: Tag, name: &str) -> Option<u32> {
    if values_are_tags(tag) {
        return Tag::from_name(name).map(Tag::value);
    }
    enumeration(tag)?.value_of(name)
}

/// True for the Enumeration tags whose values are tags: Attribute
/// Reference and Tag (KMIP 2.0+).
fn values_are_tags(tag: Tag) -> bool {
    tag == Tag::ATTRIBUTE_REFERENCE || tag == Tag::TAG
}

impl EnumerationInfo {
    /// The table row of `value`.
    pub fn entry(&self, value: u32) -> Option<&'static EnumValue> {
        let values: &'static [EnumValue] = self.values;
        values.binary_search_by_key(&value, |v| v.value).ok().map(|i| &values[i])
    }

    /// The normalized name of `value`.
    pub fn name_of(&self, value: u32) -> Option<&'static str> {
        self.entry(value).map(|v| v.name)
    }

    /// The value whose normalized name is `name`.
    pub fn value_of(&self, name: &str) -> Option<u32> {
        self.values.iter().find(|v| v.name == name).map(|v| v.value)
    }
}

impl MaskInfo {
    /// The value whose normalized name is `name`.
    pub fn bit_of(&self, name: &str) -> Option<u32> {
        self.bits.iter().find(|v| v.name == name).map(|v| v.value)
    }

    /// Writes `value` as bit names separated by `separator`, in bit order;
    /// bits without a name are written as one `0x` hex word at the end, and
    /// zero as `0x00000000`.
    pub fn format(&self, value: u32, separator: &str) -> String {
        let mut words: Vec<String> = Vec::new();
        let mut rest = value;
        for bit in self.bits {
            if bit.value != 0 && rest & bit.value == bit.value {
                words.push(bit.name.to_owned());
                rest &= !bit.value;
            }
        }
        if rest != 0 || words.is_empty() {
            words.push(format!("0x{rest:08X}"));
        }
        words.join(separator)
    }

    /// Reads a mask written as names, `0x` hex words or decimal numbers,
    /// separated by `separator` (white space around words is ignored).
    pub fn parse(&self, text: &str, separator: char) -> Option<u32> {
        let mut value = 0u32;
        for word in text.split(separator).map(str::trim).filter(|w| !w.is_empty()) {
            value |= match self.bit_of(word) {
                Some(bit) => bit,
                None => parse_u32_word(word)?,
            };
        }
        Some(value)
    }
}

/// Reads `0x`-prefixed hex or decimal as `u32`.
pub(crate) fn parse_u32_word(word: &str) -> Option<u32> {
    match word.strip_prefix("0x").or_else(|| word.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => word.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_lookups_agree() {
        for info in all_tags() {
            assert_eq!(tag_info(info.tag).map(|i| i.name), Some(info.name));
            assert_eq!(tag_by_name(info.name).map(|i| i.tag), Some(info.tag), "{}", info.name);
            assert_eq!(tag_by_spec_name(info.spec_name).map(|i| i.tag), Some(info.tag), "{}", info.spec_name);
        }
        assert!(tag_by_name("NoSuchTag").is_none());
    }

    #[test]
    fn attribute_reference_values_are_tags() {
        assert_eq!(enum_name(Tag::ATTRIBUTE_REFERENCE, 0x420001), Some("ActivationDate"));
        assert_eq!(enum_value(Tag::ATTRIBUTE_REFERENCE, "ObjectType"), Some(Tag::OBJECT_TYPE.value()));
        assert_eq!(enum_name(Tag::TAG, 0x420057), Some("ObjectType"));
        assert_eq!(enum_name(Tag::ATTRIBUTE_REFERENCE, 0x8000_0001), None);
    }
}
