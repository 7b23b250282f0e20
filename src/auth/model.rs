//! The records of Universal Auth, as the store keeps them (JSON meta
//! records) and as the admin REST shows them (Infisical's field names).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::ip::IpRange;

/// The store namespace of machine identities (key: identity id).
pub const IDENTITIES: &str = "auth-identities";
/// The store namespace of client secrets (key: client secret id).
pub const CLIENT_SECRETS: &str = "auth-client-secrets";
/// The store namespace of access tokens (key: token id).
pub const TOKENS: &str = "auth-tokens";

/// The default access token TTL (SPEC §4): 2 hours.
pub const DEFAULT_TTL: u64 = 7200;
/// The default access token max TTL: 30 days.
pub const DEFAULT_MAX_TTL: u64 = 2_592_000;
/// The largest TTL or max TTL accepted: 10 years.
pub const MAX_TTL_LIMIT: u64 = 315_360_000;
/// What login and renew report as `accessTokenMaxTTL` when the token has
/// no max TTL: never 0, which would make the Go SDK log in on every cycle.
pub const UNBOUNDED_MAX_TTL: u64 = 1_000_000_000;

/// A machine identity (kind `machine`; its identity key is `machine:NAME`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MachineIdentity {
    /// The identity id (a UUID).
    pub id: String,
    /// The name, unique among machine identities.
    pub name: String,
    /// The organisation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// When it was created (seconds since the epoch).
    pub created_at: i64,
    /// Its Universal Auth configuration.
    pub universal_auth: UaConfig,
}

/// The Universal Auth configuration of one identity (rest-contract §2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UaConfig {
    /// The Universal Auth id (a UUID; `identityUniversalAuthId`).
    pub id: String,
    /// The client id (a UUID).
    pub client_id: String,
    /// Seconds an access token lives after its login or last renew; 0:
    /// it does not expire by TTL.
    pub access_token_ttl: u64,
    /// Seconds an access token lives at most from its login; 0: no max.
    pub access_token_max_ttl: u64,
    /// Authenticated requests per token; 0: unlimited.
    pub access_token_num_uses_limit: u64,
    /// Where tokens may be used from.
    pub access_token_trusted_ips: Vec<IpRange>,
    /// Where logins may come from.
    pub client_secret_trusted_ips: Vec<IpRange>,
    /// Lockout after failed logins.
    pub lockout_enabled: bool,
    /// Failed logins that lock the client id.
    pub lockout_threshold: u32,
    /// How long the lock lasts, in seconds.
    pub lockout_duration_seconds: u64,
    /// Failures are counted within this many seconds.
    pub lockout_counter_reset_seconds: u64,
}

impl UaConfig {
    /// The defaults, with fresh ids.
    pub fn new(id: String, client_id: String) -> UaConfig {
        UaConfig {
            id,
            client_id,
            access_token_ttl: DEFAULT_TTL,
            access_token_max_ttl: DEFAULT_MAX_TTL,
            access_token_num_uses_limit: 0,
            access_token_trusted_ips: IpRange::everything(),
            client_secret_trusted_ips: IpRange::everything(),
            lockout_enabled: true,
            lockout_threshold: 3,
            lockout_duration_seconds: 300,
            lockout_counter_reset_seconds: 30,
        }
    }

    /// The Infisical shape (`identityUniversalAuth`).
    pub fn to_json(&self, identity_id: &str) -> Value {
        json!({
            "id": self.id,
            "identityId": identity_id,
            "clientId": self.client_id,
            "accessTokenTTL": self.access_token_ttl,
            "accessTokenMaxTTL": self.access_token_max_ttl,
            "accessTokenNumUsesLimit": self.access_token_num_uses_limit,
            "accessTokenTrustedIps": ip_list(&self.access_token_trusted_ips),
            "clientSecretTrustedIps": ip_list(&self.client_secret_trusted_ips),
            "lockoutEnabled": self.lockout_enabled,
            "lockoutThreshold": self.lockout_threshold,
            "lockoutDurationSeconds": self.lockout_duration_seconds,
            "lockoutCounterResetSeconds": self.lockout_counter_reset_seconds,
        })
    }
}

impl MachineIdentity {
    /// The Infisical shape (`identity`).
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "orgId": self.organisation,
            "kind": "machine",
            "authMethods": ["universal-auth"],
            "createdAt": iso_time(self.created_at),
        })
    }
}

/// Trusted IPs as Infisical lists them.
fn ip_list(ranges: &[IpRange]) -> Value {
    Value::Array(ranges.iter().map(|r| json!({"ipAddress": r.to_string()})).collect())
}

/// A client secret: its hash, never the secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientSecretRecord {
    /// The client secret id (a UUID).
    pub id: String,
    /// Whose.
    pub identity_id: String,
    /// SHA-256 of the secret, hex.
    pub hash: String,
    /// The secret's first 4 characters (to tell secrets apart in lists).
    pub prefix: String,
    /// What it is for.
    #[serde(default)]
    pub description: String,
    /// Seconds it may be used after its creation; 0: forever.
    #[serde(default)]
    pub ttl: u64,
    /// Logins it may make; 0: unlimited.
    #[serde(default)]
    pub num_uses_limit: u64,
    /// Logins it made.
    #[serde(default)]
    pub num_uses: u64,
    /// Revoked (by an administrator, or used up, or expired).
    #[serde(default)]
    pub revoked: bool,
    /// When it was created.
    pub created_at: i64,
}

impl ClientSecretRecord {
    /// The Infisical shape (`clientSecretData`).
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "identityUAId": self.identity_id,
            "description": self.description,
            "clientSecretPrefix": self.prefix,
            "clientSecretNumUses": self.num_uses,
            "clientSecretNumUsesLimit": self.num_uses_limit,
            "clientSecretTTL": self.ttl,
            "isClientSecretRevoked": self.revoked,
            "createdAt": iso_time(self.created_at),
        })
    }
}

/// An access token: its hash, never the token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRecord {
    /// The token id (a UUID; `identityAccessTokenId`).
    pub id: String,
    /// Whose.
    pub identity_id: String,
    /// The client secret it was made with.
    pub client_secret_id: String,
    /// SHA-256 of the token, hex.
    pub hash: String,
    /// When it was made (the login).
    pub created_at: i64,
    /// When it was made or last renewed.
    pub renewed_at: i64,
    /// Its TTL (0: none) and max TTL (0: none), from the configuration
    /// at login.
    pub ttl: u64,
    /// See `ttl`.
    pub max_ttl: u64,
    /// Authenticated requests it may make; 0: unlimited.
    pub num_uses_limit: u64,
    /// Authenticated requests counted (durably only with a limit).
    #[serde(default)]
    pub num_uses: u64,
    /// Where it may be used from.
    pub trusted_ips: Vec<IpRange>,
}

/// Why a token is no longer valid at some time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    /// Past its TTL since the login or last renew.
    Ttl,
    /// Past its max TTL since the login.
    MaxTtl,
    /// Its uses are used up.
    Uses,
}

impl TokenRecord {
    /// Why the token is not valid at `now`, if it is not.
    pub fn expired(&self, now: i64) -> Option<Expiry> {
        if self.max_ttl > 0 && now >= self.created_at.saturating_add(secs(self.max_ttl)) {
            return Some(Expiry::MaxTtl);
        }
        if self.ttl > 0 && now >= self.renewed_at.saturating_add(secs(self.ttl)) {
            return Some(Expiry::Ttl);
        }
        if self.num_uses_limit > 0 && self.num_uses >= self.num_uses_limit {
            return Some(Expiry::Uses);
        }
        None
    }

    /// The `accessTokenMaxTTL` to report: never 0.
    pub fn reported_max_ttl(&self) -> u64 {
        if self.max_ttl == 0 { UNBOUNDED_MAX_TTL } else { self.max_ttl }
    }
}

/// Seconds as the clock's type.
pub fn secs(seconds: u64) -> i64 {
    i64::try_from(seconds).unwrap_or(i64::MAX)
}

/// `2026-01-01T00:00:00.000Z`.
pub fn iso_time(seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339).ok().map(|text| {
                // Infisical's dates have milliseconds.
                text.strip_suffix('Z').map_or(text.clone(), |t| format!("{t}.000Z"))
            })
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(ttl: u64, max_ttl: u64, limit: u64) -> TokenRecord {
        TokenRecord {
            id: "t".into(),
            identity_id: "i".into(),
            client_secret_id: "s".into(),
            hash: String::new(),
            created_at: 1000,
            renewed_at: 1000,
            ttl,
            max_ttl,
            num_uses_limit: limit,
            num_uses: 0,
            trusted_ips: IpRange::everything(),
        }
    }

    #[test]
    fn tokens_expire_by_ttl_max_ttl_and_uses() {
        let mut t = token(10, 100, 0);
        assert_eq!(t.expired(1009), None);
        assert_eq!(t.expired(1010), Some(Expiry::Ttl));
        t.renewed_at = 1095;
        assert_eq!(t.expired(1099), None);
        assert_eq!(t.expired(1100), Some(Expiry::MaxTtl), "renewing never passes the max TTL");
        let endless = token(0, 0, 0);
        assert_eq!(endless.expired(i64::MAX), None);
        assert_eq!(endless.reported_max_ttl(), UNBOUNDED_MAX_TTL, "never 0");
        let mut counted = token(0, 0, 2);
        counted.num_uses = 2;
        assert_eq!(counted.expired(1000), Some(Expiry::Uses));
    }

    #[test]
    fn dates_look_like_infisical_dates() {
        assert_eq!(iso_time(1_767_225_600), "2026-01-01T00:00:00.000Z");
    }
}
