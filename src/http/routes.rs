//! The routes of the side listener and their JSON errors.
//!
//! - `GET /api/status`: 200 `{"message":"Ok",...}`, no authentication
//!   (health probes; rest-contract.md §1.0).
//! - `GET /metrics`: the Prometheus text format, no authentication.
//! - `POST /kmip`: the KMIP HTTPS profile (kmip-reference §8): the body is
//!   one whole Request Message as binary TTLV (`application/octet-stream`),
//!   KMIP JSON (`application/json`) or KMIP XML (`text/xml`,
//!   `application/xml`); the Response Message goes back in the same
//!   encoding with 200, `Cache-Control: no-cache` and a Content-Length,
//!   whatever its Result Status. It needs the identity of a verified client
//!   certificate (401 without) and runs through
//!   [`Kms::handle_message`](crate::ops::Kms::handle_message) /
//!   [`Kms::process_owned`](crate::ops::Kms::process_owned): the same access
//!   control and audit chain as the KMIP port (channel `http`).
//!
//! - Universal Auth and machine identities under `/api/v1/auth/` and
//!   `/api/v1/identities` ([`super::auth`]).
//!
//! Trailing slashes are accepted. Everything else gets a JSON error:
//! `{"reqId":"req-…","statusCode":N,"message":"…","error":"<Name>"}`.

use std::fmt::Write as _;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use kmip_ttlv::{json, xml};
use serde_json::json;
use tracing::{debug, warn};

use super::{ConnectionInfo, State};

/// The answer type of every route.
pub(crate) type Reply = Response<Full<Bytes>>;

/// The encodings of `POST /kmip`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Ttlv,
    Json,
    /// The XML media type the request used, echoed in the response.
    Xml(&'static str),
}

impl Encoding {
    fn content_type(self) -> &'static str {
        match self {
            Encoding::Ttlv => "application/octet-stream",
            Encoding::Json => "application/json",
            Encoding::Xml(media_type) => media_type,
        }
    }
}

/// Routes one request.
pub(crate) async fn handle(state: &State, info: &ConnectionInfo, request: Request<Incoming>) -> Reply {
    let path = request.uri().path();
    let route = match path.trim_end_matches('/') {
        "" => "/",
        trimmed => trimmed,
    }
    .to_owned();
    let method = request.method().clone();
    match (&method, route.as_str()) {
        (&Method::GET, "/api/status") => status(),
        (&Method::GET, "/metrics") => metrics(state).await,
        (&Method::POST, "/kmip") => kmip(state, info, request).await,
        (_, "/api/status" | "/metrics") => error(StatusCode::METHOD_NOT_ALLOWED, "use GET"),
        (_, "/kmip") => error(StatusCode::METHOD_NOT_ALLOWED, "use POST"),
        (_, route) if super::secrets::handles(route) => super::secrets::handle(state, info, request, route).await,
        (_, route) if super::auth::owns(route) => super::auth::handle(state, info, request, route).await,
        _ => error(StatusCode::NOT_FOUND, &format!("no route {method} {}", request.uri().path())),
    }
}

fn status() -> Reply {
    let body = json!({ "message": "Ok", "service": "kms", "version": env!("CARGO_PKG_VERSION") });
    json_reply(StatusCode::OK, &body)
}

async fn metrics(state: &State) -> Reply {
    let mut out = String::with_capacity(4096);
    state.kms.metrics().render(&mut out);
    out.push_str("# HELP kms_open_connections Connections open now, by listener.\n");
    out.push_str("# TYPE kms_open_connections gauge\n");
    let _ = writeln!(out, "kms_open_connections{{listener=\"kmip\"}} {}", state.kmip_stats.open_connections());
    let _ = writeln!(out, "kms_open_connections{{listener=\"http\"}} {}", state.stats.open_connections());
    out.push_str("# HELP kms_http_requests_total HTTP requests answered by the side listener.\n");
    out.push_str("# TYPE kms_http_requests_total counter\n");
    let _ = writeln!(out, "kms_http_requests_total {}", state.stats.requests());
    let store = state.kms.store();
    match store.all_ids().await {
        Ok(ids) => {
            // Managed objects, not the key hierarchy's own records.
            let objects = ids.iter().filter(|id| !crate::keys::is_hierarchy_record(id)).count();
            out.push_str("# HELP kms_store_objects Managed objects in the store.\n");
            out.push_str("# TYPE kms_store_objects gauge\n");
            let _ = writeln!(out, "kms_store_objects {objects}");
        }
        Err(e) => warn!(error = %e, "metrics: counting the store's objects failed"),
    }
    match store.log_head().await {
        Ok(head) => {
            out.push_str("# HELP kms_audit_chain_length Entries appended to the audit chain.\n");
            out.push_str("# TYPE kms_audit_chain_length gauge\n");
            let _ = writeln!(out, "kms_audit_chain_length {}", head.next);
        }
        Err(e) => warn!(error = %e, "metrics: reading the audit chain's head failed"),
    }
    let mut reply = Response::new(Full::new(Bytes::from(out)));
    reply
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"));
    reply
}

async fn kmip(state: &State, info: &ConnectionInfo, request: Request<Incoming>) -> Reply {
    let Some(peer) = &info.peer else {
        return error(StatusCode::UNAUTHORIZED, "POST /kmip needs a verified client certificate");
    };
    let Some(encoding) = encoding(request.headers()) else {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type must be application/octet-stream (TTLV), application/json or text/xml",
        );
    };
    let body = match read_body(state, request).await {
        Ok(body) => body,
        Err(reply) => return reply,
    };
    debug!(bytes = body.len(), ?encoding, identity = %peer.identity, "KMIP request over HTTP");
    let kms = &state.kms;
    let response: Vec<u8> = match encoding {
        Encoding::Ttlv => kms.handle_message(peer, body).await,
        Encoding::Json | Encoding::Xml(_) => {
            let text = std::str::from_utf8(&body).map_err(|e| format!("the body is not UTF-8: {e}"));
            let tree = text.and_then(|text| {
                let decoded = if encoding == Encoding::Json { json::from_str(text) } else { xml::from_str(text) };
                decoded.map_err(|e| format!("malformed message: {e}"))
            });
            let response = match tree {
                Ok(tree) => kms.process_owned(peer, tree).await,
                Err(message) => kms.refuse_undecodable(peer, None, &message),
            };
            let tree = response.into_ttlv();
            let text = if encoding == Encoding::Json { json::to_string(&tree) } else { xml::to_string(&tree) };
            text.into_bytes()
        }
    };
    let mut reply = Response::new(Full::new(Bytes::from(response)));
    let headers = reply.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(encoding.content_type()));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    reply
}

/// The encoding a request's Content-Type names (parameters such as
/// `charset` ignored).
fn encoding(headers: &HeaderMap) -> Option<Encoding> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let media_type = value.split(';').next()?.trim().to_ascii_lowercase();
    match media_type.as_str() {
        "application/octet-stream" => Some(Encoding::Ttlv),
        "application/json" => Some(Encoding::Json),
        "text/xml" => Some(Encoding::Xml("text/xml")),
        "application/xml" => Some(Encoding::Xml("application/xml")),
        _ => None,
    }
}

/// The whole body, within the size limit and the body timeout.
pub(crate) async fn read_body(state: &State, request: Request<Incoming>) -> Result<Bytes, Reply> {
    let limit = state.settings.max_body_size;
    let too_large = || error(StatusCode::PAYLOAD_TOO_LARGE, &format!("the request body exceeds {limit} bytes"));
    let announced = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if announced.is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX)) {
        return Err(too_large());
    }
    let body = Limited::new(request.into_body(), limit).collect();
    match tokio::time::timeout(state.settings.body_timeout, body).await {
        Err(_) => Err(error(StatusCode::REQUEST_TIMEOUT, "the request body did not arrive in time")),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => Err(too_large()),
        Ok(Err(e)) => {
            debug!(error = %e, "reading the request body failed");
            Err(error(StatusCode::BAD_REQUEST, "the request body could not be read"))
        }
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
    }
}

/// A JSON error in the shape of Infisical's error handler.
pub(crate) fn error(status: StatusCode, message: &str) -> Reply {
    let name = match status {
        StatusCode::BAD_REQUEST => "BadRequest",
        StatusCode::UNAUTHORIZED => "UnauthorizedError",
        StatusCode::FORBIDDEN => "PermissionDenied",
        StatusCode::NOT_FOUND => "NotFound",
        StatusCode::METHOD_NOT_ALLOWED => "MethodNotAllowed",
        StatusCode::REQUEST_TIMEOUT => "RequestTimeout",
        StatusCode::PAYLOAD_TOO_LARGE => "PayloadTooLarge",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "UnsupportedMediaType",
        StatusCode::TOO_MANY_REQUESTS => "RateLimit",
        _ => "InternalServerError",
    };
    let body = json!({
        "reqId": format!("req-{}", uuid::Uuid::new_v4().simple()),
        "statusCode": status.as_u16(),
        "message": message,
        "error": name,
    });
    json_reply(status, &body)
}

pub(crate) fn json_reply(status: StatusCode, body: &serde_json::Value) -> Reply {
    let mut reply = Response::new(Full::new(Bytes::from(body.to_string())));
    *reply.status_mut() = status;
    reply.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_select_the_encoding() {
        let mut headers = HeaderMap::new();
        assert_eq!(encoding(&headers), None);
        for (value, expected) in [
            ("application/octet-stream", Some(Encoding::Ttlv)),
            ("application/json; charset=utf-8", Some(Encoding::Json)),
            ("Text/XML", Some(Encoding::Xml("text/xml"))),
            ("application/xml", Some(Encoding::Xml("application/xml"))),
            ("text/plain", None),
        ] {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
            assert_eq!(encoding(&headers), expected, "{value}");
        }
    }

    #[test]
    fn errors_have_the_infisical_shape() {
        let reply = error(StatusCode::PAYLOAD_TOO_LARGE, "too big");
        assert_eq!(reply.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(reply.headers()[header::CONTENT_TYPE], "application/json; charset=utf-8");
    }
}
