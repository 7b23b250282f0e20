//! Universal Auth over HTTP (rest-contract.md §1.1 and §2; docs/auth.md),
//! and who is calling: the bearer token of a machine identity
//! ([`crate::auth::Auth::authenticate`]), mapped to HTTP answers.
//!
//! Without authentication (the Go SDK clears the header for login and
//! renew):
//! - `POST /api/v1/auth/universal-auth/login` `{clientId, clientSecret}` →
//!   `{accessToken, expiresIn, accessTokenMaxTTL, tokenType:"Bearer"}`
//! - `POST /api/v1/auth/token/renew` `{accessToken}` → the same four fields
//! - `POST /api/v1/auth/token/revoke` `{accessToken}` →
//!   `{message:"Successfully revoked access token"}`
//!
//! With a bearer token: `GET /api/v1/auth/token/self` → the token's
//! identity `{identityId, name, kind, organisation, tokenId}` (kms's own,
//! for health checks of a credential).
//!
//! Administration, for an administrator (`access.admins`): a verified
//! client certificate, or a bearer token of a machine identity named
//! `machine:NAME` there:
//! - `POST /api/v1/identities` `{name, organizationId?}` →
//!   `{identity, identityUniversalAuth, clientSecret, clientSecretData}` (the
//!   identity comes with Universal Auth and a first client secret);
//!   `GET /api/v1/identities` → `{identities}`; `GET /api/v1/identities/:id`
//!   → `{identity}` (`:id` is the id or the name)
//! - `GET|POST|PATCH /api/v1/auth/universal-auth/identities/:id` → the
//!   configuration `{identityUniversalAuth}`; POST and PATCH change the
//!   fields given (`accessTokenTTL`, `accessTokenMaxTTL`,
//!   `accessTokenNumUsesLimit`, `accessTokenTrustedIps`,
//!   `clientSecretTrustedIps`, `lockout*`)
//! - `POST /api/v1/auth/universal-auth/identities/:id/client-secrets`
//!   `{description, numUsesLimit, ttl}` → `{clientSecret, clientSecretData}`;
//!   `GET` → `{clientSecretData:[…]}`;
//!   `POST …/client-secrets/:secretId/revoke` → `{clientSecretData}`

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, StatusCode};
use serde_json::{Value, json};

use super::routes::{Reply, error, json_reply, read_body};
use super::{ConnectionInfo, State};
use crate::auth::{Actor, AuthError, Caller, ClientSecretOptions, IpRange, UaUpdate};

/// True if `route` (trailing slash removed) is one of this file's.
pub(crate) fn owns(route: &str) -> bool {
    route.starts_with("/api/v1/auth/") || route == "/api/v1/identities" || route.starts_with("/api/v1/identities/")
}

/// Answers one request of [`owns`]'s routes.
pub(crate) async fn handle(state: &State, info: &ConnectionInfo, request: Request<Incoming>, route: &str) -> Reply {
    let method = request.method().clone();
    let headers = request.headers().clone();
    let body = if method == Method::GET || method == Method::HEAD {
        Value::Null
    } else {
        match read_body(state, request).await {
            Ok(body) => match parse(&body) {
                Ok(value) => value,
                Err(message) => return error(StatusCode::BAD_REQUEST, &message),
            },
            Err(reply) => return reply,
        }
    };
    let ip = info.remote.ip();
    let parts: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    match (&method, parts.as_slice()) {
        (&Method::POST, ["api", "v1", "auth", "universal-auth", "login"]) => {
            let (Some(client_id), Some(client_secret)) = (text(&body, "clientId"), text(&body, "clientSecret")) else {
                return error(StatusCode::BAD_REQUEST, "clientId and clientSecret are required");
            };
            match state.auth.login(client_id, client_secret, ip).await {
                Ok(issued) => json_reply(StatusCode::OK, &issued.to_json()),
                Err(e) => auth_error(&e),
            }
        }
        (&Method::POST, ["api", "v1", "auth", "token", "renew"]) => {
            let Some(token) = text(&body, "accessToken") else {
                return error(StatusCode::BAD_REQUEST, "accessToken is required");
            };
            match state.auth.renew(token, ip).await {
                Ok(issued) => json_reply(StatusCode::OK, &issued.to_json()),
                Err(e) => auth_error(&e),
            }
        }
        (&Method::POST, ["api", "v1", "auth", "token", "revoke"]) => {
            let Some(token) = text(&body, "accessToken").or_else(|| bearer_token(&headers)) else {
                return error(StatusCode::BAD_REQUEST, "accessToken is required");
            };
            match state.auth.revoke(token, ip).await {
                Ok(()) => json_reply(StatusCode::OK, &json!({"message": "Successfully revoked access token"})),
                Err(e) => auth_error(&e),
            }
        }
        (&Method::GET, ["api", "v1", "auth", "token", "self"]) => match bearer_caller(state, &headers, info).await {
            Ok(caller) => json_reply(
                StatusCode::OK,
                &json!({
                    "identityId": caller.identity_id,
                    "name": caller.identity.name,
                    "kind": caller.identity.kind.to_string(),
                    "organisation": caller.identity.organisation,
                    "tokenId": caller.token_id,
                }),
            ),
            Err(reply) => reply,
        },
        (_, ["api", "v1", "identities", ..] | ["api", "v1", "auth", "universal-auth", "identities", ..]) => {
            let actor = match administrator(state, &headers, info).await {
                Ok(actor) => actor,
                Err(reply) => return reply,
            };
            admin(state, &method, &parts, &body, &actor).await.unwrap_or_else(|e| auth_error(&e))
        }
        (_, ["api", "v1", "auth", "universal-auth", "login"] | ["api", "v1", "auth", "token", "renew" | "revoke"]) => {
            error(StatusCode::METHOD_NOT_ALLOWED, "use POST")
        }
        _ => error(StatusCode::NOT_FOUND, &format!("no route {method} {route}")),
    }
}

/// The administrative routes, for `actor`, an administrator.
async fn admin(
    state: &State,
    method: &Method,
    parts: &[&str],
    body: &Value,
    actor: &Actor,
) -> Result<Reply, AuthError> {
    let auth = &state.auth;
    let ok = |value: Value| Ok(json_reply(StatusCode::OK, &value));
    match (method, parts) {
        (&Method::POST, ["api", "v1", "identities"]) => {
            let name = text(body, "name").ok_or_else(|| AuthError::Invalid("name is required".into()))?;
            let org = text(body, "organizationId").or_else(|| text(body, "organization")).map(str::to_owned);
            let (identity, secret) = auth.create_identity(name, org, actor).await?;
            ok(json!({
                "identity": identity.to_json(),
                "identityUniversalAuth": identity.universal_auth.to_json(&identity.id),
                "clientSecret": secret.secret.as_str(),
                "clientSecretData": secret.record.to_json(),
            }))
        }
        (&Method::GET, ["api", "v1", "identities"]) => {
            let identities: Vec<Value> = auth.identities().await?.iter().map(|i| i.to_json()).collect();
            ok(json!({ "identities": identities }))
        }
        (&Method::GET, ["api", "v1", "identities", id]) => {
            let identity = auth.identity(id).await?;
            ok(json!({ "identity": identity.to_json() }))
        }
        (&Method::GET, ["api", "v1", "auth", "universal-auth", "identities", id]) => {
            let identity = auth.identity(id).await?;
            ok(json!({ "identityUniversalAuth": identity.universal_auth.to_json(&identity.id) }))
        }
        (&Method::POST | &Method::PATCH, ["api", "v1", "auth", "universal-auth", "identities", id]) => {
            let update = ua_update(body)?;
            let identity = auth.update_config(id, update, actor).await?;
            ok(json!({ "identityUniversalAuth": identity.universal_auth.to_json(&identity.id) }))
        }
        (&Method::POST, ["api", "v1", "auth", "universal-auth", "identities", id, "client-secrets"]) => {
            let options = ClientSecretOptions {
                description: text(body, "description").unwrap_or_default().to_owned(),
                ttl: number(body, "ttl")?.unwrap_or(0),
                num_uses_limit: number(body, "numUsesLimit")?.unwrap_or(0),
            };
            let secret = auth.create_client_secret(id, options, actor).await?;
            ok(json!({ "clientSecret": secret.secret.as_str(), "clientSecretData": secret.record.to_json() }))
        }
        (&Method::GET, ["api", "v1", "auth", "universal-auth", "identities", id, "client-secrets"]) => {
            let secrets: Vec<Value> = auth.client_secrets(id).await?.iter().map(|s| s.to_json()).collect();
            ok(json!({ "clientSecretData": secrets }))
        }
        (
            &Method::POST,
            ["api", "v1", "auth", "universal-auth", "identities", id, "client-secrets", secret_id, "revoke"],
        ) => {
            let secret = auth.revoke_client_secret(id, secret_id, actor).await?;
            ok(json!({ "clientSecretData": secret.to_json() }))
        }
        _ => Ok(error(StatusCode::NOT_FOUND, &format!("no route {method} /{}", parts.join("/")))),
    }
}

/// The administrator calling: a verified client certificate or a bearer
/// token, of an identity named in `access.admins`.
async fn administrator(state: &State, headers: &HeaderMap, info: &ConnectionInfo) -> Result<Actor, Reply> {
    let access = state.kms.access();
    let ip = info.remote.ip();
    if let Some(peer) = &info.peer
        && access.is_admin(&peer.identity)
    {
        let identity = crate::access::identity_of_key(&peer.identity, peer.organisation.clone());
        return Ok(Actor::http(&identity, ip));
    }
    if bearer_token(headers).is_none() && info.peer.is_some() {
        return Err(error(StatusCode::FORBIDDEN, "only an administrator may manage machine identities"));
    }
    let caller = bearer_caller(state, headers, info).await?;
    if !access.is_admin(&caller.identity.key()) {
        return Err(error(StatusCode::FORBIDDEN, "only an administrator may manage machine identities"));
    }
    Ok(Actor::http(&caller.identity, ip))
}

fn ua_update(body: &Value) -> Result<UaUpdate, AuthError> {
    Ok(UaUpdate {
        access_token_ttl: number(body, "accessTokenTTL")?,
        access_token_max_ttl: number(body, "accessTokenMaxTTL")?,
        access_token_num_uses_limit: number(body, "accessTokenNumUsesLimit")?,
        access_token_trusted_ips: ranges(body, "accessTokenTrustedIps")?,
        client_secret_trusted_ips: ranges(body, "clientSecretTrustedIps")?,
        lockout_enabled: body.get("lockoutEnabled").and_then(Value::as_bool),
        lockout_threshold: number(body, "lockoutThreshold")?.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        lockout_duration_seconds: number(body, "lockoutDurationSeconds")?,
        lockout_counter_reset_seconds: number(body, "lockoutCounterResetSeconds")?,
    })
}

/// A non-negative integer field (absent or null: None).
fn number(body: &Value, field: &str) -> Result<Option<u64>, AuthError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_u64()
            .map(Some)
            .ok_or_else(|| AuthError::Invalid(format!("{field} must be a non-negative integer"))),
    }
}

/// A list of trusted IPs: `["10.0.0.0/8"]` or Infisical's
/// `[{"ipAddress":"10.0.0.0/8"}]`.
fn ranges(body: &Value, field: &str) -> Result<Option<Vec<IpRange>>, AuthError> {
    let Some(list) = body.get(field).filter(|v| !v.is_null()) else { return Ok(None) };
    let items = list.as_array().ok_or_else(|| AuthError::Invalid(format!("{field} must be a list")))?;
    items
        .iter()
        .map(|item| {
            let text = item.as_str().or_else(|| item.get("ipAddress").and_then(Value::as_str));
            let text = text.ok_or_else(|| AuthError::Invalid(format!("{field}: each entry is an IP or CIDR")))?;
            text.parse::<IpRange>().map_err(|e| AuthError::Invalid(format!("{field}: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// A JSON object body (empty: `{}`); else why not (a 400).
fn parse(body: &Bytes) -> Result<Value, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err("the body must be a JSON object".into()),
        Err(e) => Err(format!("the body is not JSON: {e}")),
    }
}

/// A non-empty string field, trimmed.
fn text<'a>(body: &'a Value, field: &str) -> Option<&'a str> {
    body.get(field).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

/// The machine identity of the request's `Authorization: Bearer` token;
/// else the error reply (401 without or with a bad token, 403 outside the
/// trusted addresses, 429 with `Retry-After`).
pub(crate) async fn bearer_caller(state: &State, headers: &HeaderMap, info: &ConnectionInfo) -> Result<Caller, Reply> {
    let Some(token) = bearer_token(headers) else {
        return Err(error(StatusCode::UNAUTHORIZED, "Authorization: Bearer <access token> is required"));
    };
    state.auth.authenticate(token, info.remote.ip()).await.map_err(|e| auth_error(&e))
}

/// The token of an `Authorization: Bearer` header, if there is one.
pub(crate) fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The reply of an authentication failure.
pub(crate) fn auth_error(e: &AuthError) -> Reply {
    match e {
        AuthError::Unauthorized(message) => error(StatusCode::UNAUTHORIZED, message),
        AuthError::Forbidden(message) => error(StatusCode::FORBIDDEN, message),
        AuthError::Invalid(message) => error(StatusCode::BAD_REQUEST, message),
        AuthError::NotFound(message) => error(StatusCode::NOT_FOUND, message),
        AuthError::RateLimited { retry_after } => {
            let mut reply = error(StatusCode::TOO_MANY_REQUESTS, &e.to_string());
            if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
                reply.headers_mut().insert(header::RETRY_AFTER, value);
            }
            reply
        }
        AuthError::Store(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"),
    }
}
