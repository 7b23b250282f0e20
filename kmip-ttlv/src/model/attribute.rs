//! Attributes in one version-neutral form, with the KMIP 1.x and 2.x wire
//! forms on either side (KMIP 2.1 §4, §7.2; 1.4 §2.1.1, §3).
//!
//! | | KMIP 1.x | internal | KMIP 2.x |
//! | --- | --- | --- | --- |
//! | standard | `Attribute { AttributeName "Cryptographic Algorithm", AttributeValue }` | the item under its own tag | `<CryptographicAlgorithm …/>` |
//! | vendor | `Attribute { AttributeName "x-ID", AttributeValue }` | vendor `x`, name `ID` | `Attribute { VendorIdentification "x", AttributeName "ID", AttributeValue }` |
//!
//! KMIP 1.x custom attribute names start with `x-` (client-defined) or `y-`
//! (server-defined); 2.x writes them as vendor attributes whose Vendor
//! Identification is `x` or `y` (2.1 §4.1).

use crate::model::fields::Fields;
use crate::{Error, ErrorKind, ProtocolVersion, Tag, Ttlv, Value, registry};

/// One attribute instance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attribute {
    /// A standard attribute: the item under the attribute's own tag.
    Standard(Ttlv),
    /// A vendor (1.x custom) attribute.
    Vendor(VendorAttribute),
}

/// A vendor attribute (2.x) or custom attribute (1.x).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VendorAttribute {
    /// Vendor Identification (`x` for 1.x `x-` names, `y` for `y-`).
    pub vendor: String,
    /// Attribute Name without the 1.x prefix.
    pub name: String,
    /// The value, tagged Attribute Value.
    pub value: Value,
}

/// What names an attribute: its tag, or its vendor and name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttributeKey {
    /// A standard attribute.
    Standard(Tag),
    /// A vendor attribute.
    Vendor {
        /// Vendor Identification.
        vendor: String,
        /// Attribute Name.
        name: String,
    },
}

impl Attribute {
    /// A standard attribute from its tag and value.
    pub fn standard(tag: Tag, value: Value) -> Attribute {
        Attribute::Standard(Ttlv::new(tag, value))
    }

    /// The attribute's key.
    pub fn key(&self) -> AttributeKey {
        match self {
            Attribute::Standard(item) => AttributeKey::Standard(item.tag),
            Attribute::Vendor(v) => AttributeKey::Vendor { vendor: v.vendor.clone(), name: v.name.clone() },
        }
    }

    /// The attribute's value.
    pub fn value(&self) -> &Value {
        match self {
            Attribute::Standard(item) => &item.value,
            Attribute::Vendor(v) => &v.value,
        }
    }

    /// The attribute's value, to change it.
    pub fn value_mut(&mut self) -> &mut Value {
        match self {
            Attribute::Standard(item) => &mut item.value,
            Attribute::Vendor(v) => &mut v.value,
        }
    }

    /// Reads a KMIP 1.x `Attribute` structure: the attribute and its
    /// Attribute Index, if one was given.
    pub fn from_1x(item: &Ttlv) -> Result<(Attribute, Option<i32>), Error> {
        let fields = Fields::of(item)?;
        let name = fields.text(Tag::ATTRIBUTE_NAME)?.ok_or_else(|| fields.missing(Tag::ATTRIBUTE_NAME))?;
        let index = fields.integer(Tag::ATTRIBUTE_INDEX)?;
        let value = fields.required(Tag::ATTRIBUTE_VALUE)?.value.clone();
        let key = AttributeKey::from_1x_name(name).map_err(|e| e.within(item.tag))?;
        Ok((key.with_value(value), index))
    }

    /// Writes the KMIP 1.x `Attribute` structure.
    pub fn to_1x(&self, index: Option<i32>) -> Ttlv {
        let mut children = vec![Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(self.key().to_1x_name()))];
        if let Some(index) = index {
            children.push(Ttlv::new(Tag::ATTRIBUTE_INDEX, Value::Integer(index)));
        }
        children.push(Ttlv::new(Tag::ATTRIBUTE_VALUE, self.value().clone()));
        Ttlv::structure(Tag::ATTRIBUTE, children)
    }

    /// Reads a KMIP 2.x attribute: a standard attribute under its own tag,
    /// or a vendor attribute (`Attribute` with Vendor Identification).
    pub fn from_2x(item: &Ttlv) -> Result<Attribute, Error> {
        if item.tag != Tag::ATTRIBUTE {
            if registry::tag_info(item.tag).is_none() && !item.tag.is_extension() {
                return Err(Error::at(
                    ErrorKind::UnknownName { what: "attribute", name: item.tag.to_string() },
                    None,
                    &[item.tag],
                ));
            }
            return Ok(Attribute::Standard(item.clone()));
        }
        let fields = Fields::of(item)?;
        let vendor =
            fields.text(Tag::VENDOR_IDENTIFICATION)?.ok_or_else(|| fields.missing(Tag::VENDOR_IDENTIFICATION))?;
        let name = fields.text(Tag::ATTRIBUTE_NAME)?.ok_or_else(|| fields.missing(Tag::ATTRIBUTE_NAME))?;
        let value = fields.required(Tag::ATTRIBUTE_VALUE)?.value.clone();
        Ok(Attribute::Vendor(VendorAttribute { vendor: vendor.to_owned(), name: name.to_owned(), value }))
    }

    /// Writes the KMIP 2.x form.
    pub fn to_2x(&self) -> Ttlv {
        match self {
            Attribute::Standard(item) => item.clone(),
            Attribute::Vendor(v) => Ttlv::structure(
                Tag::ATTRIBUTE,
                vec![
                    Ttlv::new(Tag::VENDOR_IDENTIFICATION, Value::TextString(v.vendor.clone())),
                    Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(v.name.clone())),
                    Ttlv::new(Tag::ATTRIBUTE_VALUE, v.value.clone()),
                ],
            ),
        }
    }

    /// The form for `version`: [`Attribute::to_1x`] (without index) or
    /// [`Attribute::to_2x`].
    pub fn to_version(&self, version: ProtocolVersion) -> Ttlv {
        if version.is_2x() { self.to_2x() } else { self.to_1x(None) }
    }
}

impl AttributeKey {
    /// The key a KMIP 1.x Attribute Name names: `x-…`/`y-…` custom names,
    /// or a standard attribute's specification name.
    pub fn from_1x_name(name: &str) -> Result<AttributeKey, Error> {
        for prefix in ["x-", "y-"] {
            if let Some(rest) = name.strip_prefix(prefix) {
                return Ok(AttributeKey::Vendor { vendor: prefix[..1].to_owned(), name: rest.to_owned() });
            }
        }
        match Tag::from_spec_name(name) {
            Some(tag) if rule(tag).is_some() => Ok(AttributeKey::Standard(tag)),
            _ => Err(Error::at(
                ErrorKind::UnknownName { what: "attribute", name: name.to_owned() },
                None,
                &[Tag::ATTRIBUTE_NAME],
            )),
        }
    }

    /// The KMIP 1.x Attribute Name.
    pub fn to_1x_name(&self) -> String {
        match self {
            AttributeKey::Standard(tag) => {
                registry::tag_info(*tag).map_or_else(|| tag.to_string(), |info| info.spec_name.to_owned())
            }
            AttributeKey::Vendor { vendor, name } => format!("{vendor}-{name}"),
        }
    }

    /// The key a KMIP 2.x Attribute Reference names: an Enumeration whose
    /// value is the attribute's tag, or a Structure of Vendor
    /// Identification and Attribute Name.
    pub fn from_reference(item: &Ttlv) -> Result<AttributeKey, Error> {
        match &item.value {
            Value::Enumeration(tag) => match Tag::new(*tag) {
                Some(tag) => Ok(AttributeKey::Standard(tag)),
                None => Err(Error::at(ErrorKind::InvalidField(format!("0x{tag:08X} is not a tag")), None, &[item.tag])),
            },
            Value::Structure(_) => {
                let fields = Fields::of(item)?;
                let vendor = fields
                    .text(Tag::VENDOR_IDENTIFICATION)?
                    .ok_or_else(|| fields.missing(Tag::VENDOR_IDENTIFICATION))?;
                let name = fields.text(Tag::ATTRIBUTE_NAME)?.ok_or_else(|| fields.missing(Tag::ATTRIBUTE_NAME))?;
                Ok(AttributeKey::Vendor { vendor: vendor.to_owned(), name: name.to_owned() })
            }
            _ => Err(Error::at(
                ErrorKind::InvalidField("Attribute Reference must be an Enumeration or a Structure".into()),
                None,
                &[item.tag],
            )),
        }
    }

    /// The KMIP 2.x Attribute Reference.
    pub fn to_reference(&self) -> Ttlv {
        match self {
            AttributeKey::Standard(tag) => Ttlv::new(Tag::ATTRIBUTE_REFERENCE, Value::Enumeration(tag.value())),
            AttributeKey::Vendor { vendor, name } => Ttlv::structure(
                Tag::ATTRIBUTE_REFERENCE,
                vec![
                    Ttlv::new(Tag::VENDOR_IDENTIFICATION, Value::TextString(vendor.clone())),
                    Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(name.clone())),
                ],
            ),
        }
    }

    /// An attribute with this key and `value`.
    pub fn with_value(self, value: Value) -> Attribute {
        match self {
            AttributeKey::Standard(tag) => Attribute::standard(tag, value),
            AttributeKey::Vendor { vendor, name } => Attribute::Vendor(VendorAttribute { vendor, name, value }),
        }
    }

    /// The rule for a standard attribute, or the rule for vendor attributes.
    pub fn rule(&self) -> &'static AttributeRule {
        match self {
            AttributeKey::Standard(tag) => rule(*tag).unwrap_or(&UNKNOWN_RULE),
            AttributeKey::Vendor { vendor, .. } if vendor == "y" => &SERVER_VENDOR_RULE,
            AttributeKey::Vendor { .. } => &VENDOR_RULE,
        }
    }

    /// True if `version` defines this attribute (vendor attributes exist in
    /// every version).
    pub fn exists_in(&self, version: ProtocolVersion) -> bool {
        match self {
            // A field since 1.0 (in Digest, Key Block), an attribute only
            // since 2.0 (KMIP 2.0 §4.26); PyKMIP's 1.x decoder rejects it.
            AttributeKey::Standard(tag) if *tag == Tag::KEY_FORMAT_TYPE => version >= ProtocolVersion::V2_0,
            AttributeKey::Standard(tag) => registry::tag_info(*tag).is_some_and(|info| {
                info.first_version <= version && info.removed_in.is_none_or(|removed| version < removed)
            }),
            AttributeKey::Vendor { .. } => true,
        }
    }
}

/// Who may do what with an attribute (KMIP 2.1 §4, the "Attribute rules"
/// table of each attribute; 1.4 §3).
#[derive(Debug, PartialEq, Eq)]
pub struct AttributeRule {
    /// The attribute's tag (`Tag::ATTRIBUTE` for vendor attributes).
    pub tag: Tag,
    /// More than one instance allowed.
    pub multiple: bool,
    /// A client may supply it when the object is created or registered.
    pub client_sets: bool,
    /// A client may change it afterwards ([`ClientChange`]).
    pub client_modifies: ClientChange,
    /// A client may delete it.
    pub client_deletes: bool,
}

/// When a client may change an attribute after creation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientChange {
    /// Never: the server sets it ("Attribute Read Only").
    Never,
    /// Any time.
    Always,
    /// Only while the object is Pre-Active (Activation Date, Process Start
    /// Date, Protect Stop Date).
    WhilePreActive,
    /// Only while Pre-Active or Active (Deactivation Date).
    BeforeDeactivation,
    /// Only from false to true (Sensitive).
    OnlyToTrue,
    /// Only from true to false (Extractable).
    OnlyToFalse,
}

const fn r(
    tag: Tag,
    multiple: bool,
    client_sets: bool,
    client_modifies: ClientChange,
    client_deletes: bool,
) -> AttributeRule {
    AttributeRule { tag, multiple, client_sets, client_modifies, client_deletes }
}

use ClientChange::{Always, BeforeDeactivation, Never, OnlyToFalse, OnlyToTrue, WhilePreActive};

/// Server-set, single.
const fn server(tag: Tag) -> AttributeRule {
    r(tag, false, false, Never, false)
}

/// Client-managed, single, deletable.
const fn client(tag: Tag) -> AttributeRule {
    r(tag, false, true, Always, true)
}

/// Client-managed, multiple, deletable.
const fn client_multi(tag: Tag) -> AttributeRule {
    r(tag, true, true, Always, true)
}

/// Set once by the client at creation.
const fn at_creation(tag: Tag) -> AttributeRule {
    r(tag, false, true, Never, false)
}

static RULES: &[AttributeRule] = &[
    server(Tag::UNIQUE_IDENTIFIER),
    client_multi(Tag::NAME),
    server(Tag::OBJECT_TYPE),
    at_creation(Tag::CRYPTOGRAPHIC_ALGORITHM),
    at_creation(Tag::CRYPTOGRAPHIC_LENGTH),
    client_multi(Tag::CRYPTOGRAPHIC_PARAMETERS),
    at_creation(Tag::CRYPTOGRAPHIC_DOMAIN_PARAMETERS),
    server(Tag::CERTIFICATE_TYPE),
    server(Tag::CERTIFICATE_LENGTH),
    server(Tag::X_509_CERTIFICATE_IDENTIFIER),
    server(Tag::X_509_CERTIFICATE_SUBJECT),
    server(Tag::X_509_CERTIFICATE_ISSUER),
    server(Tag::CERTIFICATE_IDENTIFIER),
    server(Tag::CERTIFICATE_SUBJECT),
    server(Tag::CERTIFICATE_ISSUER),
    r(Tag::DIGITAL_SIGNATURE_ALGORITHM, true, false, Never, false),
    r(Tag::DIGEST, true, false, Never, false),
    client(Tag::OPERATION_POLICY_NAME),
    at_creation(Tag::CRYPTOGRAPHIC_USAGE_MASK),
    server(Tag::LEASE_TIME),
    at_creation(Tag::USAGE_LIMITS),
    server(Tag::STATE),
    server(Tag::INITIAL_DATE),
    r(Tag::ACTIVATION_DATE, false, true, WhilePreActive, false),
    r(Tag::PROCESS_START_DATE, false, true, WhilePreActive, false),
    r(Tag::PROTECT_STOP_DATE, false, true, WhilePreActive, false),
    r(Tag::DEACTIVATION_DATE, false, true, BeforeDeactivation, false),
    server(Tag::DESTROY_DATE),
    server(Tag::COMPROMISE_OCCURRENCE_DATE),
    server(Tag::COMPROMISE_DATE),
    server(Tag::REVOCATION_REASON),
    server(Tag::ARCHIVE_DATE),
    client_multi(Tag::OBJECT_GROUP),
    at_creation(Tag::FRESH),
    client_multi(Tag::LINK),
    client_multi(Tag::APPLICATION_SPECIFIC_INFORMATION),
    client(Tag::CONTACT_INFORMATION),
    server(Tag::LAST_CHANGE_DATE),
    client_multi(Tag::ALTERNATIVE_NAME),
    server(Tag::KEY_VALUE_PRESENT),
    client_multi(Tag::KEY_VALUE_LOCATION),
    at_creation(Tag::ORIGINAL_CREATION_DATE),
    at_creation(Tag::RANDOM_NUMBER_GENERATOR),
    client(Tag::PKCS_12_FRIENDLY_NAME),
    client(Tag::DESCRIPTION),
    client(Tag::COMMENT),
    r(Tag::SENSITIVE, false, true, OnlyToTrue, false),
    server(Tag::ALWAYS_SENSITIVE),
    r(Tag::EXTRACTABLE, false, true, OnlyToFalse, false),
    server(Tag::NEVER_EXTRACTABLE),
    server(Tag::CERTIFICATE_SUBJECT_CN),
    server(Tag::CERTIFICATE_SUBJECT_O),
    server(Tag::CERTIFICATE_SUBJECT_OU),
    server(Tag::CERTIFICATE_SUBJECT_EMAIL),
    server(Tag::CERTIFICATE_SUBJECT_C),
    server(Tag::CERTIFICATE_SUBJECT_ST),
    server(Tag::CERTIFICATE_SUBJECT_L),
    server(Tag::CERTIFICATE_SUBJECT_UID),
    server(Tag::CERTIFICATE_SUBJECT_SERIAL_NUMBER),
    server(Tag::CERTIFICATE_SUBJECT_TITLE),
    server(Tag::CERTIFICATE_SUBJECT_DC),
    server(Tag::CERTIFICATE_SUBJECT_DN_QUALIFIER),
    server(Tag::CERTIFICATE_ISSUER_CN),
    server(Tag::CERTIFICATE_ISSUER_O),
    server(Tag::CERTIFICATE_ISSUER_OU),
    server(Tag::CERTIFICATE_ISSUER_EMAIL),
    server(Tag::CERTIFICATE_ISSUER_C),
    server(Tag::CERTIFICATE_ISSUER_ST),
    server(Tag::CERTIFICATE_ISSUER_L),
    server(Tag::CERTIFICATE_ISSUER_UID),
    server(Tag::CERTIFICATE_ISSUER_SERIAL_NUMBER),
    server(Tag::CERTIFICATE_ISSUER_TITLE),
    server(Tag::CERTIFICATE_ISSUER_DC),
    server(Tag::CERTIFICATE_ISSUER_DN_QUALIFIER),
    server(Tag::SHORT_UNIQUE_IDENTIFIER),
    server(Tag::KEY_FORMAT_TYPE),
    server(Tag::PROTECTION_STORAGE_MASK),
    client(Tag::PROTECTION_LEVEL),
    client(Tag::PROTECTION_PERIOD),
    client(Tag::QUANTUM_SAFE),
    client(Tag::NIST_KEY_TYPE),
    client(Tag::CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER),
];

static VENDOR_RULE: AttributeRule = client_multi(Tag::ATTRIBUTE);
static SERVER_VENDOR_RULE: AttributeRule = r(Tag::ATTRIBUTE, true, false, Never, false);
static UNKNOWN_RULE: AttributeRule = server(Tag::ATTRIBUTE);

/// The rule for the standard attribute `tag`; `None` if `tag` is not an
/// attribute.
pub fn rule(tag: Tag) -> Option<&'static AttributeRule> {
    RULES.iter().find(|rule| rule.tag == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(tag: Tag, v: &str) -> Ttlv {
        Ttlv::new(tag, Value::TextString(v.into()))
    }

    #[test]
    fn kmip_1_standard_attribute_both_ways() {
        let wire = Ttlv::structure(
            Tag::ATTRIBUTE,
            vec![
                text(Tag::ATTRIBUTE_NAME, "Cryptographic Algorithm"),
                Ttlv::new(Tag::ATTRIBUTE_VALUE, Value::Enumeration(3)),
            ],
        );
        let (attribute, index) = Attribute::from_1x(&wire).expect("valid");
        assert_eq!(attribute, Attribute::standard(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(3)));
        assert_eq!(index, None);
        assert_eq!(attribute.to_1x(None), wire);
        assert_eq!(attribute.to_2x(), Ttlv::new(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(3)));
    }

    #[test]
    fn custom_attributes_become_vendor_attributes() {
        let wire = Ttlv::structure(
            Tag::ATTRIBUTE,
            vec![
                text(Tag::ATTRIBUTE_NAME, "x-ID"),
                Ttlv::new(Tag::ATTRIBUTE_INDEX, Value::Integer(1)),
                text(Tag::ATTRIBUTE_VALUE, "tape-1"),
            ],
        );
        let (attribute, index) = Attribute::from_1x(&wire).expect("valid");
        assert_eq!(index, Some(1));
        assert_eq!(attribute.key(), AttributeKey::Vendor { vendor: "x".into(), name: "ID".into() });
        let v2 = attribute.to_2x();
        assert_eq!(v2.child(Tag::VENDOR_IDENTIFICATION).map(|v| &v.value), Some(&Value::TextString("x".into())));
        assert_eq!(Attribute::from_2x(&v2), Ok(attribute.clone()));
        assert_eq!(attribute.to_1x(Some(1)), wire);
    }

    #[test]
    fn unknown_1x_names_are_errors() {
        let wire = Ttlv::structure(
            Tag::ATTRIBUTE,
            vec![text(Tag::ATTRIBUTE_NAME, "Favourite Colour"), text(Tag::ATTRIBUTE_VALUE, "blue")],
        );
        assert!(matches!(Attribute::from_1x(&wire).map_err(|e| e.kind().clone()), Err(ErrorKind::UnknownName { .. })));
    }

    #[test]
    fn references_name_tags_or_vendor_attributes() {
        let by_tag = Ttlv::new(Tag::ATTRIBUTE_REFERENCE, Value::Enumeration(Tag::STATE.value()));
        assert_eq!(AttributeKey::from_reference(&by_tag), Ok(AttributeKey::Standard(Tag::STATE)));
        let key = AttributeKey::Vendor { vendor: "x".into(), name: "ID".into() };
        assert_eq!(AttributeKey::from_reference(&key.to_reference()), Ok(key));
    }

    #[test]
    fn rules_and_versions() {
        assert!(AttributeKey::Standard(Tag::NAME).rule().multiple);
        assert_eq!(AttributeKey::Standard(Tag::STATE).rule().client_modifies, ClientChange::Never);
        assert!(AttributeKey::Standard(Tag::FRESH).exists_in(ProtocolVersion::V1_1));
        assert!(!AttributeKey::Standard(Tag::FRESH).exists_in(ProtocolVersion::V1_0));
        assert!(!AttributeKey::Standard(Tag::OPERATION_POLICY_NAME).exists_in(ProtocolVersion::V2_0));
        assert!(!AttributeKey::Standard(Tag::SHORT_UNIQUE_IDENTIFIER).exists_in(ProtocolVersion::V1_4));
        assert_eq!(AttributeKey::Standard(Tag::NAME).to_1x_name(), "Name");
    }

    #[test]
    fn key_format_type_is_an_attribute_from_2_0_only() {
        let key = AttributeKey::Standard(Tag::KEY_FORMAT_TYPE);
        assert!(!key.exists_in(ProtocolVersion::V1_4));
        assert!(key.exists_in(ProtocolVersion::V2_0));
        assert!(AttributeKey::Standard(Tag::STATE).exists_in(ProtocolVersion::V1_0));
    }
}
