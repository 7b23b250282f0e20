//! Who is calling: the bearer token of a machine identity
//! ([`crate::auth::Auth::authenticate`]), mapped to HTTP answers.

use hyper::StatusCode;
use hyper::header::{self, HeaderMap, HeaderValue};

use super::routes::{Reply, error};
use super::{ConnectionInfo, State};
use crate::auth::{AuthError, Caller};

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
