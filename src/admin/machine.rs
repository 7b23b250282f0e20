//! The machine identity commands (`kms identity create`, `kms identity
//! secret create`), as the admin socket runs them and as the CLI runs them
//! on a store it opened itself: one implementation, over an
//! [`Auth`](crate::auth::Auth).
//!
//! ```text
//! → {"command":"identity-create","identity":"ci","org":"acme"}
//! ← {"ok":true,"result":{"identityId":"…","clientId":"…","clientSecret":"…"}}
//! → {"command":"identity-secret-create","identity":"ci","description":"deploy","ttl":0,"num_uses_limit":0}
//! ← {"ok":true,"result":{"identityId":"…","clientId":"…","clientSecretId":"…","clientSecret":"…"}}
//! ```
//!
//! The client secret is in the answer only: the store keeps its hash, and
//! the audit entry names the identity and the secret's id.

use serde_json::{Value, json};

use crate::auth::{Actor, Auth, ClientSecretOptions};

/// `identity-create`: a machine identity with Universal Auth and its first
/// client secret.
pub async fn create(auth: &Auth, request: &Value, actor: &Actor) -> Result<Value, String> {
    let name = request.get("identity").and_then(Value::as_str).ok_or("identity-create: no \"identity\" (the name)")?;
    let org = request.get("org").and_then(Value::as_str).map(str::to_owned);
    let (identity, secret) = auth.create_identity(name, org, actor).await.map_err(|e| e.to_string())?;
    Ok(json!({
        "identityId": identity.id,
        "clientId": identity.universal_auth.client_id,
        "clientSecret": secret.secret.as_str(),
    }))
}

/// `identity-secret-create`: one more client secret of a machine identity
/// (by name or id).
pub async fn create_secret(auth: &Auth, request: &Value, actor: &Actor) -> Result<Value, String> {
    let name =
        request.get("identity").and_then(Value::as_str).ok_or("identity-secret-create: no \"identity\" (the name)")?;
    let options = ClientSecretOptions {
        description: request.get("description").and_then(Value::as_str).unwrap_or_default().to_owned(),
        ttl: request.get("ttl").and_then(Value::as_u64).unwrap_or(0),
        num_uses_limit: request.get("num_uses_limit").and_then(Value::as_u64).unwrap_or(0),
    };
    let secret = auth.create_client_secret(name, options, actor).await.map_err(|e| e.to_string())?;
    let identity = auth.identity(name).await.map_err(|e| e.to_string())?;
    Ok(json!({
        "identityId": identity.id,
        "clientId": identity.universal_auth.client_id,
        "clientSecretId": secret.record.id,
        "clientSecret": secret.secret.as_str(),
    }))
}
