//! Who calls `POST /kmip` and the key REST routes (issue 6, "Who may call
//! what"): one answer for both, so both map callers through the same
//! grants as the binary port.
//!
//! - An `Authorization: Bearer` header names a machine identity through
//!   Universal Auth ([`bearer_caller`]); its peer is the identity's key
//!   (`machine:NAME`) with its organisation. A header that is present
//!   decides: a bad or expired token is refused even when the connection
//!   also has a client certificate, so a caller never silently acts as
//!   another identity than the one it named.
//! - Without the header, a verified client certificate (the `cert`
//!   identity the connection was accepted with) is the caller.
//! - Neither: 401 JSON.

use hyper::StatusCode;
use hyper::header::{self, HeaderMap};

use super::auth::bearer_caller;
use super::routes::{Reply, error};
use super::{ConnectionInfo, State};
use crate::ops::{Channel, Peer};

/// The KMIP peer of a request: the bearer token's machine identity when
/// an `Authorization` header is present, else the client certificate's
/// identity; else the error reply (401, or what Universal Auth answers for
/// a refused token: 401, 403, 429).
pub(crate) async fn request_peer(state: &State, headers: &HeaderMap, info: &ConnectionInfo) -> Result<Peer, Reply> {
    if headers.contains_key(header::AUTHORIZATION) {
        let caller = bearer_caller(state, headers, info).await?;
        return Ok(Peer {
            identity: caller.identity.key(),
            address: Some(info.remote),
            organisation: caller.identity.organisation,
            channel: Channel::Http,
        });
    }
    match &info.peer {
        Some(peer) => Ok(peer.clone()),
        None => Err(error(
            StatusCode::UNAUTHORIZED,
            "a verified client certificate or Authorization: Bearer <access token> is required",
        )),
    }
}
