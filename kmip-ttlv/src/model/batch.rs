//! Batch items and Message Extension (KMIP 2.1 §9, 1.4 §7 and §6.15–6.16).

use bytes::Bytes;

use crate::enums::{Operation, ResultReason, ResultStatus};
use crate::model::reader::{self, Reader, UnknownField, Writer};
use crate::{Error, Tag, Ttlv, Value};

/// A request Batch Item (KMIP 2.1 §9, 1.4 §7), fields in specification
/// order. The payload stays an untyped tree; the operation decides its
/// schema.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RequestBatchItem {
    /// Operation, required.
    pub operation: Operation,
    /// Ephemeral (KMIP 2.0+): do not return the output Data.
    pub ephemeral: Option<bool>,
    /// Unique Batch Item ID: opaque bytes chosen by the client, echoed in
    /// the response; required when the batch has more than one item.
    pub unique_batch_item_id: Option<Bytes>,
    /// Request Payload (a Structure), required.
    pub request_payload: Ttlv,
    /// Message Extension, repeatable.
    pub message_extensions: Vec<MessageExtension>,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// A response Batch Item (KMIP 2.1 §9, 1.4 §7), fields in specification
/// order.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ResponseBatchItem {
    /// Operation: present whenever the request item had one; absent in the
    /// answer to a message that could not be decoded (1.4 §11.1).
    pub operation: Option<Operation>,
    /// Unique Batch Item ID, echoed from the request item.
    pub unique_batch_item_id: Option<Bytes>,
    /// Result Status, required.
    pub result_status: ResultStatus,
    /// Result Reason, required when the status is Operation Failed.
    pub result_reason: Option<ResultReason>,
    /// Result Message: free text, on failures.
    pub result_message: Option<String>,
    /// Asynchronous Correlation Value, required when the status is
    /// Operation Pending.
    pub asynchronous_correlation_value: Option<Bytes>,
    /// Response Payload (a Structure), absent when the item failed.
    pub response_payload: Option<Ttlv>,
    /// Message Extension, repeatable.
    pub message_extensions: Vec<MessageExtension>,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// Message Extension (KMIP 2.1 §8, 1.4 §6.16): a vendor's addition to a
/// batch item.
///
/// A server that does not know the extension fails the item with Feature
/// Not Supported when Criticality Indicator is True, and ignores it
/// otherwise.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MessageExtension {
    /// Vendor Identification, required.
    pub vendor_identification: String,
    /// Criticality Indicator, required.
    pub criticality_indicator: bool,
    /// Vendor Extension (a Structure), required, kept as decoded.
    pub vendor_extension: Ttlv,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// A request batch item that could not be decoded, with what could be read
/// of it, so the server can answer that item alone (KMIP 1.4 §11.1: a batch
/// item or its payload that cannot be parsed gets Operation Failed, Invalid
/// Message) and echo its Operation and Unique Batch Item ID.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BatchItemError {
    /// What was wrong, with its path from the Request Message.
    pub error: Error,
    /// The Operation, if it was there and an Enumeration.
    pub operation: Option<Operation>,
    /// The Unique Batch Item ID, if it was there and a Byte String.
    pub unique_batch_item_id: Option<Bytes>,
}

impl RequestBatchItem {
    const FIELDS: &'static [Tag] =
        &[Tag::OPERATION, Tag::EPHEMERAL, Tag::UNIQUE_BATCH_ITEM_ID, Tag::REQUEST_PAYLOAD, Tag::MESSAGE_EXTENSION];

    /// An item with an operation and its payload (a Request Payload
    /// Structure).
    pub fn new(operation: Operation, request_payload: Ttlv) -> RequestBatchItem {
        RequestBatchItem {
            operation,
            ephemeral: None,
            unique_batch_item_id: None,
            request_payload,
            message_extensions: Vec::new(),
            unknown_fields: Vec::new(),
        }
    }

    /// Decodes a request Batch Item structure.
    pub fn from_ttlv(item: &Ttlv) -> Result<RequestBatchItem, Error> {
        let mut r = Reader::new(item, Tag::BATCH_ITEM, Self::FIELDS)?;
        Ok(RequestBatchItem {
            operation: r.required(Tag::OPERATION, |i| reader::enumeration(i).map(Operation))?,
            ephemeral: r.optional(Tag::EPHEMERAL, reader::boolean)?,
            unique_batch_item_id: r.optional(Tag::UNIQUE_BATCH_ITEM_ID, reader::bytes)?,
            request_payload: r.required(Tag::REQUEST_PAYLOAD, reader::any_structure)?,
            message_extensions: r.repeated(Tag::MESSAGE_EXTENSION, MessageExtension::from_ttlv)?,
            unknown_fields: r.finish()?,
        })
    }

    /// Encodes the Batch Item structure.
    pub fn to_ttlv(&self) -> Ttlv {
        let mut w = Writer::new();
        w.value(Tag::OPERATION, Value::Enumeration(self.operation.0));
        w.optional(Tag::EPHEMERAL, self.ephemeral, Value::Boolean);
        w.optional(Tag::UNIQUE_BATCH_ITEM_ID, self.unique_batch_item_id.clone(), Value::ByteString);
        w.item(self.request_payload.clone());
        for extension in &self.message_extensions {
            w.item(extension.to_ttlv());
        }
        w.finish(Tag::BATCH_ITEM, &self.unknown_fields)
    }

    /// The Unique Batch Item ID, if the client gave one.
    pub fn id(&self) -> Option<&Bytes> {
        self.unique_batch_item_id.as_ref()
    }

    /// A successful answer to this item: its Operation and ID echoed, the
    /// given Response Payload (a Structure).
    pub fn success(&self, response_payload: Ttlv) -> ResponseBatchItem {
        ResponseBatchItem {
            response_payload: Some(response_payload),
            ..ResponseBatchItem::status(Some(self.operation), self.unique_batch_item_id.clone(), ResultStatus::SUCCESS)
        }
    }

    /// A failed answer to this item: its Operation and ID echoed, Operation
    /// Failed with `reason` and `message`, no payload.
    pub fn failure(&self, reason: ResultReason, message: impl Into<String>) -> ResponseBatchItem {
        ResponseBatchItem::failure(Some(self.operation), self.unique_batch_item_id.clone(), reason, message)
    }

    /// True if the item (or one of its Message Extensions) holds fields the
    /// Batch Item structure does not define. The payload is not inspected.
    pub fn has_unknown_fields(&self) -> bool {
        self.first_unknown().is_some()
    }

    /// The first critical Message Extension, which a server that knows no
    /// extensions must refuse with Feature Not Supported.
    pub fn critical_extension(&self) -> Option<&MessageExtension> {
        self.message_extensions.iter().find(|e| e.criticality_indicator)
    }

    pub(crate) fn first_unknown(&self) -> Option<Error> {
        reader::first_unknown(Tag::BATCH_ITEM, &self.unknown_fields).or_else(|| {
            let in_extension = self.message_extensions.iter().find_map(MessageExtension::first_unknown)?;
            Some(in_extension.within(Tag::BATCH_ITEM))
        })
    }
}

impl ResponseBatchItem {
    const FIELDS: &'static [Tag] = &[
        Tag::OPERATION,
        Tag::UNIQUE_BATCH_ITEM_ID,
        Tag::RESULT_STATUS,
        Tag::RESULT_REASON,
        Tag::RESULT_MESSAGE,
        Tag::ASYNCHRONOUS_CORRELATION_VALUE,
        Tag::RESPONSE_PAYLOAD,
        Tag::MESSAGE_EXTENSION,
    ];

    /// An item with a status and nothing else.
    pub fn status(
        operation: Option<Operation>,
        unique_batch_item_id: Option<Bytes>,
        result_status: ResultStatus,
    ) -> Self {
        ResponseBatchItem {
            operation,
            unique_batch_item_id,
            result_status,
            result_reason: None,
            result_message: None,
            asynchronous_correlation_value: None,
            response_payload: None,
            message_extensions: Vec::new(),
            unknown_fields: Vec::new(),
        }
    }

    /// Operation Failed with `reason` and `message`, no payload.
    pub fn failure(
        operation: Option<Operation>,
        unique_batch_item_id: Option<Bytes>,
        reason: ResultReason,
        message: impl Into<String>,
    ) -> ResponseBatchItem {
        ResponseBatchItem {
            result_reason: Some(reason),
            result_message: Some(message.into()),
            ..ResponseBatchItem::status(operation, unique_batch_item_id, ResultStatus::OPERATION_FAILED)
        }
    }

    /// Decodes a response Batch Item structure.
    pub fn from_ttlv(item: &Ttlv) -> Result<ResponseBatchItem, Error> {
        let mut r = Reader::new(item, Tag::BATCH_ITEM, Self::FIELDS)?;
        Ok(ResponseBatchItem {
            operation: r.optional(Tag::OPERATION, |i| reader::enumeration(i).map(Operation))?,
            unique_batch_item_id: r.optional(Tag::UNIQUE_BATCH_ITEM_ID, reader::bytes)?,
            result_status: r.required(Tag::RESULT_STATUS, |i| reader::enumeration(i).map(ResultStatus))?,
            result_reason: r.optional(Tag::RESULT_REASON, |i| reader::enumeration(i).map(ResultReason))?,
            result_message: r.optional(Tag::RESULT_MESSAGE, reader::text)?,
            asynchronous_correlation_value: r.optional(Tag::ASYNCHRONOUS_CORRELATION_VALUE, reader::bytes)?,
            response_payload: r.optional(Tag::RESPONSE_PAYLOAD, reader::any_structure)?,
            message_extensions: r.repeated(Tag::MESSAGE_EXTENSION, MessageExtension::from_ttlv)?,
            unknown_fields: r.finish()?,
        })
    }

    /// Encodes the Batch Item structure.
    pub fn to_ttlv(&self) -> Ttlv {
        self.clone().into_ttlv()
    }

    /// Encodes the Batch Item structure, moving the payload into it.
    pub fn into_ttlv(self) -> Ttlv {
        let mut w = Writer::new();
        w.optional(Tag::OPERATION, self.operation, |o| Value::Enumeration(o.0));
        w.optional(Tag::UNIQUE_BATCH_ITEM_ID, self.unique_batch_item_id, Value::ByteString);
        w.value(Tag::RESULT_STATUS, Value::Enumeration(self.result_status.0));
        w.optional(Tag::RESULT_REASON, self.result_reason, |r| Value::Enumeration(r.0));
        w.optional(Tag::RESULT_MESSAGE, self.result_message, Value::TextString);
        w.optional(Tag::ASYNCHRONOUS_CORRELATION_VALUE, self.asynchronous_correlation_value, Value::ByteString);
        if let Some(payload) = self.response_payload {
            w.item(payload);
        }
        for extension in &self.message_extensions {
            w.item(extension.to_ttlv());
        }
        w.finish(Tag::BATCH_ITEM, &self.unknown_fields)
    }

    /// The Unique Batch Item ID, if any.
    pub fn id(&self) -> Option<&Bytes> {
        self.unique_batch_item_id.as_ref()
    }

    pub(crate) fn first_unknown(&self) -> Option<Error> {
        reader::first_unknown(Tag::BATCH_ITEM, &self.unknown_fields).or_else(|| {
            let in_extension = self.message_extensions.iter().find_map(MessageExtension::first_unknown)?;
            Some(in_extension.within(Tag::BATCH_ITEM))
        })
    }
}

impl MessageExtension {
    const FIELDS: &'static [Tag] = &[Tag::VENDOR_IDENTIFICATION, Tag::CRITICALITY_INDICATOR, Tag::VENDOR_EXTENSION];

    /// Decodes a Message Extension structure.
    pub fn from_ttlv(item: &Ttlv) -> Result<MessageExtension, Error> {
        let mut r = Reader::new(item, Tag::MESSAGE_EXTENSION, Self::FIELDS)?;
        Ok(MessageExtension {
            vendor_identification: r.required(Tag::VENDOR_IDENTIFICATION, reader::text)?,
            criticality_indicator: r.required(Tag::CRITICALITY_INDICATOR, reader::boolean)?,
            vendor_extension: r.required(Tag::VENDOR_EXTENSION, reader::any_structure)?,
            unknown_fields: r.finish()?,
        })
    }

    /// Encodes the Message Extension structure.
    pub fn to_ttlv(&self) -> Ttlv {
        let mut w = Writer::new();
        w.value(Tag::VENDOR_IDENTIFICATION, Value::TextString(self.vendor_identification.clone()));
        w.value(Tag::CRITICALITY_INDICATOR, Value::Boolean(self.criticality_indicator));
        w.item(self.vendor_extension.clone());
        w.finish(Tag::MESSAGE_EXTENSION, &self.unknown_fields)
    }

    fn first_unknown(&self) -> Option<Error> {
        reader::first_unknown(Tag::MESSAGE_EXTENSION, &self.unknown_fields)
    }
}

impl BatchItemError {
    /// Records a failure to decode `item`, with the Operation and Unique
    /// Batch Item ID read on a best-effort basis.
    pub(crate) fn new(error: Error, item: &Ttlv) -> BatchItemError {
        let operation = item.child(Tag::OPERATION).and_then(|i| reader::enumeration(i).ok()).map(Operation);
        let unique_batch_item_id = item.child(Tag::UNIQUE_BATCH_ITEM_ID).and_then(|i| reader::bytes(i).ok());
        BatchItemError { error, operation, unique_batch_item_id }
    }

    /// The answer to the item: Operation Failed with `reason` (Invalid
    /// Message for a decoding failure), the error as Result Message unless
    /// `message` is given, and whatever Operation and ID could be read.
    pub fn response(&self, reason: ResultReason, message: Option<String>) -> ResponseBatchItem {
        let message = message.unwrap_or_else(|| self.error.to_string());
        ResponseBatchItem::failure(self.operation, self.unique_batch_item_id.clone(), reason, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorKind, ItemType};

    fn payload() -> Ttlv {
        Ttlv::structure(Tag::REQUEST_PAYLOAD, vec![])
    }

    #[test]
    fn request_item_round_trip_and_answers() {
        let tree = Ttlv::structure(
            Tag::BATCH_ITEM,
            vec![
                Ttlv::new(Tag::OPERATION, Value::Enumeration(0x1E)),
                Ttlv::new(Tag::EPHEMERAL, Value::Boolean(false)),
                Ttlv::new(Tag::UNIQUE_BATCH_ITEM_ID, Value::ByteString(Bytes::from_static(b"QLKC\x01\0\0\0"))),
                payload(),
                Ttlv::structure(
                    Tag::MESSAGE_EXTENSION,
                    vec![
                        Ttlv::new(Tag::VENDOR_IDENTIFICATION, Value::TextString("acme".into())),
                        Ttlv::new(Tag::CRITICALITY_INDICATOR, Value::Boolean(true)),
                        Ttlv::structure(Tag::VENDOR_EXTENSION, vec![]),
                    ],
                ),
            ],
        );
        let item = RequestBatchItem::from_ttlv(&tree).expect("decode");
        assert_eq!(item.operation, Operation::DISCOVER_VERSIONS);
        assert_eq!(item.id().map(|b| &b[..4]), Some(&b"QLKC"[..]));
        assert_eq!(item.critical_extension().map(|e| e.vendor_identification.as_str()), Some("acme"));
        assert_eq!(item.to_ttlv(), tree);

        let ok = item.success(Ttlv::structure(Tag::RESPONSE_PAYLOAD, vec![]));
        assert_eq!((ok.operation, ok.id(), ok.result_status), (Some(item.operation), item.id(), ResultStatus::SUCCESS));
        let failed = item.failure(ResultReason::OPERATION_NOT_SUPPORTED, "no");
        assert_eq!(failed.result_reason, Some(ResultReason::OPERATION_NOT_SUPPORTED));
        assert_eq!(failed.response_payload, None);
        assert_eq!(ResponseBatchItem::from_ttlv(&failed.to_ttlv()), Ok(failed));
    }

    #[test]
    fn request_item_errors() {
        let no_operation = Ttlv::structure(Tag::BATCH_ITEM, vec![payload()]);
        let e = RequestBatchItem::from_ttlv(&no_operation).expect_err("missing");
        assert_eq!(e.kind(), &ErrorKind::MissingField(Tag::OPERATION));
        assert_eq!(e.path(), [Tag::BATCH_ITEM]);

        let text_payload = Ttlv::structure(
            Tag::BATCH_ITEM,
            vec![
                Ttlv::new(Tag::OPERATION, Value::Enumeration(0x0A)),
                Ttlv::new(Tag::UNIQUE_BATCH_ITEM_ID, Value::ByteString(Bytes::from_static(b"1"))),
                Ttlv::new(Tag::REQUEST_PAYLOAD, Value::TextString("x".into())),
            ],
        );
        let e = RequestBatchItem::from_ttlv(&text_payload).expect_err("type");
        assert_eq!(e.kind(), &ErrorKind::UnexpectedType { expected: ItemType::Structure, found: ItemType::TextString });
        assert_eq!(e.path(), [Tag::BATCH_ITEM, Tag::REQUEST_PAYLOAD]);
        let failure = BatchItemError::new(e, &text_payload).response(ResultReason::INVALID_MESSAGE, None);
        assert_eq!(failure.operation, Some(Operation::GET));
        assert_eq!(failure.id().map(|b| &b[..]), Some(&b"1"[..]));
        assert_eq!(
            failure.result_message.as_deref(),
            Some("has type TextString, expected Structure in BatchItem/RequestPayload")
        );
    }
}
