//! KMIP credentials (docs/access.md, "Passwords and sessions"): the
//! passwords of identities, kept as argon2id hashes (PHC strings) in the
//! store's `passwords` namespace, and the session tickets of Login /
//! Logout, kept in memory.
//!
//! argon2 is imported here and nowhere else. A password check costs one
//! argon2id verification (off the async workers); after a success, a keyed
//! SHA-256 of the identity and the password under a random key of this
//! process is remembered, so a client that sends its credential with
//! every request pays the hash once per server run, not per request. A
//! check for an identity without a password verifies against a dummy hash,
//! so its answer takes as long as a wrong password's.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use argon2::password_hash::SaltString;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use zeroize::Zeroizing;

use super::AccessError;
use crate::crypto::{CryptoEngine, HashAlgorithm};

/// The store namespace of password hashes (key: identity key, value: PHC
/// string).
pub const PASSWORDS: &str = "passwords";
/// The longest lease a Login ticket gets, in seconds (one day).
pub const MAX_LEASE: i64 = 86_400;
/// The lease a Login ticket gets when the request names none (one hour).
pub const DEFAULT_LEASE: i64 = 3600;

/// An argon2id PHC string of `password` with a 16-byte salt from `crypto`.
pub(crate) fn hash(crypto: &dyn CryptoEngine, password: &[u8]) -> Result<String, AccessError> {
    let mut salt = [0u8; 16];
    crypto.random(&mut salt).map_err(|e| AccessError::Invalid(format!("random salt: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AccessError::Invalid(e.to_string()))?;
    Argon2::default()
        .hash_password(password, &salt)
        .map(|phc| phc.to_string())
        .map_err(|e| AccessError::Invalid(format!("hashing the password: {e}")))
}

/// True if `password` matches the PHC string `phc`.
pub(crate) fn verify(phc: &str, password: &[u8]) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password, &parsed).is_ok())
}

/// A hash of nothing anyone knows, verified against when an identity has
/// no password, so that the refusal costs what a wrong password costs.
pub(crate) fn dummy_hash(crypto: &dyn CryptoEngine) -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut secret = Zeroizing::new([0u8; 32]);
        let _ = crypto.random(secret.as_mut_slice());
        hash(crypto, secret.as_slice()).unwrap_or_default()
    })
}

/// Successful password checks of this process, as keyed digests.
#[derive(Default)]
pub(crate) struct Verified {
    key: OnceLock<[u8; 32]>,
    digests: Mutex<HashMap<String, Vec<u8>>>,
}

impl Verified {
    fn digest(&self, crypto: &dyn CryptoEngine, identity: &str, password: &[u8]) -> Vec<u8> {
        let key = self.key.get_or_init(|| {
            let mut key = [0u8; 32];
            // A failing RNG leaves a zero key: the digests still bind the
            // identity and the password, only not to this process.
            let _ = crypto.random(&mut key);
            key
        });
        let mut input = Zeroizing::new(Vec::with_capacity(32 + identity.len() + 1 + password.len()));
        input.extend_from_slice(key);
        input.extend_from_slice(identity.as_bytes());
        input.push(0);
        input.extend_from_slice(password);
        crypto.digest(HashAlgorithm::Sha256, &input)
    }

    /// True if `identity`'s `password` was verified before (and not
    /// changed since).
    pub(crate) fn knows(&self, crypto: &dyn CryptoEngine, identity: &str, password: &[u8]) -> bool {
        let digest = self.digest(crypto, identity, password);
        let digests = self.digests.lock().unwrap_or_else(PoisonError::into_inner);
        digests.get(identity).is_some_and(|known| constant_time_eq(known, &digest))
    }

    pub(crate) fn remember(&self, crypto: &dyn CryptoEngine, identity: &str, password: &[u8]) {
        let digest = self.digest(crypto, identity, password);
        self.digests.lock().unwrap_or_else(PoisonError::into_inner).insert(identity.to_owned(), digest);
    }

    pub(crate) fn forget(&self, identity: &str) {
        self.digests.lock().unwrap_or_else(PoisonError::into_inner).remove(identity);
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A Login session: who, until when, how many requests are left.
#[derive(Clone, Debug)]
struct Session {
    identity: String,
    expires: i64,
    requests_left: Option<u32>,
}

/// The open Login sessions, by ticket value (in memory: a restart ends
/// them).
#[derive(Default)]
pub(crate) struct Sessions {
    open: Mutex<HashMap<Vec<u8>, Session>>,
}

impl Sessions {
    /// A new ticket value for `identity`, valid `lease` seconds from `now`
    /// and for `requests` requests if given.
    pub(crate) fn open(
        &self,
        crypto: &dyn CryptoEngine,
        identity: &str,
        now: i64,
        lease: i64,
        requests: Option<u32>,
    ) -> Result<Vec<u8>, AccessError> {
        let mut ticket = vec![0u8; 32];
        crypto.random(&mut ticket).map_err(|e| AccessError::Invalid(format!("random ticket: {e}")))?;
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        open.retain(|_, s| s.expires > now);
        open.insert(
            ticket.clone(),
            Session { identity: identity.to_owned(), expires: now.saturating_add(lease), requests_left: requests },
        );
        Ok(ticket)
    }

    /// The identity of a valid ticket, counting one request against it;
    /// None for an unknown, expired or used-up ticket.
    pub(crate) fn redeem(&self, ticket: &[u8], now: i64) -> Option<String> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let session = open.get_mut(ticket)?;
        if session.expires <= now || session.requests_left == Some(0) {
            open.remove(ticket);
            return None;
        }
        if let Some(left) = &mut session.requests_left {
            *left -= 1;
        }
        Some(session.identity.clone())
    }

    /// Ends the session of `ticket` if `identity` holds it.
    pub(crate) fn close(&self, ticket: &[u8], identity: &str) -> bool {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if open.get(ticket).is_some_and(|s| s.identity == identity) {
            open.remove(ticket);
            return true;
        }
        false
    }
}
