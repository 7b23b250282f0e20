//! The typed message envelope against hand-built trees, binary fixtures,
//! real-client captures and every OASIS test case message.

mod common;

use std::path::{Path, PathBuf};

use bytes::Bytes;
use kmip_ttlv::enums::{
    AsynchronousIndicator as AsyncEnum, AttestationType, BatchErrorContinuationOption, CredentialType, Operation,
    ResultReason, ResultStatus,
};
use kmip_ttlv::model::{
    AsynchronousIndicator, Credential, CredentialValue, RequestBatchItem, RequestHeader, RequestMessage, RequestParts,
    ResponseBatchItem, ResponseHeader, ResponseMessage,
};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{ErrorKind, ItemType, ProtocolVersion, Tag, Ttlv, Value};

// Tree builders, one per item type.

fn s(tag: Tag, children: Vec<Ttlv>) -> Ttlv {
    Ttlv::structure(tag, children)
}

fn int(tag: Tag, v: i32) -> Ttlv {
    Ttlv::new(tag, Value::Integer(v))
}

fn en(tag: Tag, v: u32) -> Ttlv {
    Ttlv::new(tag, Value::Enumeration(v))
}

fn boolean(tag: Tag, v: bool) -> Ttlv {
    Ttlv::new(tag, Value::Boolean(v))
}

fn text(tag: Tag, v: &str) -> Ttlv {
    Ttlv::new(tag, Value::TextString(v.into()))
}

fn byte_string(tag: Tag, v: &'static [u8]) -> Ttlv {
    Ttlv::new(tag, Value::ByteString(Bytes::from_static(v)))
}

fn date_time(tag: Tag, v: i64) -> Ttlv {
    Ttlv::new(tag, Value::DateTime(v))
}

fn version(major: i32, minor: i32) -> Ttlv {
    s(Tag::PROTOCOL_VERSION, vec![int(Tag::PROTOCOL_VERSION_MAJOR, major), int(Tag::PROTOCOL_VERSION_MINOR, minor)])
}

fn vendor_tag(v: u32) -> Tag {
    Tag::new(0x540000 | v).expect("extension tag")
}

fn empty_request_payload() -> Ttlv {
    s(Tag::REQUEST_PAYLOAD, vec![])
}

fn request(header: Vec<Ttlv>, items: Vec<Ttlv>) -> Ttlv {
    let mut children = vec![s(Tag::REQUEST_HEADER, header)];
    children.extend(items);
    s(Tag::REQUEST_MESSAGE, children)
}

fn simple_item(operation: u32) -> Ttlv {
    s(Tag::BATCH_ITEM, vec![en(Tag::OPERATION, operation), empty_request_payload()])
}

/// Decodes, re-encodes and compares; returns the model.
fn request_round_trip(tree: &Ttlv) -> RequestMessage {
    let message = RequestMessage::from_ttlv(tree).unwrap_or_else(|e| panic!("decode: {e}"));
    assert_eq!(&message.to_ttlv(), tree, "request round trip");
    message
}

fn response_round_trip(tree: &Ttlv) -> ResponseMessage {
    let message = ResponseMessage::from_ttlv(tree).unwrap_or_else(|e| panic!("decode: {e}"));
    assert_eq!(&message.to_ttlv(), tree, "response round trip");
    message
}

/// Every field of a 1.x request header, Boolean Asynchronous Indicator and
/// a Username and Password credential included.
#[test]
fn full_1x_header_with_boolean_asynchronous_indicator() {
    let tree = request(
        vec![
            version(1, 4),
            int(Tag::MAXIMUM_RESPONSE_SIZE, 2048),
            text(Tag::CLIENT_CORRELATION_VALUE, "client-1"),
            text(Tag::SERVER_CORRELATION_VALUE, "server-1"),
            boolean(Tag::ASYNCHRONOUS_INDICATOR, true),
            boolean(Tag::ATTESTATION_CAPABLE_INDICATOR, false),
            en(Tag::ATTESTATION_TYPE, 0x01),
            en(Tag::ATTESTATION_TYPE, 0x02),
            s(
                Tag::AUTHENTICATION,
                vec![s(
                    Tag::CREDENTIAL,
                    vec![
                        en(Tag::CREDENTIAL_TYPE, 0x01),
                        s(Tag::CREDENTIAL_VALUE, vec![text(Tag::USERNAME, "Fred"), text(Tag::PASSWORD, "password1")]),
                    ],
                )],
            ),
            en(Tag::BATCH_ERROR_CONTINUATION_OPTION, 0x01),
            boolean(Tag::BATCH_ORDER_OPTION, true),
            date_time(Tag::TIME_STAMP, 0x4E2E_6B36),
            int(Tag::BATCH_COUNT, 2),
        ],
        vec![
            s(
                Tag::BATCH_ITEM,
                vec![
                    en(Tag::OPERATION, 0x18),
                    byte_string(Tag::UNIQUE_BATCH_ITEM_ID, b"\x01"),
                    empty_request_payload(),
                ],
            ),
            s(
                Tag::BATCH_ITEM,
                vec![
                    en(Tag::OPERATION, 0x1E),
                    byte_string(Tag::UNIQUE_BATCH_ITEM_ID, b"\x02"),
                    empty_request_payload(),
                ],
            ),
        ],
    );
    let message = request_round_trip(&tree);
    let h = &message.header;
    assert_eq!(h.protocol_version, ProtocolVersion::V1_4);
    assert_eq!(h.maximum_response_size, Some(2048));
    assert_eq!(h.client_correlation_value.as_deref(), Some("client-1"));
    assert_eq!(h.asynchronous_indicator, Some(AsynchronousIndicator::Boolean(true)));
    assert_eq!(h.asynchronous(), AsyncEnum::OPTIONAL);
    assert_eq!(h.attestation_types, [AttestationType(1), AttestationType(2)]);
    assert_eq!(h.batch_error_continuation(), BatchErrorContinuationOption::CONTINUE);
    assert!(h.batch_order());
    assert_eq!(h.time_stamp, Some(0x4E2E_6B36));
    let credentials = &h.authentication.as_ref().expect("authentication").credentials;
    assert_eq!(credentials, &[Credential::username_and_password("Fred", Some("password1".into()))]);
    assert_eq!(message.batch_items[0].operation, Operation::QUERY);
    assert_eq!(message.batch_items[1].id().map(|b| &b[..]), Some(&b"\x02"[..]));
    assert_eq!(message.check_batch_count(), Ok(()));
    assert_eq!(message.check_unknown_fields(), Ok(()));
    assert_eq!(message.check_version(), Ok(()));
}

/// A 2.x header: Enumeration Asynchronous Indicator, Ephemeral, a Device
/// credential and an untyped Ticket credential.
#[test]
fn header_2x_with_enumeration_asynchronous_indicator() {
    let tree = request(
        vec![
            version(2, 1),
            en(Tag::ASYNCHRONOUS_INDICATOR, 0x01),
            s(
                Tag::AUTHENTICATION,
                vec![
                    s(
                        Tag::CREDENTIAL,
                        vec![
                            en(Tag::CREDENTIAL_TYPE, 0x02),
                            s(
                                Tag::CREDENTIAL_VALUE,
                                vec![text(Tag::DEVICE_SERIAL_NUMBER, "serNum123456"), text(Tag::PASSWORD, "secret")],
                            ),
                        ],
                    ),
                    s(
                        Tag::CREDENTIAL,
                        vec![
                            en(Tag::CREDENTIAL_TYPE, 0x06),
                            s(Tag::CREDENTIAL_VALUE, vec![byte_string(vendor_tag(0x10), b"ticket")]),
                        ],
                    ),
                ],
            ),
            int(Tag::BATCH_COUNT, 1),
        ],
        vec![s(
            Tag::BATCH_ITEM,
            vec![en(Tag::OPERATION, 0x0A), boolean(Tag::EPHEMERAL, true), empty_request_payload()],
        )],
    );
    let message = request_round_trip(&tree);
    assert_eq!(message.header.asynchronous_indicator, Some(AsynchronousIndicator::Enumeration(AsyncEnum::MANDATORY)));
    assert!(message.header.batch_order(), "2.x default is in order");
    assert_eq!(message.header.batch_error_continuation(), BatchErrorContinuationOption::STOP);
    let credentials = &message.header.authentication.as_ref().expect("authentication").credentials;
    assert!(
        matches!(&credentials[0].credential_value, CredentialValue::Device(d) if d.password.as_deref() == Some("secret"))
    );
    assert_eq!(credentials[1].credential_type, CredentialType::TICKET);
    assert!(matches!(credentials[1].credential_value, CredentialValue::Other(_)));
    assert_eq!(message.batch_items[0].ephemeral, Some(true));
    assert_eq!(message.check_version(), Ok(()));
    assert!(!format!("{message:?}").contains("secret"), "passwords never print");
}

/// The 1.x/2.x forms checked against the header's version.
#[test]
fn version_specific_fields() {
    let boolean_in_2x = request(
        vec![version(2, 0), boolean(Tag::ASYNCHRONOUS_INDICATOR, false), int(Tag::BATCH_COUNT, 1)],
        vec![simple_item(0x1E)],
    );
    let e = request_round_trip(&boolean_in_2x).check_version().expect_err("Boolean in 2.0");
    assert_eq!(e.kind(), &ErrorKind::UnexpectedType { expected: ItemType::Enumeration, found: ItemType::Boolean });
    assert_eq!(e.path(), [Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::ASYNCHRONOUS_INDICATOR]);

    let enumeration_in_1x = request(
        vec![version(1, 2), en(Tag::ASYNCHRONOUS_INDICATOR, 0x03), int(Tag::BATCH_COUNT, 1)],
        vec![simple_item(0x1E)],
    );
    let e = request_round_trip(&enumeration_in_1x).check_version().expect_err("Enumeration in 1.2");
    assert_eq!(e.kind(), &ErrorKind::UnexpectedType { expected: ItemType::Boolean, found: ItemType::Enumeration });

    let correlation_in_1_3 = request(
        vec![version(1, 3), text(Tag::CLIENT_CORRELATION_VALUE, "x"), int(Tag::BATCH_COUNT, 1)],
        vec![simple_item(0x1E)],
    );
    let e = request_round_trip(&correlation_in_1_3).check_version().expect_err("1.4 field in 1.3");
    assert_eq!(e.kind(), &ErrorKind::UnexpectedField(Tag::CLIENT_CORRELATION_VALUE));
    assert_eq!(e.path(), [Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER]);

    let ephemeral_in_1_4 = request(
        vec![version(1, 4), int(Tag::BATCH_COUNT, 1)],
        vec![s(
            Tag::BATCH_ITEM,
            vec![en(Tag::OPERATION, 0x0A), boolean(Tag::EPHEMERAL, false), empty_request_payload()],
        )],
    );
    let e = request_round_trip(&ephemeral_in_1_4).check_version().expect_err("2.0 field in 1.4");
    assert_eq!(e.kind(), &ErrorKind::UnexpectedField(Tag::EPHEMERAL));

    // 1.x default Batch Order Option is False.
    let plain_1x = request(vec![version(1, 0), int(Tag::BATCH_COUNT, 1)], vec![simple_item(0x1E)]);
    assert!(!request_round_trip(&plain_1x).header.batch_order());
}

/// 1.4 §11.1: the answer to an undecodable message has one batch item
/// without Operation.
#[test]
fn failed_message_response_without_operation() {
    let response =
        ResponseMessage::message_failure(ProtocolVersion::V1_1, 0x5A00_0000, ResultReason::INVALID_MESSAGE, "bad");
    let expected = s(
        Tag::RESPONSE_MESSAGE,
        vec![
            s(
                Tag::RESPONSE_HEADER,
                vec![version(1, 1), date_time(Tag::TIME_STAMP, 0x5A00_0000), int(Tag::BATCH_COUNT, 1)],
            ),
            s(
                Tag::BATCH_ITEM,
                vec![en(Tag::RESULT_STATUS, 0x01), en(Tag::RESULT_REASON, 0x04), text(Tag::RESULT_MESSAGE, "bad")],
            ),
        ],
    );
    assert_eq!(response.to_ttlv(), expected);
    let decoded = response_round_trip(&expected);
    assert_eq!(decoded, response);
    assert_eq!(decoded.batch_items[0].operation, None);
    assert_eq!(decoded.batch_items[0].result_status, ResultStatus::OPERATION_FAILED);
    assert!(!decoded.is_success());
    assert_eq!(decoded.check_batch_count(), Ok(()));
}

/// Every response header and batch item field, in order.
#[test]
fn full_response() {
    let tree = s(
        Tag::RESPONSE_MESSAGE,
        vec![
            s(
                Tag::RESPONSE_HEADER,
                vec![
                    version(2, 0),
                    date_time(Tag::TIME_STAMP, 1),
                    s(Tag::NONCE, vec![byte_string(Tag::NONCE_ID, b"1"), byte_string(Tag::NONCE_VALUE, b"abc")]),
                    byte_string(Tag::SERVER_HASHED_PASSWORD, b"hash"),
                    en(Tag::ATTESTATION_TYPE, 0x03),
                    text(Tag::CLIENT_CORRELATION_VALUE, "c"),
                    text(Tag::SERVER_CORRELATION_VALUE, "s"),
                    int(Tag::BATCH_COUNT, 2),
                ],
            ),
            s(
                Tag::BATCH_ITEM,
                vec![
                    en(Tag::OPERATION, 0x01),
                    byte_string(Tag::UNIQUE_BATCH_ITEM_ID, b"a"),
                    en(Tag::RESULT_STATUS, 0x02),
                    byte_string(Tag::ASYNCHRONOUS_CORRELATION_VALUE, b"poll-me"),
                    s(
                        Tag::MESSAGE_EXTENSION,
                        vec![
                            text(Tag::VENDOR_IDENTIFICATION, "acme"),
                            boolean(Tag::CRITICALITY_INDICATOR, false),
                            s(Tag::VENDOR_EXTENSION, vec![int(vendor_tag(1), 7)]),
                        ],
                    ),
                ],
            ),
            s(
                Tag::BATCH_ITEM,
                vec![
                    en(Tag::OPERATION, 0x0A),
                    en(Tag::RESULT_STATUS, 0x00),
                    s(Tag::RESPONSE_PAYLOAD, vec![text(Tag::UNIQUE_IDENTIFIER, "1")]),
                ],
            ),
        ],
    );
    let message = response_round_trip(&tree);
    assert_eq!(message.header.server_hashed_password.as_deref(), Some(&b"hash"[..]));
    assert!(message.header.nonce.is_some());
    assert_eq!(message.batch_items[0].asynchronous_correlation_value.as_deref(), Some(&b"poll-me"[..]));
    assert_eq!(message.batch_items[0].message_extensions[0].vendor_identification, "acme");
    assert!(message.batch_items[1].response_payload.is_some());
    assert_eq!(message.check_version(), Ok(()));
    let mut in_1x = message.clone();
    in_1x.header.protocol_version = ProtocolVersion::V1_4;
    let e = in_1x.check_version().expect_err("Server Hashed Password is 2.0");
    assert_eq!(e.kind(), &ErrorKind::UnexpectedField(Tag::SERVER_HASHED_PASSWORD));
}

/// Unknown fields anywhere in the envelope survive a round trip in place,
/// and are reported with their location.
#[test]
fn unknown_fields_are_preserved_and_reported() {
    let tree = request(
        vec![
            version(1, 4),
            int(vendor_tag(1), 1),
            s(
                Tag::AUTHENTICATION,
                vec![s(
                    Tag::CREDENTIAL,
                    vec![
                        en(Tag::CREDENTIAL_TYPE, 0x01),
                        s(Tag::CREDENTIAL_VALUE, vec![text(Tag::USERNAME, "u"), text(vendor_tag(2), "x")]),
                    ],
                )],
            ),
            // A tag the registry knows but the header does not define.
            text(Tag::UNIQUE_IDENTIFIER, "stray"),
            int(Tag::BATCH_COUNT, 1),
            int(vendor_tag(3), 3),
        ],
        vec![
            s(
                Tag::BATCH_ITEM,
                vec![int(vendor_tag(4), 4), en(Tag::OPERATION, 0x1E), empty_request_payload(), int(vendor_tag(5), 5)],
            ),
            int(vendor_tag(6), 6),
        ],
    );
    let message = request_round_trip(&tree);
    assert_eq!(message.header.unknown_fields.len(), 3);
    assert_eq!(message.header.unknown_fields[0].position, 1);
    assert_eq!(message.batch_items[0].unknown_fields.len(), 2);
    assert_eq!(message.unknown_fields.len(), 1);
    assert!(message.has_unknown_fields());
    let e = message.check_unknown_fields().expect_err("unknown");
    assert_eq!(e.kind(), &ErrorKind::UnexpectedField(vendor_tag(6)));
    assert_eq!(e.path(), [Tag::REQUEST_MESSAGE]);

    // Remove the outer ones one at a time: the next one is found deeper.
    let mut m = message.clone();
    m.unknown_fields.clear();
    let e = m.check_unknown_fields().expect_err("header");
    assert_eq!(
        (e.kind(), e.path()),
        (&ErrorKind::UnexpectedField(vendor_tag(1)), &[Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER][..])
    );
    m.header.unknown_fields.clear();
    let e = m.check_unknown_fields().expect_err("credential value");
    assert_eq!(e.kind(), &ErrorKind::UnexpectedField(vendor_tag(2)));
    assert_eq!(
        e.path(),
        [Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::AUTHENTICATION, Tag::CREDENTIAL, Tag::CREDENTIAL_VALUE]
    );
    if let Some(auth) = &mut m.header.authentication {
        auth.credentials[0] = Credential::username_and_password("u", None);
    }
    let e = m.check_unknown_fields().expect_err("batch item");
    assert_eq!(
        (e.kind(), e.path()),
        (&ErrorKind::UnexpectedField(vendor_tag(4)), &[Tag::REQUEST_MESSAGE, Tag::BATCH_ITEM][..])
    );
    m.batch_items[0].unknown_fields.clear();
    assert_eq!(m.check_unknown_fields(), Ok(()));
    assert!(!m.has_unknown_fields());
}

/// Batch Count is kept as sent and checked on request.
#[test]
fn batch_count_mismatch_is_kept_and_reported() {
    let tree = request(vec![version(1, 2), int(Tag::BATCH_COUNT, 3)], vec![simple_item(0x1E)]);
    let message = request_round_trip(&tree);
    assert_eq!(message.header.batch_count, 3);
    let e = message.check_batch_count().expect_err("mismatch");
    assert_eq!(e.path(), [Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::BATCH_COUNT]);
    assert_eq!(
        e.to_string(),
        "Batch Count is 3 but the message has 1 batch items in RequestMessage/RequestHeader/BatchCount"
    );
    // Building a message sets the count.
    let built = RequestMessage::new(message.header.clone(), message.batch_items.clone());
    assert_eq!(built.header.batch_count, 1);
    assert_eq!(built.check_batch_count(), Ok(()));
}

/// Each malformed case gives its kind and path.
#[test]
fn malformed_messages() {
    let item = simple_item(0x1E);
    let cases: Vec<(&str, Ttlv, ErrorKind, Vec<Tag>)> = vec![
        (
            "a response given as a request",
            s(Tag::RESPONSE_MESSAGE, vec![]),
            ErrorKind::UnexpectedField(Tag::RESPONSE_MESSAGE),
            vec![],
        ),
        (
            "message not a structure",
            int(Tag::REQUEST_MESSAGE, 1),
            ErrorKind::UnexpectedType { expected: ItemType::Structure, found: ItemType::Integer },
            vec![Tag::REQUEST_MESSAGE],
        ),
        (
            "no header",
            s(Tag::REQUEST_MESSAGE, vec![item.clone()]),
            ErrorKind::MissingField(Tag::REQUEST_HEADER),
            vec![Tag::REQUEST_MESSAGE],
        ),
        (
            "no batch item",
            request(vec![version(1, 0), int(Tag::BATCH_COUNT, 0)], vec![]),
            ErrorKind::MissingField(Tag::BATCH_ITEM),
            vec![Tag::REQUEST_MESSAGE],
        ),
        (
            "no protocol version",
            request(vec![int(Tag::BATCH_COUNT, 1)], vec![item.clone()]),
            ErrorKind::MissingField(Tag::PROTOCOL_VERSION),
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER],
        ),
        (
            "no batch count",
            request(vec![version(1, 0)], vec![item.clone()]),
            ErrorKind::MissingField(Tag::BATCH_COUNT),
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER],
        ),
        (
            "batch count of the wrong type",
            request(vec![version(1, 0), Ttlv::new(Tag::BATCH_COUNT, Value::LongInteger(1))], vec![item.clone()]),
            ErrorKind::UnexpectedType { expected: ItemType::Integer, found: ItemType::LongInteger },
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::BATCH_COUNT],
        ),
        (
            "minor version of the wrong type",
            request(
                vec![
                    s(
                        Tag::PROTOCOL_VERSION,
                        vec![int(Tag::PROTOCOL_VERSION_MAJOR, 1), en(Tag::PROTOCOL_VERSION_MINOR, 0)],
                    ),
                    int(Tag::BATCH_COUNT, 1),
                ],
                vec![item.clone()],
            ),
            ErrorKind::UnexpectedType { expected: ItemType::Integer, found: ItemType::Enumeration },
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::PROTOCOL_VERSION, Tag::PROTOCOL_VERSION_MINOR],
        ),
        (
            "protocol version repeated",
            request(vec![version(1, 0), version(1, 0), int(Tag::BATCH_COUNT, 1)], vec![item.clone()]),
            ErrorKind::UnexpectedField(Tag::PROTOCOL_VERSION),
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER],
        ),
        (
            "batch count repeated",
            request(vec![version(1, 0), int(Tag::BATCH_COUNT, 1), int(Tag::BATCH_COUNT, 1)], vec![item.clone()]),
            ErrorKind::UnexpectedField(Tag::BATCH_COUNT),
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER],
        ),
        (
            "header fields out of order",
            request(
                vec![
                    version(1, 0),
                    date_time(Tag::TIME_STAMP, 0),
                    int(Tag::MAXIMUM_RESPONSE_SIZE, 1),
                    int(Tag::BATCH_COUNT, 1),
                ],
                vec![item.clone()],
            ),
            ErrorKind::UnexpectedField(Tag::MAXIMUM_RESPONSE_SIZE),
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER],
        ),
        (
            "header after the batch items",
            s(
                Tag::REQUEST_MESSAGE,
                vec![
                    s(Tag::REQUEST_HEADER, vec![version(1, 0), int(Tag::BATCH_COUNT, 1)]),
                    item.clone(),
                    s(Tag::REQUEST_HEADER, vec![]),
                ],
            ),
            ErrorKind::UnexpectedField(Tag::REQUEST_HEADER),
            vec![Tag::REQUEST_MESSAGE],
        ),
        (
            "operation repeated",
            request(
                vec![version(1, 0), int(Tag::BATCH_COUNT, 1)],
                vec![s(Tag::BATCH_ITEM, vec![en(Tag::OPERATION, 1), en(Tag::OPERATION, 1), empty_request_payload()])],
            ),
            ErrorKind::UnexpectedField(Tag::OPERATION),
            vec![Tag::REQUEST_MESSAGE, Tag::BATCH_ITEM],
        ),
        (
            "no request payload",
            request(
                vec![version(1, 0), int(Tag::BATCH_COUNT, 1)],
                vec![s(Tag::BATCH_ITEM, vec![en(Tag::OPERATION, 1)])],
            ),
            ErrorKind::MissingField(Tag::REQUEST_PAYLOAD),
            vec![Tag::REQUEST_MESSAGE, Tag::BATCH_ITEM],
        ),
        (
            "batch item ID as text",
            request(
                vec![version(1, 0), int(Tag::BATCH_COUNT, 1)],
                vec![s(
                    Tag::BATCH_ITEM,
                    vec![en(Tag::OPERATION, 1), text(Tag::UNIQUE_BATCH_ITEM_ID, "1"), empty_request_payload()],
                )],
            ),
            ErrorKind::UnexpectedType { expected: ItemType::ByteString, found: ItemType::TextString },
            vec![Tag::REQUEST_MESSAGE, Tag::BATCH_ITEM, Tag::UNIQUE_BATCH_ITEM_ID],
        ),
        (
            "message extension without its criticality",
            request(
                vec![version(1, 0), int(Tag::BATCH_COUNT, 1)],
                vec![s(
                    Tag::BATCH_ITEM,
                    vec![
                        en(Tag::OPERATION, 1),
                        empty_request_payload(),
                        s(
                            Tag::MESSAGE_EXTENSION,
                            vec![text(Tag::VENDOR_IDENTIFICATION, "v"), s(Tag::VENDOR_EXTENSION, vec![])],
                        ),
                    ],
                )],
            ),
            ErrorKind::MissingField(Tag::CRITICALITY_INDICATOR),
            vec![Tag::REQUEST_MESSAGE, Tag::BATCH_ITEM, Tag::MESSAGE_EXTENSION],
        ),
        (
            "asynchronous indicator as text",
            request(
                vec![version(2, 0), text(Tag::ASYNCHRONOUS_INDICATOR, "yes"), int(Tag::BATCH_COUNT, 1)],
                vec![item.clone()],
            ),
            ErrorKind::UnexpectedType { expected: ItemType::Enumeration, found: ItemType::TextString },
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::ASYNCHRONOUS_INDICATOR],
        ),
        (
            "empty authentication",
            request(vec![version(1, 0), s(Tag::AUTHENTICATION, vec![]), int(Tag::BATCH_COUNT, 1)], vec![item.clone()]),
            ErrorKind::MissingField(Tag::CREDENTIAL),
            vec![Tag::REQUEST_MESSAGE, Tag::REQUEST_HEADER, Tag::AUTHENTICATION],
        ),
    ];
    for (name, tree, kind, path) in cases {
        let e = RequestMessage::from_ttlv(&tree).expect_err(name);
        assert_eq!((e.kind(), e.path()), (&kind, &path[..]), "{name}: {e}");
        assert_eq!(RequestParts::take_from(&mut tree.clone()), RequestParts::from_ttlv(&tree), "{name}");
    }

    let no_status = s(
        Tag::RESPONSE_MESSAGE,
        vec![
            s(Tag::RESPONSE_HEADER, vec![version(1, 0), date_time(Tag::TIME_STAMP, 0), int(Tag::BATCH_COUNT, 1)]),
            s(Tag::BATCH_ITEM, vec![en(Tag::OPERATION, 1)]),
        ],
    );
    let e = ResponseMessage::from_ttlv(&no_status).expect_err("no result status");
    assert_eq!(e.to_string(), "missing required field ResultStatus in ResponseMessage/BatchItem");
    let no_time_stamp = s(
        Tag::RESPONSE_MESSAGE,
        vec![
            s(Tag::RESPONSE_HEADER, vec![version(1, 0), int(Tag::BATCH_COUNT, 1)]),
            s(Tag::BATCH_ITEM, vec![en(Tag::RESULT_STATUS, 0)]),
        ],
    );
    let e = ResponseMessage::from_ttlv(&no_time_stamp).expect_err("no time stamp");
    assert_eq!(e.to_string(), "missing required field TimeStamp in ResponseMessage/ResponseHeader");
}

/// A malformed item fails alone; the server answers it and processes the
/// others.
#[test]
fn items_decode_one_by_one() {
    let tree = request(
        vec![version(1, 4), int(Tag::BATCH_COUNT, 3)],
        vec![
            simple_item(0x1E),
            s(Tag::BATCH_ITEM, vec![en(Tag::OPERATION, 0x0A), byte_string(Tag::UNIQUE_BATCH_ITEM_ID, b"2")]),
            simple_item(0x18),
        ],
    );
    let parts = RequestParts::from_ttlv(&tree).expect("header decodes");
    assert_eq!(RequestParts::take_from(&mut tree.clone()), Ok(parts.clone()));
    assert!(parts.batch_items[0].is_ok() && parts.batch_items[2].is_ok());
    let Err(failed) = &parts.batch_items[1] else { panic!("item 2 has no payload") };
    assert_eq!(failed.error.path(), [Tag::REQUEST_MESSAGE, Tag::BATCH_ITEM]);
    let answer = failed.response(ResultReason::INVALID_MESSAGE, None);
    assert_eq!(answer.operation, Some(Operation::GET));
    assert_eq!(answer.id().map(|b| &b[..]), Some(&b"2"[..]));
    assert_eq!(
        answer.result_message.as_deref(),
        Some("missing required field RequestPayload in RequestMessage/BatchItem")
    );

    let e = RequestMessage::from_ttlv(&tree).expect_err("strict");
    assert_eq!(e, failed.error);

    // The version of a message whose header does not decode.
    let broken = request(vec![version(1, 3), int(Tag::BATCH_COUNT, 1), int(Tag::BATCH_COUNT, 1)], vec![]);
    assert!(RequestParts::from_ttlv(&broken).is_err());
    assert_eq!(RequestMessage::protocol_version_of(&broken), Some(ProtocolVersion::V1_3));
    assert_eq!(RequestMessage::protocol_version_of(&s(Tag::REQUEST_MESSAGE, vec![])), None);
}

/// The server-side helpers build what a client expects.
#[test]
fn building_responses() {
    let header = RequestHeader::new(ProtocolVersion::V2_1, 1);
    let item = RequestBatchItem {
        unique_batch_item_id: Some(Bytes::from_static(b"id")),
        ..RequestBatchItem::new(Operation::QUERY, empty_request_payload())
    };
    let request = RequestMessage::new(header, vec![item]);
    request_round_trip(&request.to_ttlv());
    let item = &request.batch_items[0];
    let response = ResponseMessage::new(
        ResponseHeader::new(request.header.protocol_version, 1),
        vec![item.success(s(Tag::RESPONSE_PAYLOAD, vec![])), item.failure(ResultReason::PERMISSION_DENIED, "no")],
    );
    assert_eq!(response.header.batch_count, 2);
    let decoded = response_round_trip(&response.to_ttlv());
    assert_eq!(decoded, response);
    assert_eq!(decoded.batch_items[0].id(), item.id());
    assert_eq!(ResponseBatchItem::status(None, None, ResultStatus::OPERATION_UNDONE).result_reason, None);
    assert_eq!(Ttlv::from(&decoded), response.to_ttlv());
    assert_eq!(ResponseMessage::try_from(&response.to_ttlv()), Ok(response));
}

/// A binary fixture, one column per field: a 1.1 request with a Boolean
/// Asynchronous Indicator, decoded by the wire codec and then the model.
#[test]
fn binary_fixture() {
    let fixture = "
        420078  01  00000098
          420077  01  00000048
            420069  01  00000020
              42006A  02  00000004  00000001  00000000
              42006B  02  00000004  00000001  00000000
            420007  06  00000008  0000000000000000
            42000D  02  00000004  00000001  00000000
          42000F  01  00000040
            42005C  05  00000004  0000001E  00000000
            420093  08  00000008  514C4B4301000000
            420079  01  00000018
              420069  01  00000010
                42006A  02  00000004  00000001  00000000";
    // The last Protocol Version is a (truncated) payload the model does not read.
    let bytes = Bytes::from(hex::decode(fixture.split_whitespace().collect::<String>()).expect("hex"));
    let tree = wire::decode(&bytes, &Limits::default()).expect("wire");
    let message = request_round_trip(&tree);
    assert_eq!(message.header.protocol_version, ProtocolVersion::V1_1);
    assert_eq!(message.header.asynchronous_indicator, Some(AsynchronousIndicator::Boolean(false)));
    assert_eq!(message.header.asynchronous(), AsyncEnum::PROHIBITED);
    assert_eq!(message.batch_items[0].operation, Operation::DISCOVER_VERSIONS);
    assert_eq!(message.batch_items[0].id().map(|b| &b[..4]), Some(&b"QLKC"[..]));
    assert_eq!(wire::to_vec(&message.to_ttlv()).expect("encode"), bytes);
}

fn vectors() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../vectors")).to_path_buf()
}

fn hex_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            hex_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "hex") {
            out.push(path);
        }
    }
}

/// Every real-client capture: bytes -> tree -> model -> tree -> bytes,
/// identical, with consistent Batch Count, no unknown fields, and only
/// fields the message's version defines.
#[test]
fn captures_round_trip() {
    let mut files = Vec::new();
    hex_files(&vectors().join("captures"), &mut files);
    let (mut requests, mut responses) = (0, 0);
    for path in &files {
        let name = path.strip_prefix(vectors()).unwrap_or(path).display().to_string();
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let bytes = Bytes::from(hex::decode(text.split_whitespace().collect::<String>()).expect("hex"));
        let tree = wire::decode(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        if tree.tag == Tag::REQUEST_MESSAGE {
            let m = RequestMessage::from_ttlv(&tree).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(m.to_ttlv(), tree, "{name}");
            assert_eq!(m.check_batch_count(), Ok(()), "{name}");
            assert_eq!(m.check_unknown_fields(), Ok(()), "{name}");
            assert_eq!(m.check_version(), Ok(()), "{name}");
            requests += 1;
        } else {
            let m = ResponseMessage::from_ttlv(&tree).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(m.to_ttlv(), tree, "{name}");
            assert_eq!(m.check_batch_count(), Ok(()), "{name}");
            assert_eq!(m.check_unknown_fields(), Ok(()), "{name}");
            assert_eq!(m.check_version(), Ok(()), "{name}");
            responses += 1;
        }
        assert_eq!(wire::to_vec(&tree).expect("encode"), bytes, "{name}");
    }
    println!("captures: {requests} requests, {responses} responses");
    assert_eq!((requests, responses), (22, 10));
}

/// Round-trip properties of the model (STYLE §7.2): model -> tree -> model,
/// tree -> binary -> tree, and trees with unknown fields inserted anywhere
/// in the header and batch items.
mod properties {
    use proptest::prelude::*;

    use super::*;
    use kmip_ttlv::model::{Authentication, Device, MessageExtension};

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        prop::option::of("[ -~]{0,12}")
    }

    fn opt_bytes() -> impl Strategy<Value = Option<Bytes>> {
        prop::option::of(prop::collection::vec(any::<u8>(), 0..12).prop_map(Bytes::from))
    }

    fn structure(tag: Tag) -> impl Strategy<Value = Ttlv> {
        prop::collection::vec((any::<u16>(), any::<i32>()), 0..3)
            .prop_map(move |fields| s(tag, fields.into_iter().map(|(t, v)| int(vendor_tag(u32::from(t)), v)).collect()))
    }

    fn credential() -> impl Strategy<Value = Credential> {
        prop_oneof![
            ("[a-z]{1,8}", opt_text()).prop_map(|(u, p)| Credential::username_and_password(u, p)),
            (opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), opt_text()).prop_map(|(a, b, c, d, e, f)| {
                Credential::device(Device {
                    device_serial_number: a,
                    password: b,
                    device_identifier: c,
                    network_identifier: d,
                    machine_identifier: e,
                    media_identifier: f,
                    unknown_fields: Vec::new(),
                })
            }),
            (3u32..0x10, structure(Tag::CREDENTIAL_VALUE)).prop_map(|(t, value)| Credential {
                credential_type: CredentialType(t),
                credential_value: CredentialValue::Other(value),
                unknown_fields: Vec::new(),
            }),
        ]
    }

    fn asynchronous_indicator() -> impl Strategy<Value = Option<AsynchronousIndicator>> {
        prop::option::of(prop_oneof![
            any::<bool>().prop_map(AsynchronousIndicator::Boolean),
            (1u32..4).prop_map(|v| AsynchronousIndicator::Enumeration(AsyncEnum(v))),
        ])
    }

    fn request_header() -> impl Strategy<Value = RequestHeader> {
        (
            (1..3i32, 0..5i32, prop::option::of(any::<i32>()), opt_text(), opt_text(), asynchronous_indicator()),
            (
                prop::option::of(any::<bool>()),
                prop::collection::vec(any::<u32>(), 0..3),
                prop::option::of(prop::collection::vec(credential(), 1..3)),
                prop::option::of(1u32..4),
                prop::option::of(any::<bool>()),
                prop::option::of(any::<i64>()),
            ),
        )
            .prop_map(
                |(
                    (major, minor, size, client, server, asynchronous),
                    (capable, attestation, creds, bec, order, ts),
                )| {
                    RequestHeader {
                        maximum_response_size: size,
                        client_correlation_value: client,
                        server_correlation_value: server,
                        asynchronous_indicator: asynchronous,
                        attestation_capable_indicator: capable,
                        attestation_types: attestation.into_iter().map(AttestationType).collect(),
                        authentication: creds
                            .map(|credentials| Authentication { credentials, unknown_fields: Vec::new() }),
                        batch_error_continuation_option: bec.map(BatchErrorContinuationOption),
                        batch_order_option: order,
                        time_stamp: ts,
                        ..RequestHeader::new(ProtocolVersion::new(major, minor), 0)
                    }
                },
            )
    }

    fn message_extension() -> impl Strategy<Value = MessageExtension> {
        ("[a-z]{0,8}", any::<bool>(), structure(Tag::VENDOR_EXTENSION)).prop_map(|(v, c, e)| MessageExtension {
            vendor_identification: v,
            criticality_indicator: c,
            vendor_extension: e,
            unknown_fields: Vec::new(),
        })
    }

    fn request_item() -> impl Strategy<Value = RequestBatchItem> {
        (
            any::<u32>(),
            prop::option::of(any::<bool>()),
            opt_bytes(),
            structure(Tag::REQUEST_PAYLOAD),
            prop::collection::vec(message_extension(), 0..2),
        )
            .prop_map(|(op, ephemeral, id, payload, extensions)| RequestBatchItem {
                ephemeral,
                unique_batch_item_id: id,
                message_extensions: extensions,
                ..RequestBatchItem::new(Operation(op), payload)
            })
    }

    fn request_message() -> impl Strategy<Value = RequestMessage> {
        (request_header(), prop::collection::vec(request_item(), 1..4))
            .prop_map(|(header, items)| RequestMessage::new(header, items))
    }

    fn response_item() -> impl Strategy<Value = ResponseBatchItem> {
        (
            (prop::option::of(any::<u32>()), opt_bytes(), 0u32..4, prop::option::of(any::<u32>()), opt_text()),
            (
                opt_bytes(),
                prop::option::of(structure(Tag::RESPONSE_PAYLOAD)),
                prop::collection::vec(message_extension(), 0..2),
            ),
        )
            .prop_map(|((op, id, status, reason, message), (acv, payload, extensions))| ResponseBatchItem {
                result_reason: reason.map(ResultReason),
                result_message: message,
                asynchronous_correlation_value: acv,
                response_payload: payload,
                message_extensions: extensions,
                ..ResponseBatchItem::status(op.map(Operation), id, ResultStatus(status))
            })
    }

    fn response_message() -> impl Strategy<Value = ResponseMessage> {
        (
            (1..3i32, 0..5i32, any::<i64>(), prop::option::of(structure(Tag::NONCE)), opt_bytes()),
            (prop::collection::vec(any::<u32>(), 0..3), opt_text(), opt_text()),
            prop::collection::vec(response_item(), 1..4),
        )
            .prop_map(|((major, minor, ts, nonce, shp), (attestation, client, server), items)| {
                let header = ResponseHeader {
                    nonce,
                    server_hashed_password: shp,
                    attestation_types: attestation.into_iter().map(AttestationType).collect(),
                    client_correlation_value: client,
                    server_correlation_value: server,
                    ..ResponseHeader::new(ProtocolVersion::new(major, minor), ts)
                };
                ResponseMessage::new(header, items)
            })
    }

    /// Inserts extension-tag items into the header and each batch item at
    /// the given (wrapped) positions.
    fn with_unknown_fields(tree: &Ttlv, positions: &[usize]) -> Ttlv {
        let mut tree = tree.clone();
        let Value::Structure(parts) = &mut tree.value else { return tree };
        for (n, part) in parts.iter_mut().enumerate() {
            let Value::Structure(children) = &mut part.value else { continue };
            for (i, p) in positions.iter().enumerate() {
                let at = p % (children.len() + 1);
                let v = i32::try_from(n * 100 + i).unwrap_or(0);
                children.insert(at, int(vendor_tag(0xF000), v));
            }
        }
        tree
    }

    fn through_binary(tree: &Ttlv) -> Ttlv {
        let bytes = wire::to_vec(tree).expect("encode");
        wire::decode(&Bytes::from(bytes), &Limits::default()).expect("decode")
    }

    proptest! {
        #[test]
        fn request_model_round_trips(message in request_message(), positions in prop::collection::vec(any::<usize>(), 0..4)) {
            let tree = message.to_ttlv();
            prop_assert_eq!(&RequestMessage::from_ttlv(&tree).expect("decode"), &message);
            prop_assert_eq!(&RequestMessage::from_ttlv(&through_binary(&tree)).expect("binary"), &message);
            prop_assert_eq!(message.check_batch_count(), Ok(()));
            prop_assert!(!message.has_unknown_fields());
            let extended = with_unknown_fields(&tree, &positions);
            let decoded = RequestMessage::from_ttlv(&extended).expect("decode with unknown fields");
            prop_assert_eq!(decoded.to_ttlv(), extended);
            prop_assert_eq!(decoded.has_unknown_fields(), !positions.is_empty());
        }

        #[test]
        fn response_model_round_trips(message in response_message(), positions in prop::collection::vec(any::<usize>(), 0..4)) {
            let tree = message.to_ttlv();
            prop_assert_eq!(&ResponseMessage::from_ttlv(&tree).expect("decode"), &message);
            prop_assert_eq!(&ResponseMessage::from_ttlv(&through_binary(&tree)).expect("binary"), &message);
            let extended = with_unknown_fields(&tree, &positions);
            let decoded = ResponseMessage::from_ttlv(&extended).expect("decode with unknown fields");
            prop_assert_eq!(decoded.to_ttlv(), extended);
            prop_assert_eq!(decoded.has_unknown_fields(), !positions.is_empty());
        }
    }
}

/// Every Request and Response Message of every OASIS test case, payloads
/// included: tree -> model -> tree, identical, with consistent Batch Count,
/// no unknown fields and only fields the message's version defines.
#[test]
fn oasis_messages_round_trip() {
    let messages = common::load_oasis_messages();
    let mut files = std::collections::BTreeSet::new();
    let (mut requests, mut responses) = (0, 0);
    for (file, index, tree) in &messages {
        let at = format!("{file} message {index}");
        if tree.tag == Tag::REQUEST_MESSAGE {
            let m = RequestMessage::from_ttlv(tree).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(&m.to_ttlv(), tree, "{at}");
            assert_eq!(m.check_batch_count(), Ok(()), "{at}");
            assert_eq!(m.check_unknown_fields(), Ok(()), "{at}");
            assert_eq!(m.check_version(), Ok(()), "{at}");
            requests += 1;
        } else {
            let m = ResponseMessage::from_ttlv(tree).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(&m.to_ttlv(), tree, "{at}");
            assert_eq!(m.check_batch_count(), Ok(()), "{at}");
            assert_eq!(m.check_unknown_fields(), Ok(()), "{at}");
            assert_eq!(m.check_version(), Ok(()), "{at}");
            responses += 1;
        }
        files.insert(file.clone());
    }
    println!("OASIS: {} files, {requests} requests, {responses} responses", files.len());
    assert_eq!((files.len(), requests, responses), (240, 1518, 1518));
}
