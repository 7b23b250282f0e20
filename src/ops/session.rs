//! Interop, Log, Poll, Cancel (KMIP 2.1 §6.1.25, §6.1.28, §6.1.35,
//! §6.1.4): the harness operations the OASIS test cases send, and the
//! asynchronous ones answered as a server that never runs asynchronously;
//! Set Endpoint Role, which changes the connection's [`Session`](super::Session);
//! Login and Logout (KMIP 2.1 §6.1.29, §6.1.30), which open and end a
//! session ticket (docs/access.md).

use kmip_ttlv::enums::{CancellationResult, EndpointRole, InteropFunction, TicketType};
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

/// Login (2.0+): a ticket for the message's identity (its client
/// certificate's, or the one a credential of the header named), valid for
/// the Lease Time asked (default one hour, at most one day) and, if a
/// Request Count is given, for that many requests. A later request presents
/// it as a Credential of type Ticket and runs as that identity.
pub(crate) fn login(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let lease = fields.interval(Tag::LEASE_TIME)?.map_or(crate::access::DEFAULT_LEASE, i64::from);
    let requests = match fields.integer(Tag::REQUEST_COUNT)? {
        Some(n) if n <= 0 => return Err(KmsError::InvalidField("Request Count must be positive".into())),
        Some(n) => Some(n.unsigned_abs()),
        None => None,
    };
    if fields.has(Tag::USAGE_LIMITS) {
        return Err(KmsError::Unsupported("Usage Limits on a Login ticket".into()));
    }
    let ticket = ctx.access.login(&ctx.peer.identity, ctx.now, lease, requests)?;
    info!(identity = %ctx.peer.identity, lease, "login");
    Ok(vec![Ttlv::structure(
        Tag::TICKET,
        vec![
            Ttlv::new(Tag::TICKET_TYPE, Value::Enumeration(TicketType::LOGIN.0)),
            Ttlv::new(Tag::TICKET_VALUE, Value::ByteString(ticket.into())),
        ],
    )])
}

/// Logout (2.0+): ends the session of the Ticket, which must be one the
/// message's identity holds (else Invalid Ticket).
pub(crate) fn logout(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let ticket = fields.structure(Tag::TICKET)?.ok_or_else(|| fields.missing(Tag::TICKET))?;
    let value = ticket.bytes(Tag::TICKET_VALUE)?.ok_or_else(|| ticket.missing(Tag::TICKET_VALUE))?;
    if !ctx.access.logout(value, &ctx.peer.identity) {
        return Err(KmsError::InvalidTicket("the ticket is not an open session of this identity".into()));
    }
    info!(identity = %ctx.peer.identity, "logout");
    Ok(Vec::new())
}
