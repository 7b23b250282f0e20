//! Machine identities and Universal Auth (SPEC sections 4, 5 and 7;
//! rest-contract.md §1.1 and §2; docs/auth.md).
//!
//! - **Identities.** A machine identity has an id (UUID), a unique name,
//!   an optional organisation and one Universal Auth configuration
//!   ([`UaConfig`]: client id, token TTL and max TTL, number of uses,
//!   trusted IP ranges, lockout). It is part of the one identity model of
//!   [`crate::access`]: kind `machine`, key `machine:NAME` (recorded in the
//!   access module's `identities` namespace too, so `kms identity list`
//!   shows it, grants name it and `access.admins` may make it an
//!   administrator).
//! - **Client secrets** (many per identity) and **access tokens** are 32
//!   random bytes from the crypto engine, hex-encoded (64 characters; a
//!   token therefore never starts with `st.`, which Infisical's CLI takes
//!   for a service token). They are shown once and stored only as their
//!   SHA-256. A slow password hash (argon2, bcrypt) exists to make guessing
//!   a low-entropy password expensive; a 256-bit random value cannot be
//!   guessed whatever the hash costs, so a fast hash loses nothing and
//!   keeps [`Auth::authenticate`], which runs on every request, cheap. A
//!   stolen store gives hashes that log nobody in. Secrets are compared by
//!   hash in constant time; tokens are found by their hash in a map (the
//!   lookup's timing can only tell something about the hash, which is of
//!   no use without a preimage).
//! - **Login** checks, in order: the per-address and per-identity rate
//!   limits (429 with `Retry-After`), the client id, the lockout (failed
//!   logins lock the client id: by default 3 within 30 s lock it 300 s),
//!   the client secret trusted IPs (403), the secret, its TTL and its
//!   number of uses. A successful login commits the token, the secret's use
//!   count and its audit entry in one store commit before the token is
//!   returned; failures are audited through the group commit.
//! - **Tokens** live in memory, indexed by hash, loaded from the store at
//!   the first use (expired ones are purged then). [`Auth::authenticate`]
//!   is a map lookup with no store write, unless the token has a number of
//!   uses limit (each use is then committed before the request runs).
//!   Renew extends a token by its TTL and never past its max TTL: a renew
//!   that would go past it deletes the token and answers 401, so the
//!   client logs in again. Revoke deletes it; either takes effect at once.
//!   Expired tokens are deleted when next presented, at the start, and
//!   every [`PURGE_EVERY`] logins.
//!
//! Lockout and rate limits are kept in memory ([`limits`]): a restart
//! forgets them.

mod identities;
pub mod ip;
pub mod limits;
pub mod model;
mod tokens;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use bytes::Bytes;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::{Mutex, OnceCell};
use tracing::info;
use zeroize::Zeroizing;

pub use self::ip::IpRange;
pub use self::limits::{LockoutPolicy, RateLimiter};
use self::model::{CLIENT_SECRETS, IDENTITIES, TOKENS};
pub use self::model::{ClientSecretRecord, MachineIdentity, TokenRecord, UaConfig};
use crate::access::{Identity, IdentityKind};
use crate::audit::{Entry, OperationRecord};
use crate::config::AuthSettings;
use crate::ops::Kms;
use crate::store::{StoreError, WriteBatch};

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

/// What login and renew answer (`{accessToken, expiresIn,
/// accessTokenMaxTTL, tokenType}`).
pub struct IssuedToken {
    /// The token, shown once.
    pub access_token: Zeroizing<String>,
    /// Seconds until it expires (0: it does not expire by TTL).
    pub expires_in: u64,
    /// Its max TTL, never 0 (see [`model::UNBOUNDED_MAX_TTL`]).
    pub access_token_max_ttl: u64,
    /// The token's id.
    pub token_id: String,
}

impl std::fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedToken")
            .field("token_id", &self.token_id)
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

impl IssuedToken {
    /// The login response body.
    pub fn to_json(&self) -> Value {
        json!({
            "accessToken": self.access_token.as_str(),
            "expiresIn": self.expires_in,
            "accessTokenMaxTTL": self.access_token_max_ttl,
            "tokenType": "Bearer",
        })
    }
}

/// A new client secret: the secret (shown once) and its record.
pub struct NewClientSecret {
    /// The secret.
    pub secret: Zeroizing<String>,
    /// Its record.
    pub record: ClientSecretRecord,
}

impl std::fmt::Debug for NewClientSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewClientSecret").field("record", &self.record).finish_non_exhaustive()
    }
}

/// The options of a new client secret (`POST …/client-secrets`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientSecretOptions {
    /// What it is for.
    pub description: String,
    /// Seconds it may be used after creation; 0: forever.
    pub ttl: u64,
    /// Logins it may make; 0: unlimited.
    pub num_uses_limit: u64,
}

/// A change of a Universal Auth configuration: the fields given change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UaUpdate {
    /// `accessTokenTTL`.
    pub access_token_ttl: Option<u64>,
    /// `accessTokenMaxTTL`.
    pub access_token_max_ttl: Option<u64>,
    /// `accessTokenNumUsesLimit`.
    pub access_token_num_uses_limit: Option<u64>,
    /// `accessTokenTrustedIps`.
    pub access_token_trusted_ips: Option<Vec<IpRange>>,
    /// `clientSecretTrustedIps`.
    pub client_secret_trusted_ips: Option<Vec<IpRange>>,
    /// `lockoutEnabled`.
    pub lockout_enabled: Option<bool>,
    /// `lockoutThreshold`.
    pub lockout_threshold: Option<u32>,
    /// `lockoutDurationSeconds`.
    pub lockout_duration_seconds: Option<u64>,
    /// `lockoutCounterResetSeconds`.
    pub lockout_counter_reset_seconds: Option<u64>,
}

/// Who asks for a change or a login, for the audit entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// `cert`, `machine` or `admin`.
    pub kind: String,
    /// The identity key (or `uid:N` on the admin socket).
    pub identity: String,
    /// The client address.
    pub source: Option<String>,
    /// `http` or `admin`.
    pub channel: String,
}

impl Actor {
    /// A caller of the HTTPS side listener.
    pub fn http(identity: &Identity, source: IpAddr) -> Actor {
        Actor {
            kind: identity.kind.to_string(),
            identity: identity.key(),
            source: Some(source.to_string()),
            channel: "http".into(),
        }
    }

    /// An administrative command (admin socket or offline).
    pub fn admin(caller: &str, source: &str) -> Actor {
        Actor {
            kind: "admin".into(),
            identity: caller.to_owned(),
            source: Some(source.to_owned()),
            channel: "admin".into(),
        }
    }
}

/// Machine identities, their client secrets and access tokens.
pub struct Auth {
    kms: Arc<Kms>,
    state: OnceCell<RwLock<State>>,
    /// Serialises changes (read, modify, commit, apply).
    changes: Mutex<()>,
    by_address: RateLimiter,
    by_identity: RateLimiter,
    lockout: limits::Lockout,
    /// Logins since the start: every [`PURGE_EVERY`]th also deletes the
    /// tokens expired since (tokens nobody uses again would stay else).
    logins: AtomicU64,
}

/// How many logins between two purges of expired tokens.
const PURGE_EVERY: u64 = 64;

#[derive(Default)]
struct State {
    identities: HashMap<String, MachineIdentity>,
    by_name: HashMap<String, String>,
    by_client_id: HashMap<String, String>,
    secrets: HashMap<String, ClientSecretRecord>,
    /// Tokens by SHA-256 of the token.
    tokens: HashMap<[u8; 32], TokenRecord>,
}

impl State {
    /// The token with hash `token_hash` and its identity, copied out.
    fn token_and_identity(&self, token_hash: &[u8; 32]) -> (Option<TokenRecord>, Option<MachineIdentity>) {
        let token = self.tokens.get(token_hash).cloned();
        let identity = token.as_ref().and_then(|t| self.identities.get(&t.identity_id)).cloned();
        (token, identity)
    }
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth").finish_non_exhaustive()
    }
}

impl Auth {
    /// Universal Auth over `kms`'s store, clock, crypto engine and audit
    /// log, with the `[auth]` rate limits.
    pub fn new(kms: Arc<Kms>, settings: AuthSettings) -> Auth {
        Auth {
            kms,
            state: OnceCell::new(),
            changes: Mutex::new(()),
            by_address: RateLimiter::new(settings.address_requests_per_minute, settings.burst),
            by_identity: RateLimiter::new(settings.identity_requests_per_minute, settings.burst),
            lockout: limits::Lockout::default(),
            logins: AtomicU64::new(0),
        }
    }

    /// The service this works over.
    pub fn kms(&self) -> &Arc<Kms> {
        &self.kms
    }

    // ---- internals ----

    async fn state(&self) -> Result<&RwLock<State>, AuthError> {
        self.state.get_or_try_init(|| self.load()).await
    }

    /// Reads every record; purges the tokens expired by time.
    async fn load(&self) -> Result<RwLock<State>, AuthError> {
        let store = self.kms.store();
        let mut state = State::default();
        for (_, value) in store.meta(IDENTITIES).await? {
            let identity: MachineIdentity = from_bytes(&value)?;
            state.by_name.insert(identity.name.clone(), identity.id.clone());
            state.by_client_id.insert(identity.universal_auth.client_id.clone(), identity.id.clone());
            state.identities.insert(identity.id.clone(), identity);
        }
        for (_, value) in store.meta(CLIENT_SECRETS).await? {
            let secret: ClientSecretRecord = from_bytes(&value)?;
            state.secrets.insert(secret.id.clone(), secret);
        }
        let now = self.kms.now();
        let mut purge = WriteBatch::new();
        for (key, value) in store.meta(TOKENS).await? {
            let token: TokenRecord = from_bytes(&value)?;
            let hash: Option<[u8; 32]> = hex::decode(&token.hash).ok().and_then(|h| h.try_into().ok());
            match hash {
                Some(hash) if token.expired(now).is_none() => {
                    state.tokens.insert(hash, token);
                }
                _ => {
                    purge.delete_meta(TOKENS, key);
                }
            }
        }
        if !purge.is_empty() {
            let purged = purge.meta.len();
            store.commit(purge).await?;
            info!(purged, "purged expired access tokens");
        }
        Ok(RwLock::new(state))
    }

    /// Removes a token that is no longer valid.
    async fn drop_token(&self, hash: &[u8; 32], id: &str) -> Result<(), AuthError> {
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        let mut batch = WriteBatch::new();
        batch.delete_meta(TOKENS, id);
        self.kms.store().commit(batch).await?;
        state.write().unwrap_or_else(PoisonError::into_inner).tokens.remove(hash);
        Ok(())
    }

    /// Counts one use of a token with a uses limit, durably.
    async fn count_use(&self, hash: &[u8; 32]) -> Result<(), AuthError> {
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        let current = state.read().unwrap_or_else(PoisonError::into_inner).tokens.get(hash).cloned();
        let Some(mut token) = current else {
            return Err(AuthError::Unauthorized("Invalid access token: unknown, expired or revoked".into()));
        };
        if token.num_uses >= token.num_uses_limit {
            drop(_serial);
            self.drop_token(hash, &token.id).await?;
            return Err(AuthError::Unauthorized("Access token number of uses limit reached: log in again".into()));
        }
        token.num_uses += 1;
        let mut batch = WriteBatch::new();
        batch.put_meta(TOKENS, token.id.clone(), to_bytes(&token)?);
        self.kms.store().commit(batch).await?;
        state.write().unwrap_or_else(PoisonError::into_inner).tokens.insert(*hash, token);
        Ok(())
    }

    fn new_secret(
        &self,
        identity_id: &str,
        options: ClientSecretOptions,
        now: i64,
    ) -> Result<NewClientSecret, AuthError> {
        let secret = Zeroizing::new(self.random_hex()?);
        let record = ClientSecretRecord {
            id: uuid::Uuid::new_v4().to_string(),
            identity_id: identity_id.to_owned(),
            hash: hex::encode(hash(&secret)),
            prefix: secret.chars().take(4).collect(),
            description: options.description,
            ttl: options.ttl,
            num_uses_limit: options.num_uses_limit,
            num_uses: 0,
            revoked: false,
            created_at: now,
        };
        Ok(NewClientSecret { secret, record })
    }

    /// 32 random bytes from the crypto engine, hex.
    fn random_hex(&self) -> Result<String, AuthError> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        self.kms
            .crypto()
            .random(bytes.as_mut())
            .map_err(|e| AuthError::Store(StoreError::Backend(format!("random bytes: {e}"))))?;
        Ok(hex::encode(bytes.as_ref()))
    }

    /// Commits `batch` with the audit `entries` (after those waiting for
    /// the group commit, so the chain keeps the order of arrival).
    async fn commit(&self, mut batch: WriteBatch, entries: Vec<Bytes>) -> Result<(), AuthError> {
        let Some(log) = self.kms.audit_log() else {
            self.kms.store().commit(batch).await?;
            return Ok(());
        };
        let waiting = log.take();
        for body in waiting.iter().chain(&entries) {
            batch.append_log(body.clone());
        }
        if let Err(e) = self.kms.store().commit(batch).await {
            log.put_back(waiting);
            return Err(e.into());
        }
        Ok(())
    }

    fn audit_later(&self, entry: Bytes) {
        if let Some(log) = self.kms.audit_log() {
            log.record([entry]);
        }
    }

    fn login_entry(
        &self,
        now: i64,
        source: &str,
        identity: Option<&MachineIdentity>,
        secret_id: Option<&str>,
        token_id: Option<&str>,
        result: &str,
    ) -> Bytes {
        let details = json!({
            "clientSecretId": secret_id,
            "identityId": identity.map(|i| i.id.as_str()),
            "identityAccessTokenId": token_id,
            "identityUniversalAuthId": identity.map(|i| i.universal_auth.id.as_str()),
        });
        let actor = Actor {
            kind: "machine".into(),
            identity: identity.map(|i| identity_of(i).key()).unwrap_or_default(),
            source: Some(source.to_owned()),
            channel: "http".into(),
        };
        let object = identity.map(|i| i.id.as_str()).unwrap_or_default();
        self.entry(&actor, now, "login-identity-universal-auth", object, result, Some(details))
    }

    fn secret_entry(&self, actor: &Actor, now: i64, event: &str, identity: &MachineIdentity, secret_id: &str) -> Bytes {
        let details = json!({
            "identityId": identity.id,
            "clientSecretId": secret_id,
            "identityUniversalAuthId": identity.universal_auth.id,
        });
        self.entry(actor, now, event, &identity.id, "Success", Some(details))
    }

    fn entry(&self, actor: &Actor, now: i64, event: &str, object: &str, result: &str, details: Option<Value>) -> Bytes {
        Entry::Operation(OperationRecord {
            time: now,
            kind: actor.kind.clone(),
            identity: actor.identity.clone(),
            source: actor.source.clone(),
            channel: actor.channel.clone(),
            operation: event.to_owned(),
            objects: if object.is_empty() { Vec::new() } else { vec![object.to_owned()] },
            result: result.to_owned(),
            details,
        })
        .to_body()
    }
}

/// The identity-model view of a machine identity.
fn identity_of(identity: &MachineIdentity) -> Identity {
    Identity { kind: IdentityKind::Machine, name: identity.name.clone(), organisation: identity.organisation.clone() }
}

fn lockout_policy(ua: &UaConfig) -> LockoutPolicy {
    LockoutPolicy {
        enabled: ua.lockout_enabled,
        threshold: ua.lockout_threshold,
        duration: Duration::from_secs(ua.lockout_duration_seconds),
        counter_reset: Duration::from_secs(ua.lockout_counter_reset_seconds),
    }
}

/// The audit result name of a refusal.
fn result_name(e: &AuthError) -> &'static str {
    match e {
        AuthError::Unauthorized(_) => "Unauthorized",
        AuthError::Forbidden(_) => "Forbidden",
        AuthError::RateLimited { .. } => "RateLimited",
        AuthError::Invalid(_) => "Invalid",
        AuthError::NotFound(_) => "NotFound",
        AuthError::Store(_) => "StoreFailure",
    }
}

fn hash(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn to_bytes<T: serde::Serialize>(value: &T) -> Result<Bytes, AuthError> {
    serde_json::to_vec(value).map(Bytes::from).map_err(|e| AuthError::Store(StoreError::Backend(e.to_string())))
}

fn from_bytes<T: serde::de::DeserializeOwned>(value: &[u8]) -> Result<T, AuthError> {
    serde_json::from_slice(value)
        .map_err(|e| AuthError::Store(StoreError::Backend(format!("corrupt auth record: {e}"))))
}

#[cfg(test)]
mod tests;
