//! The typed message envelope (KMIP 2.1 §8 Message Data Structures and §9
//! Message Format; 1.4 §6 Message Contents and §7 Message Format).
//!
//! Requests and responses convert to and from the untyped [`crate::Ttlv`] tree.
//! Payloads stay untyped trees: their schema depends on the operation and
//! the version.
//!
//! ```
//! use kmip_ttlv::enums::{Operation, ResultReason};
//! use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage, ResponseMessage};
//! use kmip_ttlv::{ProtocolVersion, Tag, Ttlv};
//!
//! let request = RequestMessage::new(
//!     RequestHeader::new(ProtocolVersion::V1_4, 0),
//!     vec![RequestBatchItem::new(Operation::DISCOVER_VERSIONS, Ttlv::structure(Tag::REQUEST_PAYLOAD, vec![]))],
//! );
//! let tree = request.to_ttlv();
//! let decoded = RequestMessage::from_ttlv(&tree).unwrap();
//! assert_eq!(decoded, request);
//! assert!(decoded.check_batch_count().is_ok());
//!
//! let refusal = ResponseMessage::message_failure(ProtocolVersion::V1_4, 0, ResultReason::INVALID_MESSAGE, "bad");
//! assert_eq!(refusal.batch_items[0].operation, None);
//! ```
//!
//! # Decoding rules
//!
//! - The outer tag must be the structure's own tag, and every structure a
//!   Structure.
//! - Fields come in specification order. A missing required field is
//!   [`crate::ErrorKind::MissingField`], a field of the wrong item type
//!   [`crate::ErrorKind::UnexpectedType`], a single-valued field repeated
//!   or a known field out of order [`crate::ErrorKind::UnexpectedField`].
//!   Every error carries the tag path from the message down.
//! - A field the structure does not define is kept as an [`UnknownField`]
//!   at its position, so `to_ttlv(from_ttlv(tree)) == tree` for every
//!   message whose known fields are in order. `check_unknown_fields` and
//!   `has_unknown_fields` tell the server they were there.
//! - Batch Count is kept as sent; `check_batch_count` compares it with the
//!   number of items. Building a message with `new` sets it.
//! - Both forms of Asynchronous Indicator decode whatever the version;
//!   `check_version` reports fields and forms the header's version does not
//!   define ([`version`]).

mod attribute;
mod batch;
mod credential;
mod fields;
mod header;
mod message;
mod reader;
pub mod version;

pub use attribute::{Attribute, AttributeKey, AttributeRule, ClientChange, VendorAttribute, rule as attribute_rule};
pub use batch::{BatchItemError, MessageExtension, RequestBatchItem, ResponseBatchItem};
pub use credential::{Authentication, Credential, CredentialValue, Device, UsernameAndPassword};
pub use fields::Fields;
pub use header::{RequestHeader, ResponseHeader};
pub use message::{RequestMessage, RequestParts, ResponseMessage};
pub use reader::UnknownField;
pub use version::AsynchronousIndicator;
