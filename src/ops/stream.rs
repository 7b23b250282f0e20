//! The streaming form of Encrypt, Decrypt, Sign, Signature Verify, MAC,
//! MAC Verify and Hash (KMIP 2.1 §6.1.17 ...; 1.4 §4.29–4.35): a first
//! request with Init Indicator, more requests naming the Correlation Value
//! the server returned, and a last one with Final Indicator.
//!
//! AES-GCM encryption gives its ciphertext piece by piece (the engine's
//! [`EncryptStream`]). Every other operation keeps the data (zeroized when
//! dropped) and, at the Final request, runs the one-shot operation on the
//! whole of it: a streamed Decrypt releases no plaintext before its tag is
//! checked, and a streamed Sign signs exactly what a one-shot Sign would.
//!
//! Streams belong to the identity that opened them, expire after
//! [`IDLE_SECONDS`] without use, hold at most [`MAX_BYTES`], and at most
//! [`MAX_STREAMS`] are open at once. A stream cannot be rolled back (the
//! cipher has moved on), so a message that opened or continued a stream and
//! is then not committed (Batch Undo, a response over the Maximum Response
//! Size, a failed or conflicting commit) closes that stream: its client
//! gets Invalid Correlation Value and starts again, instead of a stream
//! that silently took a piece twice.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;

use bytes::Bytes;
use kmip_ttlv::enums::Operation;
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};
use zeroize::Zeroizing;

use super::context::OpContext;
use super::crypto_params::{CryptoParams, Use, charge_stream_piece, check_usable, object_algorithm};
use crate::crypto::{Cipher, EncryptStream};
use crate::error::KmsError;

/// Open streams at most.
const MAX_STREAMS: usize = 4096;
/// Data one stream may hold.
const MAX_BYTES: usize = 64 << 20;
/// Seconds a stream may stay unused.
const IDLE_SECONDS: i64 = 600;

/// The open streams of a server.
#[derive(Default)]
pub struct Streams {
    map: Mutex<HashMap<Vec<u8>, Stream>>,
}

struct Stream {
    owner: String,
    operation: Operation,
    last_used: i64,
    state: State,
}

enum State {
    /// AES-GCM encryption in pieces.
    Encrypt { id: String, stream: Box<dyn EncryptStream> },
    /// The first request (for its parameters) and the data so far.
    Buffer { first: Ttlv, data: Zeroizing<Vec<u8>> },
}

/// What the operation does with this request.
pub(crate) enum Step<'a> {
    /// Run the one-shot operation on this payload: the request's own, or,
    /// at the last step of a buffered stream, the first request's with all
    /// the data.
    Run(Cow<'a, Ttlv>),
    /// A streaming step answered here.
    Answered(Vec<Ttlv>),
}

impl Streams {
    /// No streams.
    pub fn new() -> Streams {
        Streams::default()
    }

    /// Closes the streams with these Correlation Values (a message that
    /// moved them on was not committed).
    pub(crate) fn close(&self, correlations: &[Vec<u8>]) {
        if correlations.is_empty() {
            return;
        }
        // A poisoned table has nothing left worth keeping.
        let mut map = self.map.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for correlation in correlations {
            map.remove(correlation);
        }
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, HashMap<Vec<u8>, Stream>>, KmsError> {
        self.map.lock().map_err(|_| KmsError::Internal("the stream table lock is poisoned".into()))
    }
}

/// Handles the Init / Final / Correlation Value fields of `payload` for
/// `operation`, used as `use_`.
pub(crate) async fn step<'a>(
    ctx: &mut OpContext<'_>,
    operation: Operation,
    use_: Use,
    payload: &'a Ttlv,
) -> Result<Step<'a>, KmsError> {
    let fields = Fields::of(payload)?;
    let init = fields.boolean(Tag::INIT_INDICATOR)?.unwrap_or(false);
    let last = fields.boolean(Tag::FINAL_INDICATOR)?.unwrap_or(false);
    let correlation = fields.bytes(Tag::CORRELATION_VALUE)?.map(|c| c.to_vec());
    // Copied only for a streamed piece (a one-shot request is the hot path).
    let data = || -> Result<Vec<u8>, KmsError> { Ok(fields.bytes(Tag::DATA)?.map(|d| d.to_vec()).unwrap_or_default()) };
    match (init, last, correlation) {
        (false, false, None) => Ok(Step::Run(Cow::Borrowed(payload))),
        (true, true, None) => Ok(Step::Run(Cow::Owned(strip(payload, None)))),
        (true, _, Some(_)) => Err(KmsError::InvalidField("an Init request carries no Correlation Value".into())),
        (true, false, None) => open(ctx, operation, use_, payload, &fields, data()?).await,
        (false, _, None) => Err(KmsError::MissingData("a Final request needs the stream's Correlation Value".into())),
        (false, last, Some(correlation)) => next(ctx, operation, use_, correlation, data()?, last).await,
    }
}

/// An Init request: a new stream.
async fn open(
    ctx: &mut OpContext<'_>,
    operation: Operation,
    use_: Use,
    payload: &Ttlv,
    fields: &Fields<'_>,
    data: Vec<u8>,
) -> Result<Step<'static>, KmsError> {
    let mut correlation = vec![0u8; 16];
    ctx.crypto.random(&mut correlation)?;
    let mut response = Vec::new();
    // The key is checked at once (Hash has none), so a key that cannot be
    // used fails the Init request.
    let target = if operation == Operation::HASH {
        None
    } else {
        let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
        let object = ctx.object_shared(&id).await?;
        check_usable(&object, use_, ctx.now)?;
        response.push(Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id.clone())));
        Some((id, object))
    };
    let mut state = None;
    if let Some((id, object)) = target.filter(|_| operation == Operation::ENCRYPT) {
        charge_stream_piece(ctx, &object, data.len(), true)?;
        let params = CryptoParams::merged(fields.one(Tag::CRYPTOGRAPHIC_PARAMETERS)?, &object)?;
        let key = super::crypto_params::cached_engine_key(ctx, &object, false)?;
        let mut cipher = params.cipher_params(key.kind, object_algorithm(&object))?;
        if cipher.cipher == Cipher::AesGcm {
            if ctx.version < kmip_ttlv::ProtocolVersion::V1_4 {
                return Err(KmsError::Unsupported(format!(
                    "AES-GCM in KMIP {} (the Authenticated Encryption Tag is a KMIP 1.4 field)",
                    ctx.version
                )));
            }
            cipher.iv = fields.bytes(Tag::IV_COUNTER_NONCE)?.map(|b| &b[..]);
            if let Some(aad) = fields.bytes(Tag::AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA)? {
                cipher.aad = aad;
            }
            let crate::crypto::OpenedStream { mut stream, iv } = ctx.crypto.encrypt_stream(key.key_ref(), &cipher)?;
            response.push(Ttlv::new(Tag::DATA, Value::ByteString(Bytes::from(stream.update(&data)?))));
            if let Some(iv) = iv {
                response.push(Ttlv::new(Tag::IV_COUNTER_NONCE, Value::ByteString(Bytes::from(iv))));
            }
            state = Some(State::Encrypt { id, stream });
        }
    }
    let state = state.unwrap_or_else(|| State::Buffer { first: payload.clone(), data: Zeroizing::new(data) });
    let mut map = ctx.streams.lock()?;
    let now = ctx.now;
    map.retain(|_, s| now - s.last_used < IDLE_SECONDS);
    if map.len() >= MAX_STREAMS {
        return Err(KmsError::Policy(format!("{MAX_STREAMS} streams are open: finish one first")));
    }
    map.insert(correlation.clone(), Stream { owner: ctx.peer.identity.clone(), operation, last_used: now, state });
    drop(map);
    ctx.touched_streams.push(correlation.clone());
    response.push(Ttlv::new(Tag::CORRELATION_VALUE, Value::ByteString(Bytes::from(correlation))));
    Ok(Step::Answered(response))
}

/// A later request of a stream.
async fn next(
    ctx: &mut OpContext<'_>,
    operation: Operation,
    use_: Use,
    correlation: Vec<u8>,
    data: Vec<u8>,
    last: bool,
) -> Result<Step<'static>, KmsError> {
    let unknown = || KmsError::InvalidCorrelationValue("no open stream has this Correlation Value".into());
    let mut stream = {
        let mut map = ctx.streams.lock()?;
        // Someone else's stream is answered like a missing one.
        match map.get(&correlation) {
            Some(s) if s.owner == ctx.peer.identity && s.operation == operation => {}
            _ => return Err(unknown()),
        }
        map.remove(&correlation).ok_or_else(unknown)?
    };
    if ctx.now - stream.last_used >= IDLE_SECONDS {
        return Err(unknown());
    }
    stream.last_used = ctx.now;
    let corr = Ttlv::new(Tag::CORRELATION_VALUE, Value::ByteString(Bytes::from(correlation.clone())));
    match stream.state {
        State::Encrypt { id, stream: mut cipher } => {
            let object = ctx.object_shared(&id).await?;
            check_usable(&object, use_, ctx.now)?;
            charge_stream_piece(ctx, &object, data.len(), false)?;
            let mut out = cipher.update(&data)?;
            let mut response = vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id.clone()))];
            if last {
                let (rest, tag) = cipher.finish()?;
                out.extend(rest);
                response.push(Ttlv::new(Tag::DATA, Value::ByteString(Bytes::from(out))));
                if let Some(tag) = tag {
                    response.push(Ttlv::new(Tag::AUTHENTICATED_ENCRYPTION_TAG, Value::ByteString(Bytes::from(tag))));
                }
                return Ok(Step::Answered(response));
            }
            response.push(Ttlv::new(Tag::DATA, Value::ByteString(Bytes::from(out))));
            response.push(corr);
            stream.state = State::Encrypt { id, stream: cipher };
            ctx.streams.lock()?.insert(correlation.clone(), stream);
            ctx.touched_streams.push(correlation);
            Ok(Step::Answered(response))
        }
        State::Buffer { first, data: mut kept } => {
            if kept.len() + data.len() > MAX_BYTES {
                return Err(KmsError::Policy(format!("a stream holds at most {MAX_BYTES} bytes")));
            }
            kept.extend_from_slice(&data);
            if last {
                return Ok(Step::Run(Cow::Owned(strip(&first, Some(&kept)))));
            }
            let mut response: Vec<Ttlv> = first.child(Tag::UNIQUE_IDENTIFIER).cloned().into_iter().collect();
            response.push(corr);
            stream.state = State::Buffer { first, data: kept };
            ctx.streams.lock()?.insert(correlation.clone(), stream);
            ctx.touched_streams.push(correlation);
            Ok(Step::Answered(response))
        }
    }
}

/// `payload` without the streaming fields, with `data` as its Data.
fn strip(payload: &Ttlv, data: Option<&Zeroizing<Vec<u8>>>) -> Ttlv {
    let mut children: Vec<Ttlv> = payload
        .children()
        .unwrap_or_default()
        .iter()
        .filter(|c| ![Tag::INIT_INDICATOR, Tag::FINAL_INDICATOR, Tag::CORRELATION_VALUE].contains(&c.tag))
        .cloned()
        .collect();
    if let Some(data) = data {
        let value = Value::ByteString(Bytes::copy_from_slice(data));
        match children.iter_mut().find(|c| c.tag == Tag::DATA) {
            Some(item) => item.value = value,
            None => children.push(Ttlv::new(Tag::DATA, value)),
        }
    }
    Ttlv::structure(payload.tag, children)
}
