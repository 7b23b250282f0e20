//! Machine identities and Universal Auth (SPEC sections 5 and 7,
//! rest-contract.md §1.1 and §2).
//!
//! SKELETON: the types the HTTP routes are written against. The `auth`
//! branch fills in identities, client secrets, tokens, lockout and rate
//! limits behind these signatures.

use std::net::IpAddr;
use std::sync::Arc;

use crate::access::Identity;
use crate::store::{Store, StoreError};

/// The identity behind a valid access token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The machine identity (kind `machine`).
    pub identity: Identity,
    /// The machine identity's id (a UUID).
    pub identity_id: String,
    /// The access token's id (never the token itself).
    pub token_id: String,
}

/// Why an authentication or an identity change failed; each maps to one
/// HTTP status.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// 401: no, an unknown, an expired, a revoked or a used-up token; bad
    /// credentials; a locked-out client secret.
    #[error("{0}")]
    Unauthorized(String),
    /// 403: the caller's address is outside the trusted ranges.
    #[error("{0}")]
    Forbidden(String),
    /// 429: too many requests; try again after this many seconds.
    #[error("too many requests: retry after {retry_after} s")]
    RateLimited {
        /// Seconds until the next request may succeed.
        retry_after: u64,
    },
    /// 400: the request is malformed.
    #[error("{0}")]
    Invalid(String),
    /// 404: no such identity or client secret.
    #[error("{0}")]
    NotFound(String),
    /// 500: the store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

/// Machine identities, their client secrets and access tokens.
pub struct Auth {
    #[allow(dead_code)]
    store: Arc<dyn Store>,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth").finish_non_exhaustive()
    }
}

impl Auth {
    /// Universal Auth over `store`.
    pub fn new(store: Arc<dyn Store>) -> Auth {
        Auth { store }
    }

    /// The caller an access token (the bearer value, without `Bearer `)
    /// names, used from `ip`; counts one use of the token.
    pub async fn authenticate(&self, bearer: &str, ip: IpAddr) -> Result<Caller, AuthError> {
        let _ = (bearer, ip);
        Err(AuthError::Unauthorized("Universal Auth is not implemented yet".into()))
    }
}
