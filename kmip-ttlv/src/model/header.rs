//! Request Header and Response Header (KMIP 2.1 §9, 1.4 §7).

use bytes::Bytes;

use crate::enums::{AttestationType, BatchErrorContinuationOption};
use crate::model::credential::Authentication;
use crate::model::reader::{self, Reader, UnknownField, Writer};
use crate::model::version::{self, AsynchronousIndicator};
use crate::{Error, ProtocolVersion, Tag, Ttlv, Value};

/// Request Header (KMIP 2.1 §9, 1.4 §7), fields in specification order.
///
/// Defaults that depend on the version (Batch Order Option, Asynchronous
/// Indicator) are resolved by [`RequestHeader::batch_order`] and friends in
/// [`crate::model::version`]; the fields hold exactly what was sent.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RequestHeader {
    /// Protocol Version, required.
    pub protocol_version: ProtocolVersion,
    /// Maximum Response Size: the largest TTLV-encoded response the client
    /// accepts, in bytes.
    pub maximum_response_size: Option<i32>,
    /// Client Correlation Value (KMIP 1.4+).
    pub client_correlation_value: Option<String>,
    /// Server Correlation Value (KMIP 1.4+).
    pub server_correlation_value: Option<String>,
    /// Asynchronous Indicator, Boolean (1.x) or Enumeration (2.x).
    pub asynchronous_indicator: Option<AsynchronousIndicator>,
    /// Attestation Capable Indicator (KMIP 1.2+).
    pub attestation_capable_indicator: Option<bool>,
    /// Attestation Type, repeatable (KMIP 1.2+).
    pub attestation_types: Vec<AttestationType>,
    /// Authentication.
    pub authentication: Option<Authentication>,
    /// Batch Error Continuation Option.
    pub batch_error_continuation_option: Option<BatchErrorContinuationOption>,
    /// Batch Order Option.
    pub batch_order_option: Option<bool>,
    /// Time Stamp (Date-Time, seconds since the epoch).
    pub time_stamp: Option<i64>,
    /// Batch Count, required, as sent. It should equal the number of batch
    /// items; [`crate::model::RequestMessage::check_batch_count`] checks it.
    pub batch_count: i32,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// Response Header (KMIP 2.1 §9, 1.4 §7), fields in specification order.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ResponseHeader {
    /// Protocol Version, required: the version of the request.
    pub protocol_version: ProtocolVersion,
    /// Time Stamp, required (Date-Time, seconds since the epoch).
    pub time_stamp: i64,
    /// Nonce (KMIP 1.2+), kept as decoded.
    pub nonce: Option<Ttlv>,
    /// Server Hashed Password (KMIP 2.0+).
    pub server_hashed_password: Option<Bytes>,
    /// Attestation Type, repeatable (KMIP 1.2+).
    pub attestation_types: Vec<AttestationType>,
    /// Client Correlation Value (KMIP 1.4+).
    pub client_correlation_value: Option<String>,
    /// Server Correlation Value (KMIP 1.4+).
    pub server_correlation_value: Option<String>,
    /// Batch Count, required: the number of batch items returned.
    /// [`crate::model::ResponseMessage::new`] sets it.
    pub batch_count: i32,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

impl RequestHeader {
    const FIELDS: &'static [Tag] = &[
        Tag::PROTOCOL_VERSION,
        Tag::MAXIMUM_RESPONSE_SIZE,
        Tag::CLIENT_CORRELATION_VALUE,
        Tag::SERVER_CORRELATION_VALUE,
        Tag::ASYNCHRONOUS_INDICATOR,
        Tag::ATTESTATION_CAPABLE_INDICATOR,
        Tag::ATTESTATION_TYPE,
        Tag::AUTHENTICATION,
        Tag::BATCH_ERROR_CONTINUATION_OPTION,
        Tag::BATCH_ORDER_OPTION,
        Tag::TIME_STAMP,
        Tag::BATCH_COUNT,
    ];

    /// A header with only the required fields.
    pub fn new(protocol_version: ProtocolVersion, batch_count: i32) -> RequestHeader {
        RequestHeader {
            protocol_version,
            maximum_response_size: None,
            client_correlation_value: None,
            server_correlation_value: None,
            asynchronous_indicator: None,
            attestation_capable_indicator: None,
            attestation_types: Vec::new(),
            authentication: None,
            batch_error_continuation_option: None,
            batch_order_option: None,
            time_stamp: None,
            batch_count,
            unknown_fields: Vec::new(),
        }
    }

    /// Decodes a Request Header structure.
    pub fn from_ttlv(item: &Ttlv) -> Result<RequestHeader, Error> {
        let mut r = Reader::new(item, Tag::REQUEST_HEADER, Self::FIELDS)?;
        Ok(RequestHeader {
            protocol_version: r.required(Tag::PROTOCOL_VERSION, version::protocol_version)?,
            maximum_response_size: r.optional(Tag::MAXIMUM_RESPONSE_SIZE, reader::integer)?,
            client_correlation_value: r.optional(Tag::CLIENT_CORRELATION_VALUE, reader::text)?,
            server_correlation_value: r.optional(Tag::SERVER_CORRELATION_VALUE, reader::text)?,
            asynchronous_indicator: r.optional(Tag::ASYNCHRONOUS_INDICATOR, AsynchronousIndicator::from_ttlv)?,
            attestation_capable_indicator: r.optional(Tag::ATTESTATION_CAPABLE_INDICATOR, reader::boolean)?,
            attestation_types: r.repeated(Tag::ATTESTATION_TYPE, |i| reader::enumeration(i).map(AttestationType))?,
            authentication: r.optional(Tag::AUTHENTICATION, Authentication::from_ttlv)?,
            batch_error_continuation_option: r.optional(Tag::BATCH_ERROR_CONTINUATION_OPTION, |i| {
                reader::enumeration(i).map(BatchErrorContinuationOption)
            })?,
            batch_order_option: r.optional(Tag::BATCH_ORDER_OPTION, reader::boolean)?,
            time_stamp: r.optional(Tag::TIME_STAMP, reader::date_time)?,
            batch_count: r.required(Tag::BATCH_COUNT, reader::integer)?,
            unknown_fields: r.finish()?,
        })
    }

    /// Encodes the Request Header structure.
    pub fn to_ttlv(&self) -> Ttlv {
        let mut w = Writer::new();
        w.item(version::protocol_version_to_ttlv(self.protocol_version));
        w.optional(Tag::MAXIMUM_RESPONSE_SIZE, self.maximum_response_size, Value::Integer);
        w.optional(Tag::CLIENT_CORRELATION_VALUE, self.client_correlation_value.clone(), Value::TextString);
        w.optional(Tag::SERVER_CORRELATION_VALUE, self.server_correlation_value.clone(), Value::TextString);
        w.optional(Tag::ASYNCHRONOUS_INDICATOR, self.asynchronous_indicator, AsynchronousIndicator::to_value);
        w.optional(Tag::ATTESTATION_CAPABLE_INDICATOR, self.attestation_capable_indicator, Value::Boolean);
        for t in &self.attestation_types {
            w.value(Tag::ATTESTATION_TYPE, Value::Enumeration(t.0));
        }
        if let Some(authentication) = &self.authentication {
            w.item(authentication.to_ttlv());
        }
        w.optional(Tag::BATCH_ERROR_CONTINUATION_OPTION, self.batch_error_continuation_option, |o| {
            Value::Enumeration(o.0)
        });
        w.optional(Tag::BATCH_ORDER_OPTION, self.batch_order_option, Value::Boolean);
        w.optional(Tag::TIME_STAMP, self.time_stamp, Value::DateTime);
        w.value(Tag::BATCH_COUNT, Value::Integer(self.batch_count));
        w.finish(Tag::REQUEST_HEADER, &self.unknown_fields)
    }

    pub(crate) fn first_unknown(&self) -> Option<Error> {
        reader::first_unknown(Tag::REQUEST_HEADER, &self.unknown_fields).or_else(|| {
            let authentication = self.authentication.as_ref()?;
            authentication.first_unknown().map(|e| e.within(Tag::REQUEST_HEADER))
        })
    }
}

impl ResponseHeader {
    const FIELDS: &'static [Tag] = &[
        Tag::PROTOCOL_VERSION,
        Tag::TIME_STAMP,
        Tag::NONCE,
        Tag::SERVER_HASHED_PASSWORD,
        Tag::ATTESTATION_TYPE,
        Tag::CLIENT_CORRELATION_VALUE,
        Tag::SERVER_CORRELATION_VALUE,
        Tag::BATCH_COUNT,
    ];

    /// A header with only the required fields; Batch Count 0 until
    /// [`crate::model::ResponseMessage::new`] sets it.
    pub fn new(protocol_version: ProtocolVersion, time_stamp: i64) -> ResponseHeader {
        ResponseHeader {
            protocol_version,
            time_stamp,
            nonce: None,
            server_hashed_password: None,
            attestation_types: Vec::new(),
            client_correlation_value: None,
            server_correlation_value: None,
            batch_count: 0,
            unknown_fields: Vec::new(),
        }
    }

    /// Decodes a Response Header structure.
    pub fn from_ttlv(item: &Ttlv) -> Result<ResponseHeader, Error> {
        let mut r = Reader::new(item, Tag::RESPONSE_HEADER, Self::FIELDS)?;
        Ok(ResponseHeader {
            protocol_version: r.required(Tag::PROTOCOL_VERSION, version::protocol_version)?,
            time_stamp: r.required(Tag::TIME_STAMP, reader::date_time)?,
            nonce: r.optional(Tag::NONCE, reader::any_structure)?,
            server_hashed_password: r.optional(Tag::SERVER_HASHED_PASSWORD, reader::bytes)?,
            attestation_types: r.repeated(Tag::ATTESTATION_TYPE, |i| reader::enumeration(i).map(AttestationType))?,
            client_correlation_value: r.optional(Tag::CLIENT_CORRELATION_VALUE, reader::text)?,
            server_correlation_value: r.optional(Tag::SERVER_CORRELATION_VALUE, reader::text)?,
            batch_count: r.required(Tag::BATCH_COUNT, reader::integer)?,
            unknown_fields: r.finish()?,
        })
    }

    /// Encodes the Response Header structure.
    pub fn to_ttlv(&self) -> Ttlv {
        let mut w = Writer::new();
        w.item(version::protocol_version_to_ttlv(self.protocol_version));
        w.value(Tag::TIME_STAMP, Value::DateTime(self.time_stamp));
        if let Some(nonce) = &self.nonce {
            w.item(nonce.clone());
        }
        w.optional(Tag::SERVER_HASHED_PASSWORD, self.server_hashed_password.clone(), Value::ByteString);
        for t in &self.attestation_types {
            w.value(Tag::ATTESTATION_TYPE, Value::Enumeration(t.0));
        }
        w.optional(Tag::CLIENT_CORRELATION_VALUE, self.client_correlation_value.clone(), Value::TextString);
        w.optional(Tag::SERVER_CORRELATION_VALUE, self.server_correlation_value.clone(), Value::TextString);
        w.value(Tag::BATCH_COUNT, Value::Integer(self.batch_count));
        w.finish(Tag::RESPONSE_HEADER, &self.unknown_fields)
    }

    pub(crate) fn first_unknown(&self) -> Option<Error> {
        reader::first_unknown(Tag::RESPONSE_HEADER, &self.unknown_fields)
    }
}
