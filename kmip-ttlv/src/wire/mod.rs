//! Binary TTLV (KMIP 2.1 §10.1; 1.4 §9.1): decode with nom, encode with
//! length back-fill, and framing for a byte stream.
//!
//! ```
//! use bytes::Bytes;
//! use kmip_ttlv::{wire, Tag, Ttlv, Value};
//!
//! let item = Ttlv::new(Tag::NAME_VALUE, Value::TextString("Hello World".into()));
//! let bytes = wire::to_vec(&item).unwrap();
//! assert_eq!(bytes.len(), 24);
//! assert_eq!(wire::decode(&Bytes::from(bytes), &wire::Limits::default()).unwrap(), item);
//! ```

mod decode;
mod encode;
mod frame;

pub use decode::{decode, decode_slice};
pub use encode::{Sink, encode, encoded_len, to_vec};
pub use frame::{decode_message, message_length};

/// The size of an item header: 3-byte tag, 1-byte type, 4-byte length.
pub const HEADER_LEN: usize = 8;

/// Resource limits applied while decoding untrusted input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest whole message accepted, header included. Checked from
    /// the 8-byte header before the body is read or allocated.
    pub max_message_size: usize,
    /// The deepest nesting of Structures accepted (the outermost Structure
    /// is depth 1).
    pub max_depth: usize,
}

impl Limits {
    /// 4 MiB, the server's default maximum message size.
    pub const DEFAULT_MAX_MESSAGE_SIZE: usize = 4 * 1024 * 1024;
    /// 64 levels of Structures.
    pub const DEFAULT_MAX_DEPTH: usize = 64;
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_message_size: Limits::DEFAULT_MAX_MESSAGE_SIZE, max_depth: Limits::DEFAULT_MAX_DEPTH }
    }
}

/// Padding after a value of `len` bytes: up to the next multiple of 8.
pub(crate) const fn padding(len: usize) -> usize {
    (8 - len % 8) % 8
}
