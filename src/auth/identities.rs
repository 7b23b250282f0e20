//! Machine identities, their Universal Auth configuration and client
//! secrets (see the module docs of [`crate::auth`]).

use std::sync::PoisonError;

use serde_json::json;
use tracing::info;

use super::model::{CLIENT_SECRETS, IDENTITIES, MAX_TTL_LIMIT, secs};
use super::{
    Actor, Auth, AuthError, ClientSecretOptions, ClientSecretRecord, MachineIdentity, NewClientSecret, UaConfig,
    UaUpdate, identity_of, to_bytes,
};
use crate::access::IdentityRecord;
use crate::store::WriteBatch;

impl Auth {
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
}
