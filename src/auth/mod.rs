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

pub mod ip;
pub mod limits;
pub mod model;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::{Mutex, OnceCell};
use tracing::{debug, info};
use zeroize::Zeroizing;

pub use self::ip::IpRange;
pub use self::limits::{LockoutPolicy, RateLimiter};
use self::model::{CLIENT_SECRETS, Expiry, IDENTITIES, MAX_TTL_LIMIT, TOKENS, secs};
pub use self::model::{ClientSecretRecord, MachineIdentity, TokenRecord, UaConfig};
use crate::access::{Identity, IdentityKind, IdentityRecord};
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

    /// The caller an access token (the bearer value, without `Bearer `)
    /// names, used from `ip`; counts one use of the token.
    pub async fn authenticate(&self, bearer: &str, ip: IpAddr) -> Result<Caller, AuthError> {
        let moment = Instant::now();
        self.by_address.check(&ip.to_string(), moment).map_err(|retry_after| AuthError::RateLimited { retry_after })?;
        let hash = hash(bearer.trim());
        let now = self.kms.now();
        let state = self.state().await?;
        let (token, identity) = {
            let state = state.read().unwrap_or_else(PoisonError::into_inner);
            let Some(token) = state.tokens.get(&hash) else {
                return Err(AuthError::Unauthorized("Invalid access token: unknown, expired or revoked".into()));
            };
            let identity = state.identities.get(&token.identity_id).cloned();
            (token.clone(), identity)
        };
        let Some(identity) = identity else {
            return Err(AuthError::Unauthorized("Invalid access token: its identity was deleted".into()));
        };
        if let Some(expiry) = token.expired(now) {
            self.drop_token(&hash, &token.id).await?;
            return Err(AuthError::Unauthorized(match expiry {
                Expiry::Ttl | Expiry::MaxTtl => "Access token expired: log in again".into(),
                Expiry::Uses => "Access token number of uses limit reached: log in again".into(),
            }));
        }
        if !IpRange::any_contains(&token.trusted_ips, ip) {
            return Err(AuthError::Forbidden(format!("The IP address {ip} is not allowed to use this access token")));
        }
        self.by_identity.check(&identity.id, moment).map_err(|retry_after| AuthError::RateLimited { retry_after })?;
        if token.num_uses_limit > 0 {
            self.count_use(&hash).await?;
        }
        Ok(Caller { identity: identity_of(&identity), identity_id: identity.id.clone(), token_id: token.id })
    }

    /// Logs in with `client_id` and `client_secret` from `ip`: a new access
    /// token, durable when it returns.
    pub async fn login(&self, client_id: &str, client_secret: &str, ip: IpAddr) -> Result<IssuedToken, AuthError> {
        let (client_id, client_secret) = (client_id.trim(), client_secret.trim());
        let moment = Instant::now();
        let now = self.kms.now();
        let source = ip.to_string();
        let fail = |identity: Option<&MachineIdentity>, secret_id: Option<&str>, e: AuthError| {
            self.audit_later(self.login_entry(now, &source, identity, secret_id, None, result_name(&e)));
            e
        };
        if let Err(retry_after) = self.by_address.check(&source, moment) {
            return Err(fail(None, None, AuthError::RateLimited { retry_after }));
        }
        let state = self.state().await?;
        let (identity, candidates) = {
            let state = state.read().unwrap_or_else(PoisonError::into_inner);
            let identity = state.by_client_id.get(client_id).and_then(|id| state.identities.get(id)).cloned();
            let candidates: Vec<ClientSecretRecord> = identity
                .as_ref()
                .map(|identity| {
                    state.secrets.values().filter(|s| s.identity_id == identity.id && !s.revoked).cloned().collect()
                })
                .unwrap_or_default();
            (identity, candidates)
        };
        let Some(identity) = identity else {
            return Err(fail(None, None, AuthError::Unauthorized("Invalid credentials".into())));
        };
        let ua = &identity.universal_auth;
        if let Err(retry_after) = self.by_identity.check(&identity.id, moment) {
            return Err(fail(Some(&identity), None, AuthError::RateLimited { retry_after }));
        }
        if ua.lockout_enabled && self.lockout.is_locked(client_id, moment) {
            return Err(fail(
                Some(&identity),
                None,
                AuthError::Unauthorized(
                    "Failed to authenticate: this client id is temporarily locked after too many failed login \
                     attempts; try again later"
                        .into(),
                ),
            ));
        }
        if !IpRange::any_contains(&ua.client_secret_trusted_ips, ip) {
            return Err(fail(
                Some(&identity),
                None,
                AuthError::Forbidden(format!("The IP address {ip} is not allowed to log in with this client id")),
            ));
        }
        let presented = hash(client_secret);
        // Every candidate is compared, in constant time each.
        let mut matched = None;
        for secret in &candidates {
            let stored = hex::decode(&secret.hash).unwrap_or_default();
            if constant_time_eq(&stored, &presented) {
                matched = Some(secret.clone());
            }
        }
        let Some(secret) = matched else {
            let policy = lockout_policy(ua);
            if self.lockout.failed(client_id, &policy, moment) {
                info!(identity = %identity.name, "Universal Auth: client id locked after failed logins");
            }
            return Err(fail(Some(&identity), None, AuthError::Unauthorized("Invalid credentials".into())));
        };
        let _serial = self.changes.lock().await;
        // Read again under the lock: the use count of a concurrent login.
        let current = state.read().unwrap_or_else(PoisonError::into_inner).secrets.get(&secret.id).cloned();
        let Some(mut secret) = current.filter(|s| !s.revoked) else {
            return Err(fail(Some(&identity), Some(&secret.id), AuthError::Unauthorized("Invalid credentials".into())));
        };
        let expired = secret.ttl > 0 && now >= secret.created_at.saturating_add(secs(secret.ttl));
        let used_up = secret.num_uses_limit > 0 && secret.num_uses >= secret.num_uses_limit;
        if expired || used_up {
            secret.revoked = true;
            let mut batch = WriteBatch::new();
            batch.put_meta(CLIENT_SECRETS, secret.id.clone(), to_bytes(&secret)?);
            self.kms.store().commit(batch).await?;
            let id = secret.id.clone();
            state.write().unwrap_or_else(PoisonError::into_inner).secrets.insert(id.clone(), secret);
            let message = if expired {
                "Access denied due to expired client secret"
            } else {
                "Access denied due to client secret usage limit reached"
            };
            return Err(fail(Some(&identity), Some(&id), AuthError::Unauthorized(message.into())));
        }
        secret.num_uses += 1;
        let token = Zeroizing::new(self.random_hex()?);
        let token_hash = hash(&token);
        let record = TokenRecord {
            id: uuid::Uuid::new_v4().to_string(),
            identity_id: identity.id.clone(),
            client_secret_id: secret.id.clone(),
            hash: hex::encode(token_hash),
            created_at: now,
            renewed_at: now,
            ttl: ua.access_token_ttl,
            max_ttl: ua.access_token_max_ttl,
            num_uses_limit: ua.access_token_num_uses_limit,
            num_uses: 0,
            trusted_ips: ua.access_token_trusted_ips.clone(),
        };
        let mut batch = WriteBatch::new();
        batch.put_meta(CLIENT_SECRETS, secret.id.clone(), to_bytes(&secret)?);
        batch.put_meta(TOKENS, record.id.clone(), to_bytes(&record)?);
        let expired: Vec<([u8; 32], String)> =
            if self.logins.fetch_add(1, Ordering::Relaxed).is_multiple_of(PURGE_EVERY) {
                let state = state.read().unwrap_or_else(PoisonError::into_inner);
                state.tokens.iter().filter(|(_, t)| t.expired(now).is_some()).map(|(h, t)| (*h, t.id.clone())).collect()
            } else {
                Vec::new()
            };
        for (_, id) in &expired {
            batch.delete_meta(TOKENS, id.clone());
        }
        let entry = self.login_entry(now, &source, Some(&identity), Some(&secret.id), Some(&record.id), "Success");
        self.commit(batch, vec![entry]).await?;
        self.lockout.succeeded(client_id);
        let issued = IssuedToken {
            access_token: token,
            expires_in: record.ttl,
            access_token_max_ttl: record.reported_max_ttl(),
            token_id: record.id.clone(),
        };
        let mut state = state.write().unwrap_or_else(PoisonError::into_inner);
        for (hash, _) in &expired {
            state.tokens.remove(hash);
        }
        state.secrets.insert(secret.id.clone(), secret);
        state.tokens.insert(token_hash, record);
        debug!(identity = %identity.name, token = %issued.token_id, "Universal Auth login");
        Ok(issued)
    }

    /// Renews `access_token` (used from `ip`) by its TTL, never past its
    /// max TTL: the same token, valid longer.
    pub async fn renew(&self, access_token: &str, ip: IpAddr) -> Result<IssuedToken, AuthError> {
        let access_token = access_token.trim();
        let moment = Instant::now();
        self.by_address.check(&ip.to_string(), moment).map_err(|retry_after| AuthError::RateLimited { retry_after })?;
        let token_hash = hash(access_token);
        let now = self.kms.now();
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        let (token, identity) = {
            let state = state.read().unwrap_or_else(PoisonError::into_inner);
            let token = state.tokens.get(&token_hash).cloned();
            let identity = token.as_ref().and_then(|t| state.identities.get(&t.identity_id)).cloned();
            (token, identity)
        };
        let (Some(mut token), Some(identity)) = (token, identity) else {
            return Err(AuthError::Unauthorized("No identity access token found".into()));
        };
        let actor = Actor::http(&identity_of(&identity), ip);
        let refusal = match token.expired(now) {
            Some(Expiry::Ttl) => Some("Failed to renew access token due to TTL expiration"),
            Some(Expiry::MaxTtl) => Some("Failed to renew access token due to Max TTL expiration"),
            Some(Expiry::Uses) => Some("Failed to renew access token: number of uses limit reached"),
            None if token.max_ttl > 0
                && now.saturating_add(secs(token.ttl)) > token.created_at.saturating_add(secs(token.max_ttl)) =>
            {
                Some("Failed to renew access token: the renewal would go past its Max TTL expiration")
            }
            None => None,
        };
        if let Some(message) = refusal {
            let mut batch = WriteBatch::new();
            batch.delete_meta(TOKENS, token.id.clone());
            let entry = self.entry(&actor, now, "renew-identity-access-token", &identity.id, "Unauthorized", None);
            self.commit(batch, vec![entry]).await?;
            state.write().unwrap_or_else(PoisonError::into_inner).tokens.remove(&token_hash);
            return Err(AuthError::Unauthorized(message.into()));
        }
        if !IpRange::any_contains(&token.trusted_ips, ip) {
            return Err(AuthError::Forbidden(format!("The IP address {ip} is not allowed to use this access token")));
        }
        token.renewed_at = now;
        let mut batch = WriteBatch::new();
        batch.put_meta(TOKENS, token.id.clone(), to_bytes(&token)?);
        let details = json!({"identityId": identity.id, "identityAccessTokenId": token.id});
        let entry = self.entry(&actor, now, "renew-identity-access-token", &identity.id, "Success", Some(details));
        self.commit(batch, vec![entry]).await?;
        let issued = IssuedToken {
            access_token: Zeroizing::new(access_token.to_owned()),
            expires_in: token.ttl,
            access_token_max_ttl: token.reported_max_ttl(),
            token_id: token.id.clone(),
        };
        state.write().unwrap_or_else(PoisonError::into_inner).tokens.insert(token_hash, token);
        Ok(issued)
    }

    /// Revokes `access_token`: refused at once from now on.
    pub async fn revoke(&self, access_token: &str, ip: IpAddr) -> Result<(), AuthError> {
        let token_hash = hash(access_token.trim());
        let now = self.kms.now();
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        let (token, identity) = {
            let state = state.read().unwrap_or_else(PoisonError::into_inner);
            let token = state.tokens.get(&token_hash).cloned();
            let identity = token.as_ref().and_then(|t| state.identities.get(&t.identity_id)).cloned();
            (token, identity)
        };
        let Some(token) = token else {
            return Err(AuthError::Unauthorized("No identity access token found: unknown or already revoked".into()));
        };
        let actor = match &identity {
            Some(identity) => Actor::http(&identity_of(identity), ip),
            None => Actor {
                kind: "machine".into(),
                identity: String::new(),
                source: Some(ip.to_string()),
                channel: "http".into(),
            },
        };
        let mut batch = WriteBatch::new();
        batch.delete_meta(TOKENS, token.id.clone());
        let details = json!({"identityId": token.identity_id, "identityAccessTokenId": token.id});
        let entry =
            self.entry(&actor, now, "revoke-identity-access-token", &token.identity_id, "Success", Some(details));
        self.commit(batch, vec![entry]).await?;
        state.write().unwrap_or_else(PoisonError::into_inner).tokens.remove(&token_hash);
        Ok(())
    }

    /// Creates machine identity `name` (of `organisation`) with the default
    /// Universal Auth configuration and a first client secret.
    pub async fn create_identity(
        &self,
        name: &str,
        organisation: Option<String>,
        actor: &Actor,
    ) -> Result<(MachineIdentity, NewClientSecret), AuthError> {
        let name = name.trim();
        if name.is_empty() || name.len() > 128 || name.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(AuthError::Invalid("an identity name is 1 to 128 characters, no spaces".into()));
        }
        let organisation = organisation.map(|o| o.trim().to_owned()).filter(|o| !o.is_empty());
        let now = self.kms.now();
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        if state.read().unwrap_or_else(PoisonError::into_inner).by_name.contains_key(name) {
            return Err(AuthError::Invalid(format!("a machine identity named {name:?} exists already")));
        }
        let identity = MachineIdentity {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.to_owned(),
            organisation: organisation.clone(),
            created_at: now,
            universal_auth: UaConfig::new(uuid::Uuid::new_v4().to_string(), uuid::Uuid::new_v4().to_string()),
        };
        let secret = self.new_secret(&identity.id, ClientSecretOptions::default(), now)?;
        let access_record = IdentityRecord { identity: identity_of(&identity), first_seen: None };
        let mut batch = WriteBatch::new();
        batch.put_meta(IDENTITIES, identity.id.clone(), to_bytes(&identity)?);
        batch.put_meta(CLIENT_SECRETS, secret.record.id.clone(), to_bytes(&secret.record)?);
        batch.put_meta(crate::access::IDENTITIES, access_record.identity.key(), to_bytes(&access_record)?);
        let details = json!({"identityId": identity.id, "name": identity.name, "identityUniversalAuthId": identity.universal_auth.id});
        let entries = vec![
            self.entry(actor, now, "create-identity", &identity.id, "Success", Some(details.clone())),
            self.entry(actor, now, "add-identity-universal-auth", &identity.id, "Success", Some(details)),
            self.secret_entry(actor, now, "create-identity-universal-auth-client-secret", &identity, &secret.record.id),
        ];
        self.commit(batch, entries).await?;
        self.kms.access().remember_identity(access_record);
        let mut state = state.write().unwrap_or_else(PoisonError::into_inner);
        state.by_name.insert(identity.name.clone(), identity.id.clone());
        state.by_client_id.insert(identity.universal_auth.client_id.clone(), identity.id.clone());
        state.identities.insert(identity.id.clone(), identity.clone());
        state.secrets.insert(secret.record.id.clone(), secret.record.clone());
        info!(identity = %identity.name, id = %identity.id, "machine identity created");
        Ok((identity, secret))
    }

    /// Every machine identity, by name.
    pub async fn identities(&self) -> Result<Vec<MachineIdentity>, AuthError> {
        let state = self.state().await?;
        let mut out: Vec<MachineIdentity> =
            state.read().unwrap_or_else(PoisonError::into_inner).identities.values().cloned().collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The machine identity of id `id`, or else of name `id`.
    pub async fn identity(&self, id: &str) -> Result<MachineIdentity, AuthError> {
        let state = self.state().await?;
        let state = state.read().unwrap_or_else(PoisonError::into_inner);
        let by_id = state.identities.get(id);
        by_id
            .or_else(|| state.by_name.get(id).and_then(|id| state.identities.get(id)))
            .cloned()
            .ok_or_else(|| AuthError::NotFound(format!("no machine identity {id:?}")))
    }

    /// Changes the Universal Auth configuration of identity `id`.
    pub async fn update_config(&self, id: &str, update: UaUpdate, actor: &Actor) -> Result<MachineIdentity, AuthError> {
        let now = self.kms.now();
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        let mut identity = self.identity(id).await?;
        let ua = &mut identity.universal_auth;
        let ttl = update.access_token_ttl.unwrap_or(ua.access_token_ttl);
        let max_ttl = update.access_token_max_ttl.unwrap_or(ua.access_token_max_ttl);
        if ttl > MAX_TTL_LIMIT || max_ttl > MAX_TTL_LIMIT {
            return Err(AuthError::Invalid(format!(
                "accessTokenTTL and accessTokenMaxTTL are at most {MAX_TTL_LIMIT}"
            )));
        }
        if max_ttl > 0 && ttl > max_ttl {
            return Err(AuthError::Invalid("accessTokenMaxTTL must be at least accessTokenTTL".into()));
        }
        ua.access_token_ttl = ttl;
        ua.access_token_max_ttl = max_ttl;
        if let Some(limit) = update.access_token_num_uses_limit {
            ua.access_token_num_uses_limit = limit;
        }
        for (given, field) in [
            (update.access_token_trusted_ips, &mut ua.access_token_trusted_ips),
            (update.client_secret_trusted_ips, &mut ua.client_secret_trusted_ips),
        ] {
            if let Some(ranges) = given {
                if ranges.is_empty() {
                    return Err(AuthError::Invalid("a trusted IP list needs at least one range".into()));
                }
                *field = ranges;
            }
        }
        if let Some(enabled) = update.lockout_enabled {
            ua.lockout_enabled = enabled;
        }
        if let Some(threshold) = update.lockout_threshold {
            ua.lockout_threshold = threshold.max(1);
        }
        if let Some(duration) = update.lockout_duration_seconds {
            ua.lockout_duration_seconds = duration;
        }
        if let Some(reset) = update.lockout_counter_reset_seconds {
            ua.lockout_counter_reset_seconds = reset;
        }
        let mut batch = WriteBatch::new();
        batch.put_meta(IDENTITIES, identity.id.clone(), to_bytes(&identity)?);
        let details = json!({"identityId": identity.id, "identityUniversalAuthId": identity.universal_auth.id});
        let entry = self.entry(actor, now, "update-identity-universal-auth", &identity.id, "Success", Some(details));
        self.commit(batch, vec![entry]).await?;
        state.write().unwrap_or_else(PoisonError::into_inner).identities.insert(identity.id.clone(), identity.clone());
        Ok(identity)
    }

    /// A new client secret of identity `id` (id or name).
    pub async fn create_client_secret(
        &self,
        id: &str,
        options: ClientSecretOptions,
        actor: &Actor,
    ) -> Result<NewClientSecret, AuthError> {
        if secs(options.ttl) > secs(MAX_TTL_LIMIT) {
            return Err(AuthError::Invalid(format!("ttl is at most {MAX_TTL_LIMIT}")));
        }
        let now = self.kms.now();
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        let identity = self.identity(id).await?;
        let secret = self.new_secret(&identity.id, options, now)?;
        let mut batch = WriteBatch::new();
        batch.put_meta(CLIENT_SECRETS, secret.record.id.clone(), to_bytes(&secret.record)?);
        let entry =
            self.secret_entry(actor, now, "create-identity-universal-auth-client-secret", &identity, &secret.record.id);
        self.commit(batch, vec![entry]).await?;
        state
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .secrets
            .insert(secret.record.id.clone(), secret.record.clone());
        Ok(secret)
    }

    /// The client secrets of identity `id` (id or name), oldest first.
    pub async fn client_secrets(&self, id: &str) -> Result<Vec<ClientSecretRecord>, AuthError> {
        let identity = self.identity(id).await?;
        let state = self.state().await?;
        let mut out: Vec<ClientSecretRecord> = state
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .secrets
            .values()
            .filter(|s| s.identity_id == identity.id)
            .cloned()
            .collect();
        out.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        Ok(out)
    }

    /// Revokes client secret `secret_id` of identity `id`.
    pub async fn revoke_client_secret(
        &self,
        id: &str,
        secret_id: &str,
        actor: &Actor,
    ) -> Result<ClientSecretRecord, AuthError> {
        let now = self.kms.now();
        let state = self.state().await?;
        let _serial = self.changes.lock().await;
        let identity = self.identity(id).await?;
        let current = state.read().unwrap_or_else(PoisonError::into_inner).secrets.get(secret_id).cloned();
        let Some(mut secret) = current.filter(|s| s.identity_id == identity.id) else {
            return Err(AuthError::NotFound(format!("no client secret {secret_id:?} of identity {id:?}")));
        };
        secret.revoked = true;
        let mut batch = WriteBatch::new();
        batch.put_meta(CLIENT_SECRETS, secret.id.clone(), to_bytes(&secret)?);
        let entry =
            self.secret_entry(actor, now, "revoke-identity-universal-auth-client-secret", &identity, &secret.id);
        self.commit(batch, vec![entry]).await?;
        state.write().unwrap_or_else(PoisonError::into_inner).secrets.insert(secret.id.clone(), secret.clone());
        Ok(secret)
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
