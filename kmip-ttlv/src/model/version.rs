//! Where KMIP 1.x and 2.x message envelopes differ, mapped onto one model.
//!
//! The envelope is almost the same in every version (KMIP 2.1 §8–9, 1.4
//! §6–7). The differences that matter here:
//!
//! - Asynchronous Indicator is a Boolean in 1.x and an Enumeration in 2.x
//!   ([`AsynchronousIndicator`] keeps whichever was sent);
//! - Batch Order Option defaults to False in 1.x and True in 2.x
//!   ([`RequestHeader::batch_order`]);
//! - fields that a version does not define (Ephemeral and Server Hashed
//!   Password before 2.0, the correlation values before 1.4, attestation
//!   before 1.2) are found by [`RequestMessage::check_version`].

use crate::enums;
use crate::model::reader::{self, Reader, Writer};
use crate::model::{RequestHeader, RequestMessage, ResponseMessage};
use crate::{Error, ErrorKind, ItemType, ProtocolVersion, Tag, Ttlv, Value, registry};

/// Asynchronous Indicator (KMIP 2.1 §8 Message Data Structures, 1.4 §6.7): whether the
/// client accepts an Operation Pending answer.
///
/// KMIP 1.x encodes it as a Boolean (True: the client accepts an
/// asynchronous response), KMIP 2.x as an Enumeration (Mandatory, Optional,
/// Prohibited). Both forms decode, whatever the header's version says, and
/// re-encode as they came; [`RequestMessage::check_version`] reports a form
/// that does not match the version.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum AsynchronousIndicator {
    /// The KMIP 1.x Boolean.
    Boolean(bool),
    /// The KMIP 2.x Enumeration.
    Enumeration(enums::AsynchronousIndicator),
}

impl AsynchronousIndicator {
    /// The indicator as the 2.x enumeration: a 1.x True allows an
    /// asynchronous answer (Optional), False forbids it (Prohibited).
    pub fn as_enumeration(self) -> enums::AsynchronousIndicator {
        match self {
            AsynchronousIndicator::Boolean(true) => enums::AsynchronousIndicator::OPTIONAL,
            AsynchronousIndicator::Boolean(false) => enums::AsynchronousIndicator::PROHIBITED,
            AsynchronousIndicator::Enumeration(e) => e,
        }
    }

    /// The form the version defines: a Boolean for 1.x (True unless
    /// Prohibited), the Enumeration for 2.x.
    pub fn for_version(value: enums::AsynchronousIndicator, version: ProtocolVersion) -> AsynchronousIndicator {
        if version.is_2x() {
            AsynchronousIndicator::Enumeration(value)
        } else {
            AsynchronousIndicator::Boolean(value != enums::AsynchronousIndicator::PROHIBITED)
        }
    }

    pub(crate) fn from_ttlv(item: &Ttlv) -> Result<AsynchronousIndicator, Error> {
        match item.value {
            Value::Boolean(b) => Ok(AsynchronousIndicator::Boolean(b)),
            Value::Enumeration(e) => Ok(AsynchronousIndicator::Enumeration(enums::AsynchronousIndicator(e))),
            _ => Err(Error::at(
                ErrorKind::UnexpectedType { expected: ItemType::Enumeration, found: item.item_type() },
                None,
                &[item.tag],
            )),
        }
    }

    pub(crate) fn to_value(self) -> Value {
        match self {
            AsynchronousIndicator::Boolean(b) => Value::Boolean(b),
            AsynchronousIndicator::Enumeration(e) => Value::Enumeration(e.0),
        }
    }
}

impl RequestHeader {
    /// Whether the items must run in order: the Batch Order Option, or its
    /// default when absent (KMIP 1.4 §6.12: False; 2.1 §8: True).
    pub fn batch_order(&self) -> bool {
        self.batch_order_option.unwrap_or(self.protocol_version.is_2x())
    }

    /// The Batch Error Continuation Option, or Stop when absent (KMIP 2.1
    /// §8, 1.4 §6.13).
    pub fn batch_error_continuation(&self) -> enums::BatchErrorContinuationOption {
        self.batch_error_continuation_option.unwrap_or(enums::BatchErrorContinuationOption::STOP)
    }

    /// The Asynchronous Indicator as the 2.x enumeration, Prohibited when
    /// absent (KMIP 2.1 §8).
    pub fn asynchronous(&self) -> enums::AsynchronousIndicator {
        self.asynchronous_indicator
            .map_or(enums::AsynchronousIndicator::PROHIBITED, AsynchronousIndicator::as_enumeration)
    }
}

impl RequestMessage {
    /// Checks the envelope against the version in its header.
    ///
    /// Reports, as an error at the field's location:
    /// - a field the version does not define (registry first version and
    ///   removal; e.g. Ephemeral in a 1.4 request, Client Correlation Value
    ///   in 1.2) as [`ErrorKind::UnexpectedField`];
    /// - an Asynchronous Indicator in the other version's form as
    ///   [`ErrorKind::UnexpectedType`].
    ///
    /// Payloads are not inspected. Per KMIP 1.4 §11.1 a server answers
    /// Invalid Field when the version is one it implements fully, and
    /// ignores such fields for a higher minor version.
    pub fn check_version(&self) -> Result<(), Error> {
        let version = self.header.protocol_version;
        if let Some(indicator) = self.header.asynchronous_indicator {
            let (expected, found) = match indicator {
                AsynchronousIndicator::Boolean(_) => (ItemType::Enumeration, ItemType::Boolean),
                AsynchronousIndicator::Enumeration(_) => (ItemType::Boolean, ItemType::Enumeration),
            };
            if (found == ItemType::Boolean) == version.is_2x() {
                return Err(Error::at(
                    ErrorKind::UnexpectedType { expected, found },
                    None,
                    &[Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::ASYNCHRONOUS_INDICATOR],
                ));
            }
        }
        let header = self.header.to_ttlv();
        check_tags(&header, version, &Envelope::Request).map_err(|e| e.within(Tag::REQUEST_MESSAGE))?;
        for item in &self.batch_items {
            if item.ephemeral.is_some() && !defined_in(Tag::EPHEMERAL, version) {
                return Err(Error::at(
                    ErrorKind::UnexpectedField(Tag::EPHEMERAL),
                    None,
                    &[Tag::REQUEST_MESSAGE, Tag::BATCH_ITEM],
                ));
            }
        }
        Ok(())
    }
}

impl ResponseMessage {
    /// Checks the response header against its version, as
    /// [`RequestMessage::check_version`] does for a request.
    pub fn check_version(&self) -> Result<(), Error> {
        let header = self.header.to_ttlv();
        check_tags(&header, self.header.protocol_version, &Envelope::Response)
            .map_err(|e| e.within(Tag::RESPONSE_MESSAGE))
    }
}

enum Envelope {
    Request,
    Response,
}

/// Every tag under `item` must be defined in `version`; the contents of
/// Credential Value and Nonce are not inspected.
fn check_tags(item: &Ttlv, version: ProtocolVersion, envelope: &Envelope) -> Result<(), Error> {
    let Some(children) = item.children() else { return Ok(()) };
    for child in children {
        if !defined_in(child.tag, version) {
            return Err(Error::at(ErrorKind::UnexpectedField(child.tag), None, &[item.tag]));
        }
        let opaque = match envelope {
            Envelope::Request => child.tag == Tag::CREDENTIAL_VALUE,
            Envelope::Response => child.tag == Tag::NONCE,
        };
        if !opaque {
            check_tags(child, version, envelope).map_err(|e| e.within(item.tag))?;
        }
    }
    Ok(())
}

/// True if `tag` exists in `version`. Tags outside the registry (vendor
/// extensions) are the business of the unknown-field check, not this one.
fn defined_in(tag: Tag, version: ProtocolVersion) -> bool {
    let Some(info) = registry::tag_info(tag) else { return true };
    let introduced = info.first_version.major < version.major
        || (info.first_version.major == version.major && info.first_version.minor <= version.minor);
    let removed = info.removed_in.is_some_and(|r| r <= version);
    introduced && !removed
}

/// Protocol Version (KMIP 2.1 §8, 1.4 §6.1): Major and Minor, both
/// required Integers.
pub(crate) fn protocol_version(item: &Ttlv) -> Result<ProtocolVersion, Error> {
    const FIELDS: &[Tag] = &[Tag::PROTOCOL_VERSION_MAJOR, Tag::PROTOCOL_VERSION_MINOR];
    let mut r = Reader::new(item, Tag::PROTOCOL_VERSION, FIELDS)?;
    let major = r.required(Tag::PROTOCOL_VERSION_MAJOR, reader::integer)?;
    let minor = r.required(Tag::PROTOCOL_VERSION_MINOR, reader::integer)?;
    // ProtocolVersion has no room for extra fields, and none are defined.
    if let Some(extra) = r.finish()?.first() {
        return Err(Error::at(ErrorKind::UnexpectedField(extra.item.tag), None, &[Tag::PROTOCOL_VERSION]));
    }
    Ok(ProtocolVersion::new(major, minor))
}

/// The Protocol Version structure.
pub(crate) fn protocol_version_to_ttlv(version: ProtocolVersion) -> Ttlv {
    let mut w = Writer::new();
    w.value(Tag::PROTOCOL_VERSION_MAJOR, Value::Integer(version.major));
    w.value(Tag::PROTOCOL_VERSION_MINOR, Value::Integer(version.minor));
    w.finish(Tag::PROTOCOL_VERSION, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asynchronous_indicator_forms() {
        assert_eq!(AsynchronousIndicator::Boolean(true).as_enumeration(), enums::AsynchronousIndicator::OPTIONAL);
        assert_eq!(AsynchronousIndicator::Boolean(false).as_enumeration(), enums::AsynchronousIndicator::PROHIBITED);
        assert_eq!(
            AsynchronousIndicator::for_version(enums::AsynchronousIndicator::MANDATORY, ProtocolVersion::V1_4),
            AsynchronousIndicator::Boolean(true)
        );
        assert_eq!(
            AsynchronousIndicator::for_version(enums::AsynchronousIndicator::MANDATORY, ProtocolVersion::V2_1),
            AsynchronousIndicator::Enumeration(enums::AsynchronousIndicator::MANDATORY)
        );
    }

    #[test]
    fn tags_by_version() {
        assert!(defined_in(Tag::CLIENT_CORRELATION_VALUE, ProtocolVersion::V1_4));
        assert!(!defined_in(Tag::CLIENT_CORRELATION_VALUE, ProtocolVersion::V1_3));
        assert!(defined_in(Tag::CLIENT_CORRELATION_VALUE, ProtocolVersion::V2_0));
        assert!(!defined_in(Tag::EPHEMERAL, ProtocolVersion::new(1, 5)));
        assert!(defined_in(Tag::EPHEMERAL, ProtocolVersion::new(2, 2)));
        assert!(!defined_in(Tag::ATTRIBUTE_INDEX, ProtocolVersion::V2_0));
    }

    #[test]
    fn protocol_version_round_trip() {
        let tree = protocol_version_to_ttlv(ProtocolVersion::V1_2);
        assert_eq!(protocol_version(&tree), Ok(ProtocolVersion::V1_2));
        let mut extra = tree.clone();
        if let Value::Structure(children) = &mut extra.value {
            children.push(Ttlv::new(Tag::BATCH_COUNT, Value::Integer(1)));
        }
        let e = protocol_version(&extra).expect_err("extra field");
        assert_eq!(e.kind(), &ErrorKind::UnexpectedField(Tag::BATCH_COUNT));
    }
}
