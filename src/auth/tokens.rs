//! Logins, access tokens and the bearer check (see the module docs of
//! [`crate::auth`]).

use std::net::IpAddr;
use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use std::time::Instant;

use serde_json::json;
use tracing::{debug, info};
use zeroize::Zeroizing;

use super::model::{CLIENT_SECRETS, Expiry, TOKENS, secs};
use super::{
    Actor, Auth, AuthError, Caller, ClientSecretRecord, IpRange, IssuedToken, MachineIdentity, PURGE_EVERY,
    TokenRecord, constant_time_eq, hash, identity_of, lockout_policy, result_name, to_bytes,
};
use crate::store::WriteBatch;

impl Auth {
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
        let (token, identity) = state.read().unwrap_or_else(PoisonError::into_inner).token_and_identity(&token_hash);
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
        let (token, identity) = state.read().unwrap_or_else(PoisonError::into_inner).token_and_identity(&token_hash);
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
}
