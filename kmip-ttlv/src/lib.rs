//! KMIP TTLV codec: binary TTLV, the KMIP XML and JSON encodings, the tag and
//! enumeration registry, and the typed message envelope.
//!
//! The crate is sans-IO: it reads from byte slices and writes into buffers.
//! It never touches a socket, a runtime or the clock.
//!
//! ```text
//! bytes  --wire::decode-->  Ttlv  --model::RequestMessage::from_ttlv-->  typed message
//! XML    --xml::from_str-->  Ttlv  --wire::encode--> bytes
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod datetime;
mod error;
mod generated;
mod item_type;
mod tag;
mod text;
mod ttlv;
mod version;

pub mod json;
pub mod model;
pub mod registry;
pub mod wire;
pub mod xml;

pub use error::{Error, ErrorKind};
pub use generated::enums;
pub use item_type::ItemType;
pub use tag::Tag;
pub use ttlv::{BigInteger, Ttlv, Value};
pub use version::ProtocolVersion;
