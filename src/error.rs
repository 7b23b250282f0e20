//! `KmsError`: every way an operation fails, grouped by cause, and the one
//! function that maps each to a KMIP Result Reason (STYLE §4).

use kmip_ttlv::enums::ResultReason;
use kmip_ttlv::{ErrorKind, ProtocolVersion};

use crate::keys::KeyError;
use crate::store::StoreError;

/// Why an operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KmsError {
    /// The request (or a payload) is not valid TTLV or not the structure the
    /// operation defines.
    #[error("{0}")]
    Decode(#[from] kmip_ttlv::Error),
    /// A field has a value the operation cannot accept.
    #[error("{0}")]
    InvalidField(String),
    /// A required field or value is missing.
    #[error("{0}")]
    MissingData(String),
    /// No object with this identifier (or one the caller may not see).
    #[error("no object with identifier {0:?}")]
    ObjectNotFound(String),
    /// The ID Placeholder was used but holds nothing.
    #[error("no Unique Identifier given and the ID Placeholder is empty")]
    NoIdPlaceholder,
    /// The caller may not do this.
    #[error("{0}")]
    PermissionDenied(String),
    /// A credential of the request header did not authenticate (a wrong
    /// password, an unknown user: the same message for both).
    #[error("{0}")]
    NotAuthenticated(String),
    /// A Login ticket that is unknown, expired or used up.
    #[error("{0}")]
    InvalidTicket(String),
    /// The object's state does not allow the operation.
    #[error("{0}")]
    WrongState(String),
    /// The object was destroyed: its key material is gone.
    #[error("object {0} has been destroyed")]
    ObjectDestroyed(String),
    /// The object is archived and must be recovered first.
    #[error("object {0} is archived")]
    ObjectArchived(String),
    /// The object's Cryptographic Usage Mask does not allow the use.
    #[error("{0}")]
    IncompatibleUsageMask(String),
    /// The operation is not implemented by this server.
    #[error("operation {0} is not supported")]
    OperationNotSupported(String),
    /// A feature of an otherwise supported operation is not implemented.
    #[error("{0} is not supported")]
    Unsupported(String),
    /// The requested Key Format Type cannot be produced.
    #[error("key format {0} is not supported")]
    KeyFormatNotSupported(String),
    /// The object is Sensitive: its key material may not leave the server.
    #[error("object {0} is sensitive")]
    Sensitive(String),
    /// The object is not Extractable: its key material may not leave the
    /// server.
    #[error("object {0} is not extractable")]
    NotExtractable(String),
    /// A server-set or otherwise read-only attribute was to be changed.
    #[error("attribute {0} is read-only")]
    AttributeReadOnly(String),
    /// A second instance of a single-valued attribute.
    #[error("attribute {0} allows one instance only")]
    AttributeSingleValued(String),
    /// The attribute (or the instance) does not exist.
    #[error("attribute {0} not found")]
    AttributeNotFound(String),
    /// Import of a Unique Identifier that is already taken, without
    /// Replace Existing (or of an object another identity owns).
    #[error("object {0} already exists")]
    ObjectAlreadyExists(String),
    /// A Name already used by another object.
    #[error("name {0:?} is already used by another object")]
    NonUniqueName(String),
    /// The response exceeds the client's Maximum Response Size.
    #[error("response of {size} bytes exceeds the Maximum Response Size of {limit} bytes")]
    ResponseTooLarge {
        /// The TTLV size of the response.
        size: usize,
        /// The client's limit.
        limit: i32,
    },
    /// Nothing is pending: this server never answers asynchronously.
    #[error("{0}")]
    InvalidCorrelationValue(String),
    /// The server's policy refuses the request (e.g. a key that is not
    /// quantum safe where Quantum Safe is required).
    #[error("{0}")]
    Policy(String),
    /// A cryptographic operation failed.
    #[error("cryptographic failure: {0}")]
    Crypto(String),
    /// Authenticated data did not authenticate (an AEAD tag, a wrapped
    /// key's integrity check).
    #[error("{0}")]
    AuthenticationFailed(String),
    /// The store failed; the detail goes to the log, not the client.
    #[error("storage failure")]
    Store(#[from] StoreError),
    /// The key hierarchy failed (an organisation key could not be made or
    /// read, wrapped material did not authenticate); the detail goes to
    /// the log.
    #[error("key hierarchy failure: {0}")]
    Keys(#[from] KeyError),
    /// An invariant of the server was broken; the detail goes to the log.
    #[error("internal error")]
    Internal(String),
}

impl From<crate::access::AccessError> for KmsError {
    /// Access control failing inside an operation is the server's fault
    /// (the store, a corrupt grant): General Failure, the detail logged.
    fn from(e: crate::access::AccessError) -> KmsError {
        match e {
            crate::access::AccessError::Store(e) => KmsError::Store(e),
            other => KmsError::Internal(other.to_string()),
        }
    }
}

impl KmsError {
    /// The Result Reason for this failure in a response of `version`.
    ///
    /// KMIP 1.x and the 2.0 draft vectors answer a lifecycle violation with
    /// Permission Denied; 2.1 names it Wrong Key Lifecycle State. Reasons a
    /// version does not define never reach its clients: 2.x-only reasons fall
    /// back to their 1.x equivalents.
    pub fn result_reason(&self, version: ProtocolVersion) -> ResultReason {
        let v2 = version.is_2x();
        let v2_1 = version >= ProtocolVersion::V2_1;
        match self {
            // A well-formed message naming an attribute that does not exist
            // (MySQL's keyring sends "Storage Status Mask" as one): the
            // field is wrong, the message is not.
            KmsError::Decode(e) if matches!(e.kind(), ErrorKind::UnknownName { what: "attribute", .. }) => {
                ResultReason::INVALID_FIELD
            }
            KmsError::Decode(_) => ResultReason::INVALID_MESSAGE,
            KmsError::InvalidField(_) => ResultReason::INVALID_FIELD,
            KmsError::MissingData(_) | KmsError::NoIdPlaceholder => ResultReason::MISSING_DATA,
            KmsError::ObjectNotFound(_) if v2 => ResultReason::OBJECT_NOT_FOUND,
            KmsError::ObjectNotFound(_) => ResultReason::ITEM_NOT_FOUND,
            KmsError::PermissionDenied(_) => ResultReason::PERMISSION_DENIED,
            KmsError::NotAuthenticated(_) => ResultReason::AUTHENTICATION_NOT_SUCCESSFUL,
            KmsError::InvalidTicket(_) if v2 => ResultReason::INVALID_TICKET,
            KmsError::InvalidTicket(_) => ResultReason::AUTHENTICATION_NOT_SUCCESSFUL,
            KmsError::WrongState(_) if v2_1 => ResultReason::WRONG_KEY_LIFECYCLE_STATE,
            KmsError::WrongState(_) => ResultReason::PERMISSION_DENIED,
            KmsError::ObjectDestroyed(_) if v2 => ResultReason::OBJECT_DESTROYED,
            KmsError::ObjectDestroyed(_) => ResultReason::PERMISSION_DENIED,
            KmsError::ObjectArchived(_) => ResultReason::OBJECT_ARCHIVED,
            KmsError::IncompatibleUsageMask(_) if v2 => ResultReason::INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
            KmsError::IncompatibleUsageMask(_) => ResultReason::PERMISSION_DENIED,
            KmsError::OperationNotSupported(_) => ResultReason::OPERATION_NOT_SUPPORTED,
            KmsError::Unsupported(_) => ResultReason::FEATURE_NOT_SUPPORTED,
            KmsError::KeyFormatNotSupported(_) => ResultReason::KEY_FORMAT_TYPE_NOT_SUPPORTED,
            KmsError::Sensitive(_) if version >= ProtocolVersion::V1_4 => ResultReason::SENSITIVE,
            KmsError::Sensitive(_) => ResultReason::PERMISSION_DENIED,
            KmsError::NotExtractable(_) if version >= ProtocolVersion::V1_4 => ResultReason::NOT_EXTRACTABLE,
            KmsError::NotExtractable(_) => ResultReason::PERMISSION_DENIED,
            KmsError::AttributeReadOnly(_) if v2 => ResultReason::ATTRIBUTE_READ_ONLY,
            KmsError::AttributeReadOnly(_) => ResultReason::PERMISSION_DENIED,
            KmsError::AttributeSingleValued(_) if v2 => ResultReason::ATTRIBUTE_SINGLE_VALUED,
            KmsError::AttributeSingleValued(_) => ResultReason::INVALID_FIELD,
            KmsError::AttributeNotFound(_) if v2 => ResultReason::ATTRIBUTE_NOT_FOUND,
            KmsError::AttributeNotFound(_) => ResultReason::ITEM_NOT_FOUND,
            KmsError::ObjectAlreadyExists(_) if version >= ProtocolVersion::V1_4 => ResultReason::OBJECT_ALREADY_EXISTS,
            KmsError::ObjectAlreadyExists(_) => ResultReason::INVALID_FIELD,
            KmsError::NonUniqueName(_) if v2 => ResultReason::NON_UNIQUE_NAME_ATTRIBUTE,
            KmsError::NonUniqueName(_) => ResultReason::INVALID_FIELD,
            KmsError::ResponseTooLarge { .. } => ResultReason::RESPONSE_TOO_LARGE,
            KmsError::InvalidCorrelationValue(_) if v2 => ResultReason::INVALID_ASYNCHRONOUS_CORRELATION_VALUE,
            KmsError::InvalidCorrelationValue(_) => ResultReason::ITEM_NOT_FOUND,
            KmsError::Crypto(_) | KmsError::AuthenticationFailed(_) => ResultReason::CRYPTOGRAPHIC_FAILURE,
            KmsError::Policy(_) => ResultReason::GENERAL_FAILURE,
            KmsError::Store(_) | KmsError::Keys(_) | KmsError::Internal(_) => ResultReason::GENERAL_FAILURE,
        }
    }

    /// The Result Message: the error's text, except for internal failures,
    /// whose detail stays in the server log.
    pub fn result_message(&self) -> String {
        match self {
            // The client can act on this one (retry later); where and how
            // much stays in the log.
            KmsError::Store(StoreError::NoSpace(_)) => {
                "storage full: the server has no space left to store this; nothing was changed".to_owned()
            }
            KmsError::Store(_) => "storage failure".to_owned(),
            KmsError::Keys(_) => "key hierarchy failure".to_owned(),
            KmsError::Internal(_) => "internal error".to_owned(),
            other => other.to_string(),
        }
    }

    /// True for failures that are the server's fault (logged as errors).
    pub fn is_internal(&self) -> bool {
        matches!(self, KmsError::Store(_) | KmsError::Keys(_) | KmsError::Internal(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_name_failures_differently() {
        let missing = KmsError::ObjectNotFound("1".into());
        assert_eq!(missing.result_reason(ProtocolVersion::V1_4), ResultReason::ITEM_NOT_FOUND);
        assert_eq!(missing.result_reason(ProtocolVersion::V2_0), ResultReason::OBJECT_NOT_FOUND);
        let state = KmsError::WrongState("active".into());
        assert_eq!(state.result_reason(ProtocolVersion::V1_4), ResultReason::PERMISSION_DENIED);
        assert_eq!(state.result_reason(ProtocolVersion::V2_0), ResultReason::PERMISSION_DENIED);
        assert_eq!(state.result_reason(ProtocolVersion::V2_1), ResultReason::WRONG_KEY_LIFECYCLE_STATE);
        let read_only = KmsError::AttributeReadOnly("State".into());
        assert_eq!(read_only.result_reason(ProtocolVersion::V1_2), ResultReason::PERMISSION_DENIED);
        assert_eq!(read_only.result_reason(ProtocolVersion::V2_1), ResultReason::ATTRIBUTE_READ_ONLY);
    }

    #[test]
    fn a_full_disk_says_so_without_its_detail() {
        let err = KmsError::Store(StoreError::NoSpace("0.5 MiB free in /srv/kms/store".into()));
        assert_eq!(err.result_reason(ProtocolVersion::V2_1), ResultReason::GENERAL_FAILURE);
        assert!(err.result_message().starts_with("storage full"), "{}", err.result_message());
        assert!(!err.result_message().contains("/srv"));
        let other = KmsError::Store(StoreError::Backend("EIO at /srv/kms/store/db".into()));
        assert_eq!(other.result_message(), "storage failure");
    }

    #[test]
    fn internal_details_stay_out_of_the_message() {
        let err = KmsError::Internal("lock poisoned at ops/mod.rs".into());
        assert_eq!(err.result_message(), "internal error");
        assert_eq!(err.result_reason(ProtocolVersion::V2_1), ResultReason::GENERAL_FAILURE);
    }
}
