//! Interop, Log, Poll, Cancel (KMIP 2.1 §6.1.25, §6.1.28, §6.1.35,
//! §6.1.4): the harness operations the OASIS test cases send, and the
//! asynchronous ones answered as a server that never runs asynchronously;
//! Set Endpoint Role, which changes the connection's [`Session`](super::Session).

use kmip_ttlv::enums::{CancellationResult, EndpointRole, InteropFunction};
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};
use tracing::{debug, info};

use super::context::OpContext;
use crate::error::KmsError;

/// Interop (2.0+): Begin / End / Reset of a test case; Success, empty.
pub(crate) fn interop(_ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let function = fields.enumeration(Tag::INTEROP_FUNCTION)?.ok_or_else(|| fields.missing(Tag::INTEROP_FUNCTION))?;
    let identifier = fields.text(Tag::INTEROP_IDENTIFIER)?.unwrap_or_default();
    info!(function = ?InteropFunction(function), identifier, "interop");
    Ok(Vec::new())
}

/// Log (2.0+): the client's message goes to the server log; Success,
/// empty.
pub(crate) fn log(_ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let message = fields.text(Tag::LOG_MESSAGE)?.ok_or_else(|| fields.missing(Tag::LOG_MESSAGE))?;
    info!(message, "client log");
    Ok(Vec::new())
}

/// Poll: nothing is ever pending here.
pub(crate) fn poll(_ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    fields
        .bytes(Tag::ASYNCHRONOUS_CORRELATION_VALUE)?
        .ok_or_else(|| fields.missing(Tag::ASYNCHRONOUS_CORRELATION_VALUE))?;
    Err(KmsError::InvalidCorrelationValue(
        "no asynchronous operation is pending: this server answers synchronously".into(),
    ))
}

/// Cancel: nothing is ever pending here, so the operation named is not
/// known: Cancellation Result Unavailable (KMIP 2.1 §6.1.4, §11.7).
pub(crate) fn cancel(_ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let value = fields
        .bytes(Tag::ASYNCHRONOUS_CORRELATION_VALUE)?
        .ok_or_else(|| fields.missing(Tag::ASYNCHRONOUS_CORRELATION_VALUE))?;
    Ok(vec![
        Ttlv::new(Tag::ASYNCHRONOUS_CORRELATION_VALUE, Value::ByteString(value.clone())),
        Ttlv::new(Tag::CANCELLATION_RESULT, Value::Enumeration(CancellationResult::UNAVAILABLE.0)),
    ])
}

/// Set Endpoint Role (2.0+; KMIP 2.1 §6.1, Set Endpoint Role): the role
/// the client end of this connection takes. Server: the client accepts the
/// server-to-client operations (Notify, Put) on this connection; Client
/// (the default): it does not. The role belongs to the connection and
/// takes effect when the message commits; the response echoes it.
pub(crate) fn set_endpoint_role(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let role = EndpointRole(fields.enumeration(Tag::ENDPOINT_ROLE)?.ok_or_else(|| fields.missing(Tag::ENDPOINT_ROLE))?);
    if role != EndpointRole::CLIENT && role != EndpointRole::SERVER {
        return Err(KmsError::InvalidField(format!("Endpoint Role {role:?} is neither Client nor Server")));
    }
    ctx.session.endpoint_role = role;
    debug!(role = ?role, "endpoint role");
    Ok(vec![Ttlv::new(Tag::ENDPOINT_ROLE, Value::Enumeration(role.0))])
}
