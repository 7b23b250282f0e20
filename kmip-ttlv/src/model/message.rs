//! Request Message and Response Message (KMIP 2.1 §9, 1.4 §7).

use crate::enums::{ResultReason, ResultStatus};
use crate::model::batch::{BatchItemError, RequestBatchItem, ResponseBatchItem};
use crate::model::header::{RequestHeader, ResponseHeader};
use crate::model::reader::{self, Reader, UnknownField, Writer};
use crate::model::version;
use crate::{Error, ErrorKind, ProtocolVersion, Tag, Ttlv, Value};

/// Request Message (KMIP 2.1 §9, 1.4 §7): a Request Header and one or
/// more Batch Items.
///
/// Decoding checks the structure (tags, types, required and repeated
/// fields, order) but not the agreement between fields: Batch Count is kept
/// as sent ([`RequestMessage::check_batch_count`]), unknown fields are kept
/// ([`RequestMessage::check_unknown_fields`]) and fields the version does
/// not define are found by [`RequestMessage::check_version`]. The server
/// chooses the answer to each, which depends on the version (1.4 §11.1).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RequestMessage {
    /// Request Header.
    pub header: RequestHeader,
    /// Batch Item, one or more.
    pub batch_items: Vec<RequestBatchItem>,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

/// A Request Message whose header decoded, with each batch item decoded on
/// its own: what a server needs to answer a message in which some items are
/// malformed (1.4 §11.1: the item gets Operation Failed / Invalid Message,
/// the other items are processed).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RequestParts {
    /// Request Header.
    pub header: RequestHeader,
    /// Each Batch Item, decoded or not, in order.
    pub batch_items: Vec<Result<RequestBatchItem, BatchItemError>>,
    /// Fields of the Request Message the structure does not define.
    pub unknown_fields: Vec<UnknownField>,
}

/// Response Message (KMIP 2.1 §9, 1.4 §7): a Response Header and one or
/// more Batch Items.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ResponseMessage {
    /// Response Header.
    pub header: ResponseHeader,
    /// Batch Item, one or more.
    pub batch_items: Vec<ResponseBatchItem>,
    /// Fields the structure does not define, kept in place.
    pub unknown_fields: Vec<UnknownField>,
}

const REQUEST_FIELDS: &[Tag] = &[Tag::REQUEST_HEADER, Tag::BATCH_ITEM];
const RESPONSE_FIELDS: &[Tag] = &[Tag::RESPONSE_HEADER, Tag::BATCH_ITEM];

impl RequestMessage {
    /// A request; Batch Count is set to the number of items.
    pub fn new(mut header: RequestHeader, batch_items: Vec<RequestBatchItem>) -> RequestMessage {
        header.batch_count = count(batch_items.len());
        RequestMessage { header, batch_items, unknown_fields: Vec::new() }
    }

    /// Decodes a Request Message; the first malformed item fails the whole
    /// message. [`RequestParts::from_ttlv`] decodes items one by one.
    pub fn from_ttlv(item: &Ttlv) -> Result<RequestMessage, Error> {
        RequestParts::from_ttlv(item)?.into_message()
    }

    /// Encodes the Request Message.
    pub fn to_ttlv(&self) -> Ttlv {
        let mut w = Writer::new();
        w.item(self.header.to_ttlv());
        for item in &self.batch_items {
            w.item(item.to_ttlv());
        }
        w.finish(Tag::REQUEST_MESSAGE, &self.unknown_fields)
    }

    /// The Protocol Version of a request tree, read on a best-effort basis
    /// even when the rest does not decode: the version to answer a
    /// malformed message with (KMIP 1.4 §11.1).
    pub fn protocol_version_of(item: &Ttlv) -> Option<ProtocolVersion> {
        let header = item.child(Tag::REQUEST_HEADER)?;
        version::protocol_version(header.child(Tag::PROTOCOL_VERSION)?).ok()
    }

    /// Checks that Batch Count equals the number of batch items.
    ///
    /// KMIP 2.1 §8 / 1.4 §6.14: Batch Count is the number of Batch Items in
    /// the message. Decoding keeps the value as sent so that the tree
    /// round-trips; a server rejects a mismatch with Invalid Message.
    pub fn check_batch_count(&self) -> Result<(), Error> {
        check_batch_count(self.header.batch_count, self.batch_items.len(), Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER)
    }

    /// True if any envelope structure (message, header, authentication,
    /// credential, batch item, message extension) holds fields it does not
    /// define. Payloads are not inspected.
    pub fn has_unknown_fields(&self) -> bool {
        self.check_unknown_fields().is_err()
    }

    /// The first unknown field, as an [`ErrorKind::UnexpectedField`] at the
    /// structure that holds it. Per 1.4 §11.1 a server answers Invalid Field
    /// when the request's version is one it implements, and ignores unknown
    /// fields for a higher minor version.
    pub fn check_unknown_fields(&self) -> Result<(), Error> {
        let first = reader::first_unknown(Tag::REQUEST_MESSAGE, &self.unknown_fields)
            .or_else(|| self.header.first_unknown().map(|e| e.within(Tag::REQUEST_MESSAGE)))
            .or_else(|| {
                let in_item = self.batch_items.iter().find_map(RequestBatchItem::first_unknown)?;
                Some(in_item.within(Tag::REQUEST_MESSAGE))
            });
        first.map_or(Ok(()), Err)
    }
}

impl RequestParts {
    /// Decodes the message structure and header; each batch item is decoded
    /// separately and may fail alone. At least one Batch Item is required.
    pub fn from_ttlv(item: &Ttlv) -> Result<RequestParts, Error> {
        let mut r = Reader::new(item, Tag::REQUEST_MESSAGE, REQUEST_FIELDS)?;
        let header = r.required(Tag::REQUEST_HEADER, RequestHeader::from_ttlv)?;
        let batch_items = r.repeated(Tag::BATCH_ITEM, |i| {
            Ok(RequestBatchItem::from_ttlv(i).map_err(|e| BatchItemError::new(e.within(Tag::REQUEST_MESSAGE), i)))
        })?;
        if batch_items.is_empty() {
            return Err(r.missing(Tag::BATCH_ITEM));
        }
        Ok(RequestParts { header, batch_items, unknown_fields: r.finish()? })
    }

    /// Like [`RequestParts::from_ttlv`], moving the Request Payloads out of
    /// `item` (each is left an empty Structure) instead of copying them.
    /// The rest of `item` is unchanged, so the protocol version can still be
    /// read from it when the envelope does not decode.
    pub fn take_from(item: &mut Ttlv) -> Result<RequestParts, Error> {
        let Value::Structure(children) = &mut item.value else {
            return RequestParts::from_ttlv(item);
        };
        // Each Batch Item's first Request Payload Structure is taken out;
        // the envelope is read as usual, then the payloads are put into the
        // items that decoded.
        let mut taken: Vec<Option<Ttlv>> = Vec::new();
        for child in children.iter_mut().filter(|c| c.tag == Tag::BATCH_ITEM) {
            let payload = match &mut child.value {
                Value::Structure(fields) => fields
                    .iter_mut()
                    .find(|f| f.tag == Tag::REQUEST_PAYLOAD)
                    .filter(|f| matches!(f.value, Value::Structure(_)))
                    .map(|f| std::mem::replace(f, Ttlv::structure(Tag::REQUEST_PAYLOAD, Vec::new()))),
                _ => None,
            };
            taken.push(payload);
        }
        let mut parts = RequestParts::from_ttlv(item)?;
        for (item, payload) in parts.batch_items.iter_mut().zip(taken) {
            if let (Ok(item), Some(payload)) = (item, payload) {
                item.request_payload = payload;
            }
        }
        Ok(parts)
    }

    /// The whole message if every item decoded, else the first item's error.
    pub fn into_message(self) -> Result<RequestMessage, Error> {
        let batch_items = self.batch_items.into_iter().collect::<Result<Vec<_>, _>>().map_err(|e| e.error)?;
        Ok(RequestMessage { header: self.header, batch_items, unknown_fields: self.unknown_fields })
    }
}

impl ResponseMessage {
    /// A response; Batch Count is set to the number of items.
    pub fn new(mut header: ResponseHeader, batch_items: Vec<ResponseBatchItem>) -> ResponseMessage {
        header.batch_count = count(batch_items.len());
        ResponseMessage { header, batch_items, unknown_fields: Vec::new() }
    }

    /// The answer to a message that cannot be processed at all (KMIP 1.4
    /// §11.1: unparseable message, unsupported major version): a header and
    /// one batch item without Operation, Operation Failed with `reason`
    /// (usually Invalid Message) and `message`.
    ///
    /// `protocol_version` is the request's when it could be read
    /// ([`RequestMessage::protocol_version_of`]); `time_stamp` is the
    /// server's clock in seconds.
    pub fn message_failure(
        protocol_version: ProtocolVersion,
        time_stamp: i64,
        reason: ResultReason,
        message: impl Into<String>,
    ) -> ResponseMessage {
        ResponseMessage::new(
            ResponseHeader::new(protocol_version, time_stamp),
            vec![ResponseBatchItem::failure(None, None, reason, message)],
        )
    }

    /// Decodes a Response Message. At least one Batch Item is required.
    pub fn from_ttlv(item: &Ttlv) -> Result<ResponseMessage, Error> {
        let mut r = Reader::new(item, Tag::RESPONSE_MESSAGE, RESPONSE_FIELDS)?;
        let header = r.required(Tag::RESPONSE_HEADER, ResponseHeader::from_ttlv)?;
        let batch_items = r.repeated(Tag::BATCH_ITEM, ResponseBatchItem::from_ttlv)?;
        if batch_items.is_empty() {
            return Err(r.missing(Tag::BATCH_ITEM));
        }
        Ok(ResponseMessage { header, batch_items, unknown_fields: r.finish()? })
    }

    /// Encodes the Response Message.
    pub fn to_ttlv(&self) -> Ttlv {
        self.clone().into_ttlv()
    }

    /// Encodes the Response Message, moving the payloads into it.
    pub fn into_ttlv(self) -> Ttlv {
        let mut w = Writer::new();
        w.item(self.header.to_ttlv());
        for item in self.batch_items {
            w.item(item.into_ttlv());
        }
        w.finish(Tag::RESPONSE_MESSAGE, &self.unknown_fields)
    }

    /// Checks that Batch Count equals the number of batch items.
    pub fn check_batch_count(&self) -> Result<(), Error> {
        check_batch_count(self.header.batch_count, self.batch_items.len(), Tag::RESPONSE_MESSAGE, Tag::RESPONSE_HEADER)
    }

    /// True if any envelope structure holds fields it does not define.
    pub fn has_unknown_fields(&self) -> bool {
        self.check_unknown_fields().is_err()
    }

    /// The first unknown field, as an [`ErrorKind::UnexpectedField`] at the
    /// structure that holds it.
    pub fn check_unknown_fields(&self) -> Result<(), Error> {
        let first = reader::first_unknown(Tag::RESPONSE_MESSAGE, &self.unknown_fields)
            .or_else(|| self.header.first_unknown().map(|e| e.within(Tag::RESPONSE_MESSAGE)))
            .or_else(|| {
                let in_item = self.batch_items.iter().find_map(ResponseBatchItem::first_unknown)?;
                Some(in_item.within(Tag::RESPONSE_MESSAGE))
            });
        first.map_or(Ok(()), Err)
    }

    /// True if every item succeeded.
    pub fn is_success(&self) -> bool {
        self.batch_items.iter().all(|i| i.result_status == ResultStatus::SUCCESS)
    }
}

impl TryFrom<&Ttlv> for RequestMessage {
    type Error = Error;

    fn try_from(item: &Ttlv) -> Result<RequestMessage, Error> {
        RequestMessage::from_ttlv(item)
    }
}

impl From<&RequestMessage> for Ttlv {
    fn from(message: &RequestMessage) -> Ttlv {
        message.to_ttlv()
    }
}

impl TryFrom<&Ttlv> for ResponseMessage {
    type Error = Error;

    fn try_from(item: &Ttlv) -> Result<ResponseMessage, Error> {
        ResponseMessage::from_ttlv(item)
    }
}

impl From<&ResponseMessage> for Ttlv {
    fn from(message: &ResponseMessage) -> Ttlv {
        message.to_ttlv()
    }
}

/// A batch length as a Batch Count. More than `i32::MAX` items cannot be
/// encoded in any message size a server accepts; saturate rather than wrap.
fn count(len: usize) -> i32 {
    i32::try_from(len).unwrap_or(i32::MAX)
}

fn check_batch_count(batch_count: i32, items: usize, message: Tag, header: Tag) -> Result<(), Error> {
    if usize::try_from(batch_count).ok() == Some(items) {
        return Ok(());
    }
    Err(Error::at(
        ErrorKind::InvalidField(format!("Batch Count is {batch_count} but the message has {items} batch items")),
        None,
        &[message, header, Tag::BATCH_COUNT],
    ))
}
