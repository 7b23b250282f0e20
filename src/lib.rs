//! kms: a KMIP-native key management server.
//!
//! ```text
//! server/  tokio + rustls: accept, framing, limits      (I/O shell)
//! ops/     one module per operation family             (no I/O types)
//! store/   trait Store + sled (default) + in-memory    (persistence)
//! ```

#![forbid(unsafe_code)]

pub mod clock;
pub mod crypto;
pub mod error;
pub mod ops;
pub mod store;
