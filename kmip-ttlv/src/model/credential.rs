//! Authentication and Credential (KMIP 2.1 §8, 1.4 §6.6 and §2.1.2).
//!
//! Credentials are decoded so that the server can see them and log their
//! type; acting on them (checking a password, a device identity) is the
//! server's business. Values print redacted: `Debug` never shows a password
//! or a credential value the model does not type.

use std::fmt;

use crate::enums::CredentialType;
use crate::model::reader::{self, Reader, UnknownField, Writer};
use crate::{Error, Tag, Ttlv, Value};

/// Authentication (KMIP 2.1 §8, 1.4 §6.6): one or more credentials, all of
/// which the server must accept.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Authentication {
    /// Credential, one or more.
    pub credentials: Vec<Credential>,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// Credential (KMIP 1.4 §2.1.2; 2.1 Credential): a Credential Type and a
/// Credential Value whose form the type decides.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Credential {
    /// Credential Type.
    pub credential_type: CredentialType,
    /// Credential Value, read according to `credential_type` when decoded.
    pub credential_value: CredentialValue,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// A Credential Value: typed for Username and Password and for Device, kept
/// as the raw tree for the other types (Attestation, One Time Password,
/// Hashed Password, Ticket and vendor types).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialValue {
    /// Credential Type Username and Password (`0x01`).
    UsernameAndPassword(UsernameAndPassword),
    /// Credential Type Device (`0x02`, KMIP 1.1+).
    Device(Device),
    /// Any other type: the Credential Value item as decoded.
    Other(Ttlv),
}

/// The Username and Password credential value (KMIP 1.4 §2.1.2).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct UsernameAndPassword {
    /// Username.
    pub username: String,
    /// Password, optional.
    pub password: Option<String>,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// The Device credential value (KMIP 1.4 §2.1.2, since 1.1): any of the
/// identifiers, all Text Strings.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Device {
    /// Device Serial Number.
    pub device_serial_number: Option<String>,
    /// Password.
    pub password: Option<String>,
    /// Device Identifier.
    pub device_identifier: Option<String>,
    /// Network Identifier.
    pub network_identifier: Option<String>,
    /// Machine Identifier.
    pub machine_identifier: Option<String>,
    /// Media Identifier.
    pub media_identifier: Option<String>,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

impl Authentication {
    const FIELDS: &'static [Tag] = &[Tag::CREDENTIAL];

    /// Decodes an Authentication structure. At least one Credential is
    /// required.
    pub fn from_ttlv(item: &Ttlv) -> Result<Authentication, Error> {
        let mut r = Reader::new(item, Tag::AUTHENTICATION, Self::FIELDS)?;
        let credentials = r.repeated(Tag::CREDENTIAL, Credential::from_ttlv)?;
        if credentials.is_empty() {
            return Err(r.missing(Tag::CREDENTIAL));
        }
        Ok(Authentication { credentials, unknown_fields: r.finish()? })
    }

    /// Encodes the Authentication structure.
    pub fn to_ttlv(&self) -> Ttlv {
        let mut w = Writer::new();
        for credential in &self.credentials {
            w.item(credential.to_ttlv());
        }
        w.finish(Tag::AUTHENTICATION, &self.unknown_fields)
    }

    pub(crate) fn first_unknown(&self) -> Option<Error> {
        reader::first_unknown(Tag::AUTHENTICATION, &self.unknown_fields).or_else(|| {
            self.credentials.iter().find_map(Credential::first_unknown).map(|e| e.within(Tag::AUTHENTICATION))
        })
    }
}

impl Credential {
    const FIELDS: &'static [Tag] = &[Tag::CREDENTIAL_TYPE, Tag::CREDENTIAL_VALUE];

    /// A Username and Password credential.
    pub fn username_and_password(username: impl Into<String>, password: Option<String>) -> Credential {
        Credential {
            credential_type: CredentialType::USERNAME_AND_PASSWORD,
            credential_value: CredentialValue::UsernameAndPassword(UsernameAndPassword {
                username: username.into(),
                password,
                unknown_fields: Vec::new(),
            }),
            unknown_fields: Vec::new(),
        }
    }

    /// A Device credential.
    pub fn device(device: Device) -> Credential {
        Credential {
            credential_type: CredentialType::DEVICE,
            credential_value: CredentialValue::Device(device),
            unknown_fields: Vec::new(),
        }
    }

    /// Decodes a Credential structure; the Credential Type decides how the
    /// Credential Value is read.
    pub fn from_ttlv(item: &Ttlv) -> Result<Credential, Error> {
        let mut r = Reader::new(item, Tag::CREDENTIAL, Self::FIELDS)?;
        let credential_type = r.required(Tag::CREDENTIAL_TYPE, |i| reader::enumeration(i).map(CredentialType))?;
        let credential_value = r.required(Tag::CREDENTIAL_VALUE, |i| CredentialValue::from_ttlv(credential_type, i))?;
        Ok(Credential { credential_type, credential_value, unknown_fields: r.finish()? })
    }

    /// Encodes the Credential structure.
    pub fn to_ttlv(&self) -> Ttlv {
        let mut w = Writer::new();
        w.value(Tag::CREDENTIAL_TYPE, Value::Enumeration(self.credential_type.0));
        w.item(self.credential_value.to_ttlv());
        w.finish(Tag::CREDENTIAL, &self.unknown_fields)
    }

    fn first_unknown(&self) -> Option<Error> {
        let in_value = match &self.credential_value {
            CredentialValue::UsernameAndPassword(v) => reader::first_unknown(Tag::CREDENTIAL_VALUE, &v.unknown_fields),
            CredentialValue::Device(v) => reader::first_unknown(Tag::CREDENTIAL_VALUE, &v.unknown_fields),
            CredentialValue::Other(_) => None,
        };
        reader::first_unknown(Tag::CREDENTIAL, &self.unknown_fields)
            .or_else(|| in_value.map(|e| e.within(Tag::CREDENTIAL)))
    }
}

impl CredentialValue {
    const USERNAME_AND_PASSWORD: &'static [Tag] = &[Tag::USERNAME, Tag::PASSWORD];
    const DEVICE: &'static [Tag] = &[
        Tag::DEVICE_SERIAL_NUMBER,
        Tag::PASSWORD,
        Tag::DEVICE_IDENTIFIER,
        Tag::NETWORK_IDENTIFIER,
        Tag::MACHINE_IDENTIFIER,
        Tag::MEDIA_IDENTIFIER,
    ];

    /// Decodes a Credential Value of the given type.
    pub fn from_ttlv(credential_type: CredentialType, item: &Ttlv) -> Result<CredentialValue, Error> {
        if credential_type == CredentialType::USERNAME_AND_PASSWORD {
            let mut r = Reader::new(item, Tag::CREDENTIAL_VALUE, Self::USERNAME_AND_PASSWORD)?;
            let username = r.required(Tag::USERNAME, reader::text)?;
            let password = r.optional(Tag::PASSWORD, reader::text)?;
            let unknown_fields = r.finish()?;
            return Ok(CredentialValue::UsernameAndPassword(UsernameAndPassword {
                username,
                password,
                unknown_fields,
            }));
        }
        if credential_type == CredentialType::DEVICE {
            let mut r = Reader::new(item, Tag::CREDENTIAL_VALUE, Self::DEVICE)?;
            let device = Device {
                device_serial_number: r.optional(Tag::DEVICE_SERIAL_NUMBER, reader::text)?,
                password: r.optional(Tag::PASSWORD, reader::text)?,
                device_identifier: r.optional(Tag::DEVICE_IDENTIFIER, reader::text)?,
                network_identifier: r.optional(Tag::NETWORK_IDENTIFIER, reader::text)?,
                machine_identifier: r.optional(Tag::MACHINE_IDENTIFIER, reader::text)?,
                media_identifier: r.optional(Tag::MEDIA_IDENTIFIER, reader::text)?,
                unknown_fields: r.finish()?,
            };
            return Ok(CredentialValue::Device(device));
        }
        Ok(CredentialValue::Other(item.clone()))
    }

    /// Encodes the Credential Value item.
    pub fn to_ttlv(&self) -> Ttlv {
        match self {
            CredentialValue::UsernameAndPassword(v) => {
                let mut w = Writer::new();
                w.value(Tag::USERNAME, Value::TextString(v.username.clone()));
                w.optional(Tag::PASSWORD, v.password.clone(), Value::TextString);
                w.finish(Tag::CREDENTIAL_VALUE, &v.unknown_fields)
            }
            CredentialValue::Device(v) => {
                let mut w = Writer::new();
                w.optional(Tag::DEVICE_SERIAL_NUMBER, v.device_serial_number.clone(), Value::TextString);
                w.optional(Tag::PASSWORD, v.password.clone(), Value::TextString);
                w.optional(Tag::DEVICE_IDENTIFIER, v.device_identifier.clone(), Value::TextString);
                w.optional(Tag::NETWORK_IDENTIFIER, v.network_identifier.clone(), Value::TextString);
                w.optional(Tag::MACHINE_IDENTIFIER, v.machine_identifier.clone(), Value::TextString);
                w.optional(Tag::MEDIA_IDENTIFIER, v.media_identifier.clone(), Value::TextString);
                w.finish(Tag::CREDENTIAL_VALUE, &v.unknown_fields)
            }
            CredentialValue::Other(item) => item.clone(),
        }
    }
}

fn redacted(secret: &Option<String>) -> Option<&'static str> {
    secret.as_ref().map(|_| "<redacted>")
}

impl fmt::Debug for UsernameAndPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UsernameAndPassword")
            .field("username", &self.username)
            .field("password", &redacted(&self.password))
            .field("unknown_fields", &self.unknown_fields.len())
            .finish()
    }
}

impl fmt::Debug for Device {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Device")
            .field("device_serial_number", &self.device_serial_number)
            .field("password", &redacted(&self.password))
            .field("device_identifier", &self.device_identifier)
            .field("network_identifier", &self.network_identifier)
            .field("machine_identifier", &self.machine_identifier)
            .field("media_identifier", &self.media_identifier)
            .field("unknown_fields", &self.unknown_fields.len())
            .finish()
    }
}

impl fmt::Debug for CredentialValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialValue::UsernameAndPassword(v) => fmt::Debug::fmt(v, f),
            CredentialValue::Device(v) => fmt::Debug::fmt(v, f),
            CredentialValue::Other(item) => write!(f, "Other({} {}, <redacted>)", item.tag, item.item_type()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorKind, ItemType};

    fn text(tag: Tag, s: &str) -> Ttlv {
        Ttlv::new(tag, Value::TextString(s.into()))
    }

    fn credential(credential_type: u32, value: Vec<Ttlv>) -> Ttlv {
        Ttlv::structure(
            Tag::CREDENTIAL,
            vec![
                Ttlv::new(Tag::CREDENTIAL_TYPE, Value::Enumeration(credential_type)),
                Ttlv::structure(Tag::CREDENTIAL_VALUE, value),
            ],
        )
    }

    #[test]
    fn username_and_password_round_trip() {
        let tree = credential(0x01, vec![text(Tag::USERNAME, "Fred"), text(Tag::PASSWORD, "password1")]);
        let c = Credential::from_ttlv(&tree).expect("decode");
        assert_eq!(c, Credential::username_and_password("Fred", Some("password1".into())));
        assert_eq!(c.to_ttlv(), tree);
        let debug = format!("{c:?}");
        assert!(debug.contains("Fred") && !debug.contains("password1"), "{debug}");
    }

    #[test]
    fn device_round_trip() {
        let tree = credential(
            0x02,
            vec![
                text(Tag::DEVICE_SERIAL_NUMBER, "serNum123456"),
                text(Tag::PASSWORD, "secret"),
                text(Tag::DEVICE_IDENTIFIER, "devID2233"),
                text(Tag::NETWORK_IDENTIFIER, "netID9000"),
                text(Tag::MACHINE_IDENTIFIER, "machineID1"),
                text(Tag::MEDIA_IDENTIFIER, "mediaID313"),
            ],
        );
        let c = Credential::from_ttlv(&tree).expect("decode");
        let CredentialValue::Device(device) = &c.credential_value else { panic!("not a device: {c:?}") };
        assert_eq!(device.machine_identifier.as_deref(), Some("machineID1"));
        assert_eq!(c.to_ttlv(), tree);
        assert!(!format!("{c:?}").contains("secret"));
    }

    #[test]
    fn other_types_keep_the_tree() {
        let tree =
            credential(0x06, vec![Ttlv::new(Tag::new(0x540010).expect("tag"), Value::ByteString(vec![1, 2].into()))]);
        let c = Credential::from_ttlv(&tree).expect("decode");
        assert!(matches!(c.credential_value, CredentialValue::Other(_)));
        assert_eq!(c.to_ttlv(), tree);
        assert_eq!(format!("{:?}", c.credential_value), "Other(CredentialValue Structure, <redacted>)");
    }

    #[test]
    fn malformed_credentials() {
        let missing_username = credential(0x01, vec![text(Tag::PASSWORD, "x")]);
        let e = Credential::from_ttlv(&missing_username).expect_err("missing");
        assert_eq!(e.kind(), &ErrorKind::MissingField(Tag::USERNAME));
        assert_eq!(e.path(), [Tag::CREDENTIAL, Tag::CREDENTIAL_VALUE]);

        let wrong_type = credential(0x01, vec![Ttlv::new(Tag::USERNAME, Value::Integer(1))]);
        let e = Credential::from_ttlv(&wrong_type).expect_err("type");
        assert_eq!(e.kind(), &ErrorKind::UnexpectedType { expected: ItemType::TextString, found: ItemType::Integer });
        assert_eq!(e.path(), [Tag::CREDENTIAL, Tag::CREDENTIAL_VALUE, Tag::USERNAME]);

        let empty = Ttlv::structure(Tag::AUTHENTICATION, vec![]);
        let e = Authentication::from_ttlv(&empty).expect_err("empty");
        assert_eq!(e.kind(), &ErrorKind::MissingField(Tag::CREDENTIAL));
    }
}
