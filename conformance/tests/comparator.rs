//! Self-tests of the comparator on real expected responses from the OASIS
//! vectors: the expected response itself, with its placeholders filled in
//! consistently, must PASS; deliberately wrong responses must FAIL with the
//! difference at the right place.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use conformance::compare::{self, Context, Difference};
use conformance::placeholder::{self, Bindings, Placeholder};
use conformance::vectors::{self, Exchange};
use kmip_ttlv::{Tag, Ttlv, Value, registry};

fn oasis() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors/oasis")
}

fn load(relative: &str) -> Vec<Exchange> {
    vectors::load(&oasis().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}")).exchanges
}

fn now() -> i64 {
    conformance::runner::unix_now()
}

/// What a correct server could answer: the expected response with every
/// placeholder replaced by its bound value, or a fresh value for the first
/// sight, and `$NOW±N` by the current time ± N.
fn fill(expected: &Ttlv, bindings: &Bindings, now: i64) -> Ttlv {
    let value = match &expected.value {
        Value::Structure(children) => Value::Structure(children.iter().map(|c| fill(c, bindings, now)).collect()),
        _ => match placeholder::of(expected) {
            None => expected.value.clone(),
            Some(Placeholder::Now(n)) => Value::DateTime(now + n),
            Some(Placeholder::Named(name)) => match bindings.get(&name) {
                Some(v) => v.clone(),
                None => match expected.value {
                    Value::TextString(_) => Value::TextString(format!("server-{name}")),
                    _ => Value::ByteString(Bytes::from(format!("server-{name}").into_bytes())),
                },
            },
        },
    };
    Ttlv { tag: expected.tag, value }
}

/// Replays `exchanges` against simulated answers: the filled expected
/// response, changed by `mutate(index, response)`. Returns the first
/// difference and the exchange index where it happened.
fn replay(exchanges: &[Exchange], mut mutate: impl FnMut(usize, &mut Ttlv)) -> Result<(), (usize, Difference)> {
    let generated = &mut HashSet::new();
    let mut bindings = Bindings::new();
    let mut responses: Vec<Ttlv> = Vec::new();
    let start = now();
    for (i, exchange) in exchanges.iter().enumerate() {
        let request = placeholder::instantiate(&exchange.request, &mut bindings, now(), &responses)
            .unwrap_or_else(|e| panic!("exchange {i}: {e}"));
        let mut actual = fill(&exchange.expected, &bindings, now());
        mutate(i, &mut actual);
        compare::note_generated(&actual, generated);
        let ctx = Context { request: Some(&request), run_start: start, now: now(), generated, echoed: false };
        compare::compare(&exchange.expected, &actual, &ctx, &mut bindings).map_err(|d| (i, d))?;
        responses.push(actual);
    }
    Ok(())
}

/// Replays `file`, changing only the response of exchange `at`; the change
/// must be reported at that exchange. Returns the difference.
fn must_fail(file: &str, at: usize, mutate: impl FnOnce(&mut Ttlv)) -> Difference {
    let exchanges = load(file);
    let mut mutate = Some(mutate);
    let result = replay(&exchanges, |i, r| {
        if i == at
            && let Some(m) = mutate.take()
        {
            m(r);
        }
    });
    match result {
        Ok(()) => panic!("{file} exchange {at}: the wrong response passed"),
        Err((i, d)) => {
            assert_eq!(i, at, "{file}: failed at exchange {i}, not {at}: {d}");
            d
        }
    }
}

/// Replays `file`, changing only the response of exchange `at`; the change
/// must be accepted.
fn must_pass(file: &str, at: usize, mutate: impl FnOnce(&mut Ttlv)) {
    let exchanges = load(file);
    let mut mutate = Some(mutate);
    let result = replay(&exchanges, |i, r| {
        if i == at
            && let Some(m) = mutate.take()
        {
            m(r);
        }
    });
    if let Err((i, d)) = result {
        panic!("{file}: an acceptable response failed at exchange {i}: {d}");
    }
}

// ---- tree helpers -------------------------------------------------------

fn children(t: &mut Ttlv) -> &mut Vec<Ttlv> {
    match &mut t.value {
        Value::Structure(c) => c,
        other => panic!("{:?} is not a structure: {other:?}", t.tag),
    }
}

/// The `n`th child with tag `tag`.
fn nth(t: &mut Ttlv, tag: Tag, n: usize) -> &mut Ttlv {
    children(t).iter_mut().filter(|c| c.tag == tag).nth(n).unwrap_or_else(|| panic!("no {tag:?}[{n}]"))
}

fn first(t: &mut Ttlv, tag: Tag) -> &mut Ttlv {
    nth(t, tag, 0)
}

fn remove(t: &mut Ttlv, tag: Tag) -> Ttlv {
    let c = children(t);
    let i = c.iter().position(|x| x.tag == tag).unwrap_or_else(|| panic!("no {tag:?} to remove"));
    c.remove(i)
}

fn enumeration(tag: Tag, name: &str) -> Value {
    Value::Enumeration(registry::enum_value(tag, name).unwrap_or_else(|| panic!("{tag:?} {name}")))
}

fn payload(response: &mut Ttlv, item: usize) -> &mut Ttlv {
    first(nth(response, Tag::BATCH_ITEM, item), Tag::RESPONSE_PAYLOAD)
}

/// A 1.x attribute.
fn attribute_1x(name: &str, value: Ttlv) -> Ttlv {
    Ttlv::structure(
        Tag::ATTRIBUTE,
        vec![
            Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(name.into())),
            Ttlv { tag: Tag::ATTRIBUTE_VALUE, ..value },
        ],
    )
}

/// Position of the 1.x attribute named `name` among the payload's children.
fn attribute_position(payload: &mut Ttlv, name: &str) -> usize {
    children(payload)
        .iter()
        .position(|c| {
            c.tag == Tag::ATTRIBUTE && c.child(Tag::ATTRIBUTE_NAME).and_then(|n| n.value.as_text()) == Some(name)
        })
        .unwrap_or_else(|| panic!("no attribute {name}"))
}

// ---- the expected responses pass ----------------------------------------

/// Every file of every version: the expected responses, filled in
/// consistently, pass (so no rule rejects what the recording accepted).
#[test]
fn every_expected_response_passes_against_itself() {
    let mut files = 0;
    let mut messages = 0;
    for file in vectors::expand(&[oasis()]).expect("vectors") {
        let exchanges = vectors::load(&file).expect("loads").exchanges;
        if let Err((i, d)) = replay(&exchanges, |_, _| {}) {
            panic!("{}: exchange {i}: {d}", file.display());
        }
        files += 1;
        messages += exchanges.len();
    }
    assert_eq!(files, 68 + 7 + 66 + 6 + 86 + 7);
    assert_eq!(messages * 2, 942 + 938 + 1156);
}

// ---- deliberately wrong responses fail ----------------------------------

const SKLC_2_14: &str = "kmip-1.4/mandatory/SKLC-M-2-14.xml";
const TL_2_14: &str = "kmip-1.4/mandatory/TL-M-2-14.xml";
const TL_3_14: &str = "kmip-1.4/mandatory/TL-M-3-14.xml";
const TL_3_21: &str = "kmip-2.1/mandatory/TL-M-3-21.xml";
const TL_1_14: &str = "kmip-1.4/mandatory/TL-M-1-14.xml";
const MAC_14: &str = "kmip-1.4/mandatory/CS-AC-M-4-14.xml";

/// The index of the first exchange of `file` whose expected response has a
/// batch item with operation `op` and result status `status`.
fn find(file: &str, op: &str, status: &str) -> (usize, usize) {
    let op = registry::enum_value(Tag::OPERATION, op).expect("operation");
    let status = registry::enum_value(Tag::RESULT_STATUS, status).expect("status");
    for (i, exchange) in load(file).iter().enumerate() {
        for (j, item) in exchange.expected.children_with(Tag::BATCH_ITEM).enumerate() {
            let has = |tag, v| item.child(tag).and_then(|c| c.value.as_enumeration()) == Some(v);
            if has(Tag::OPERATION, op) && has(Tag::RESULT_STATUS, status) {
                return (i, j);
            }
        }
    }
    panic!("{file}: no {op} with status {status}");
}

#[test]
fn another_result_reason_fails() {
    let (at, item) = find(SKLC_2_14, "Destroy", "OperationFailed");
    let d = must_fail(SKLC_2_14, at, |r| {
        first(nth(r, Tag::BATCH_ITEM, item), Tag::RESULT_REASON).value =
            enumeration(Tag::RESULT_REASON, "ItemNotFound");
    });
    assert_eq!(d.path, format!("ResponseMessage/BatchItem[{item}]/ResultReason"));
    assert!(d.message.starts_with("expected PermissionDenied, got ItemNotFound"), "{d}");
}

#[test]
fn a_wrong_result_status_fails() {
    let (at, item) = find(SKLC_2_14, "Destroy", "OperationFailed");
    let d = must_fail(SKLC_2_14, at, |r| {
        first(nth(r, Tag::BATCH_ITEM, item), Tag::RESULT_STATUS).value = enumeration(Tag::RESULT_STATUS, "Success");
    });
    assert!(d.path.ends_with("/ResultStatus"), "{d}");
    let d = must_fail(TL_2_14, 0, |r| {
        first(nth(r, Tag::BATCH_ITEM, 1), Tag::RESULT_STATUS).value =
            enumeration(Tag::RESULT_STATUS, "OperationFailed");
    });
    assert_eq!(d.to_string(), "ResponseMessage/BatchItem[1]/ResultStatus: expected Success, got OperationFailed");
}

#[test]
fn a_missing_result_reason_fails() {
    let (at, item) = find(SKLC_2_14, "Destroy", "OperationFailed");
    let d = must_fail(SKLC_2_14, at, |r| {
        remove(nth(r, Tag::BATCH_ITEM, item), Tag::RESULT_REASON);
    });
    assert!(d.message.starts_with("missing"), "{d}");
}

#[test]
fn a_dropped_attribute_fails() {
    let d = must_fail(TL_3_14, 2, |r| {
        let p = payload(r, 1);
        let i = attribute_position(p, "Cryptographic Length");
        children(p).remove(i);
    });
    assert_eq!(d.path, "ResponseMessage/BatchItem[1]/ResponsePayload/Attribute[Cryptographic Length]");
    assert!(d.message.starts_with("missing"), "{d}");
    // 2.x: a tagged attribute inside Attributes.
    let (at, _) = find(TL_3_21, "GetAttributes", "Success");
    let d = must_fail(TL_3_21, at, |r| {
        remove(first(payload(r, 1), Tag::ATTRIBUTES), Tag::CRYPTOGRAPHIC_ALGORITHM);
    });
    assert_eq!(d.path, "ResponseMessage/BatchItem[1]/ResponsePayload/Attributes/CryptographicAlgorithm[*]");
}

#[test]
fn an_extra_attribute_fails() {
    let d = must_fail(TL_3_14, 2, |r| {
        let extra =
            attribute_1x("Contact Information", Ttlv::new(Tag::ATTRIBUTE_VALUE, Value::TextString("me".into())));
        children(payload(r, 1)).push(extra);
    });
    assert_eq!(d.path, "ResponseMessage/BatchItem[1]/ResponsePayload/Attribute[Contact Information]");
    assert!(d.message.starts_with("unexpected element"), "{d}");
    let (at, _) = find(TL_3_21, "GetAttributes", "Success");
    let d = must_fail(TL_3_21, at, |r| {
        children(first(payload(r, 1), Tag::ATTRIBUTES))
            .push(Ttlv::new(Tag::CONTACT_INFORMATION, Value::TextString("me".into())));
    });
    assert!(d.path.ends_with("/Attributes/ContactInformation[*]"), "{d}");
}

#[test]
fn a_dropped_custom_attribute_fails() {
    let (at, _) = find(TL_3_21, "GetAttributes", "Success");
    let d = must_fail(TL_3_21, at, |r| {
        let attrs = children(first(payload(r, 1), Tag::ATTRIBUTES));
        let i = attrs.iter().position(|a| a.tag == Tag::ATTRIBUTE).expect("vendor attribute");
        attrs.remove(i);
    });
    assert!(d.path.ends_with("/Attributes/Attribute[x:ID]"), "{d}");
}

#[test]
fn a_wrong_enumeration_value_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        let key_block = first(first(payload(r, 1), Tag::SYMMETRIC_KEY), Tag::KEY_BLOCK);
        first(key_block, Tag::CRYPTOGRAPHIC_ALGORITHM).value = enumeration(Tag::CRYPTOGRAPHIC_ALGORITHM, "DES3");
    });
    assert_eq!(
        d.to_string(),
        "ResponseMessage/BatchItem[1]/ResponsePayload/SymmetricKey/KeyBlock/CryptographicAlgorithm: expected AES, got DES3"
    );
    // In a 1.x attribute value, named through the attribute's own table.
    let d = must_fail(TL_3_14, 2, |r| {
        let p = payload(r, 1);
        let i = attribute_position(p, "Cryptographic Algorithm");
        first(&mut children(p)[i], Tag::ATTRIBUTE_VALUE).value = enumeration(Tag::CRYPTOGRAPHIC_ALGORITHM, "DES3");
    });
    assert!(d.message.starts_with("expected AES, got DES3"), "{d}");
}

#[test]
fn one_wrong_byte_in_a_mac_fails() {
    let (at, item) = find(MAC_14, "MAC", "Success");
    let d = must_fail(MAC_14, at, |r| {
        let mac = first(payload(r, item), Tag::MAC_DATA);
        let mut bytes = mac.value.as_bytes().expect("bytes").to_vec();
        bytes[7] ^= 0x01;
        mac.value = Value::ByteString(Bytes::from(bytes));
    });
    assert!(d.path.ends_with("ResponsePayload/MACData"), "{d}");
}

#[test]
fn the_wrong_protocol_version_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        let version = first(first(r, Tag::RESPONSE_HEADER), Tag::PROTOCOL_VERSION);
        first(version, Tag::PROTOCOL_VERSION_MINOR).value = Value::Integer(3);
    });
    assert_eq!(d.to_string(), "ResponseMessage/ResponseHeader/ProtocolVersion/ProtocolVersionMinor: expected 4, got 3");
}

#[test]
fn a_unique_batch_item_id_not_echoed_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        remove(nth(r, Tag::BATCH_ITEM, 1), Tag::UNIQUE_BATCH_ITEM_ID);
    });
    assert_eq!(d.path, "ResponseMessage/BatchItem[1]/UniqueBatchItemID");
    let d = must_fail(TL_2_14, 0, |r| {
        first(nth(r, Tag::BATCH_ITEM, 0), Tag::UNIQUE_BATCH_ITEM_ID).value =
            Value::ByteString(Bytes::from_static(&[2]));
    });
    assert_eq!(d.to_string(), "ResponseMessage/BatchItem[0]/UniqueBatchItemID: expected \"01\", got \"02\"");
}

#[test]
fn a_missing_response_payload_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        remove(nth(r, Tag::BATCH_ITEM, 1), Tag::RESPONSE_PAYLOAD);
    });
    assert_eq!(d.path, "ResponseMessage/BatchItem[1]/ResponsePayload");
}

#[test]
fn a_missing_batch_item_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        children(r).pop();
        first(first(r, Tag::RESPONSE_HEADER), Tag::BATCH_COUNT).value = Value::Integer(1);
    });
    assert!(d.path.ends_with("BatchCount") || d.path.ends_with("BatchItem[1]"), "{d}");
    let d = must_fail(TL_2_14, 0, |r| {
        children(r).pop();
    });
    assert_eq!(d.to_string(), "ResponseMessage/BatchItem[1]: missing (expected BatchItem)");
    let d = must_fail(TL_2_14, 0, |r| {
        first(first(r, Tag::RESPONSE_HEADER), Tag::BATCH_COUNT).value = Value::Integer(1);
    });
    assert_eq!(d.to_string(), "ResponseMessage/ResponseHeader/BatchCount: expected 2, got 1");
}

#[test]
fn a_different_unique_identifier_than_bound_fails() {
    // TL-M-2: the Create binds $UNIQUE_IDENTIFIER_0, the Get in the same
    // response must show the same one.
    let d = must_fail(TL_2_14, 0, |r| {
        first(payload(r, 1), Tag::UNIQUE_IDENTIFIER).value = Value::TextString("another".into());
    });
    assert_eq!(
        d.to_string(),
        "ResponseMessage/BatchItem[1]/ResponsePayload/UniqueIdentifier: expected $UNIQUE_IDENTIFIER_0 = \"server-UNIQUE_IDENTIFIER_0\", got \"another\""
    );
    // Across messages: SKLC-M-2 binds it in the first response.
    let d = must_fail(SKLC_2_14, 1, |r| {
        let item = children(r).iter_mut().find(|c| c.tag == Tag::BATCH_ITEM).expect("item");
        first(first(item, Tag::RESPONSE_PAYLOAD), Tag::UNIQUE_IDENTIFIER).value = Value::TextString("x".into());
    });
    assert!(d.message.contains("$UNIQUE_IDENTIFIER_0"), "{d}");
}

#[test]
fn a_time_off_by_an_hour_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        let stamp = first(first(r, Tag::RESPONSE_HEADER), Tag::TIME_STAMP);
        stamp.value = Value::DateTime(stamp.value.as_date_time().expect("date") - 3600);
    });
    assert!(d.path.ends_with("ResponseHeader/TimeStamp"), "{d}");
    assert!(d.message.starts_with("expected $NOW (between"), "{d}");
    // A server-set date inside an attribute.
    let d = must_fail(TL_3_14, 2, |r| {
        let p = payload(r, 1);
        let i = attribute_position(p, "Initial Date");
        let value = first(&mut children(p)[i], Tag::ATTRIBUTE_VALUE);
        value.value = Value::DateTime(value.value.as_date_time().expect("date") + 3600);
    });
    assert!(d.path.ends_with("Attribute[Initial Date]/AttributeValue"), "{d}");
}

#[test]
fn a_wrong_type_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        first(payload(r, 0), Tag::UNIQUE_IDENTIFIER).value = Value::ByteString(Bytes::from_static(b"id"));
    });
    assert!(d.message.contains("TextString"), "{d}");
}

#[test]
fn a_wrong_operation_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        first(nth(r, Tag::BATCH_ITEM, 1), Tag::OPERATION).value = enumeration(Tag::OPERATION, "Register");
    });
    assert_eq!(d.to_string(), "ResponseMessage/BatchItem[1]/Operation: expected Get, got Register");
}

#[test]
fn an_extra_payload_element_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        children(payload(r, 0)).push(Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(256)));
    });
    assert!(d.message.starts_with("unexpected element CryptographicLength"), "{d}");
}

#[test]
fn generated_key_material_of_another_length_fails() {
    let d = must_fail(TL_2_14, 0, |r| {
        let key_block = first(first(payload(r, 1), Tag::SYMMETRIC_KEY), Tag::KEY_BLOCK);
        first(first(key_block, Tag::KEY_VALUE), Tag::KEY_MATERIAL).value =
            Value::ByteString(Bytes::from(vec![7u8; 16]));
    });
    assert!(d.message.contains("random bytes"), "{d}");
}

#[test]
fn registered_key_material_must_match_exactly() {
    // BL-M-1 registers a key and gets it back: its bytes are compared.
    let file = "kmip-2.1/mandatory/BL-M-1-21.xml";
    let (at, item) = load(file)
        .iter()
        .enumerate()
        .find_map(|(i, e)| {
            e.expected
                .children_with(Tag::BATCH_ITEM)
                .enumerate()
                .find_map(|(j, b)| b.child(Tag::RESPONSE_PAYLOAD)?.child(Tag::SYMMETRIC_KEY).map(|_| (i, j)))
        })
        .expect("a Get of a symmetric key");
    let d = must_fail(file, at, |r| {
        let key_block = first(first(payload(r, item), Tag::SYMMETRIC_KEY), Tag::KEY_BLOCK);
        let material = first(first(key_block, Tag::KEY_VALUE), Tag::KEY_MATERIAL);
        let mut bytes = material.value.as_bytes().expect("bytes").to_vec();
        bytes[0] ^= 0xFF;
        material.value = Value::ByteString(Bytes::from(bytes));
    });
    assert!(d.path.ends_with("KeyValue/KeyMaterial"), "{d}");
}

#[test]
fn a_query_missing_an_operation_fails() {
    let (at, item) = find(TL_1_14, "Query", "Success");
    let d = must_fail(TL_1_14, at, |r| {
        let p = payload(r, item);
        let last_op = children(p).iter().rposition(|c| c.tag == Tag::OPERATION).expect("operations");
        children(p).remove(last_op);
    });
    assert!(d.message.starts_with("Query result lacks Operation"), "{d}");
    let d = must_fail(TL_1_14, at, |r| {
        remove(payload(r, item), Tag::VENDOR_IDENTIFICATION);
    });
    assert!(d.path.ends_with("/VendorIdentification"), "{d}");
}

#[test]
fn a_locate_with_an_extra_or_missing_object_fails() {
    let d = must_fail(TL_3_14, 0, |r| {
        children(payload(r, 0)).push(Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString("stray".into())));
    });
    assert!(d.message.starts_with("unexpected element UniqueIdentifier"), "{d}");
    let d = must_fail(TL_3_14, 0, |r| {
        remove(payload(r, 0), Tag::UNIQUE_IDENTIFIER);
    });
    assert!(d.message.starts_with("missing"), "{d}");
}

#[test]
fn a_server_set_attribute_missing_when_required_fails() {
    let d = must_fail(TL_3_14, 2, |r| {
        let p = payload(r, 1);
        let i = attribute_position(p, "Initial Date");
        children(p).remove(i);
    });
    assert!(d.path.ends_with("Attribute[Initial Date]"), "{d}");
}

// ---- acceptable variations pass -----------------------------------------

#[test]
fn attributes_in_another_order_pass() {
    must_pass(TL_3_14, 2, |r| {
        let p = children(payload(r, 1));
        p[1..].reverse();
    });
    let (at, _) = find(TL_3_21, "GetAttributes", "Success");
    must_pass(TL_3_21, at, |r| children(first(payload(r, 1), Tag::ATTRIBUTES)).reverse());
    must_pass(TL_3_14, 1, |r| children(payload(r, 1))[1..].reverse());
}

#[test]
fn extra_or_missing_server_set_attributes_pass_in_a_get_attributes_naming_none() {
    must_pass(TL_3_14, 2, |r| {
        let p = payload(r, 1);
        let i = attribute_position(p, "Fresh");
        children(p).remove(i);
        children(p).push(attribute_1x("Key Value Present", Ttlv::new(Tag::ATTRIBUTE_VALUE, Value::Boolean(true))));
    });
    let (at, _) = find(TL_3_21, "GetAttributes", "Success");
    must_pass(TL_3_21, at, |r| {
        let attrs = first(payload(r, 1), Tag::ATTRIBUTES);
        remove(attrs, Tag::FRESH);
        children(attrs).push(Ttlv::new(Tag::KEY_VALUE_PRESENT, Value::Boolean(true)));
    });
}

#[test]
fn extra_server_set_attributes_fail_when_the_request_names_attributes() {
    let file = "kmip-2.1/mandatory/SKLC-M-1-21.xml";
    let exchanges = load(file);
    let (at, item) = exchanges
        .iter()
        .enumerate()
        .find_map(|(i, e)| {
            let request_names = e
                .request
                .children_with(Tag::BATCH_ITEM)
                .any(|b| b.child(Tag::REQUEST_PAYLOAD).is_some_and(|p| p.child(Tag::ATTRIBUTE_REFERENCE).is_some()));
            let j = e
                .expected
                .children_with(Tag::BATCH_ITEM)
                .position(|b| b.child(Tag::RESPONSE_PAYLOAD).is_some_and(|p| p.child(Tag::ATTRIBUTES).is_some()))?;
            request_names.then_some((i, j))
        })
        .expect("a Get Attributes naming attributes");
    let d = must_fail(file, at, |r| {
        children(first(payload(r, item), Tag::ATTRIBUTES)).push(Ttlv::new(Tag::FRESH, Value::Boolean(true)));
    });
    assert!(d.message.starts_with("unexpected element Fresh"), "{d}");
}

#[test]
fn a_query_with_more_in_another_order_passes() {
    let (at, item) = find(TL_1_14, "Query", "Success");
    must_pass(TL_1_14, at, |r| {
        let p = payload(r, item);
        children(p).reverse();
        children(p).push(Ttlv::new(Tag::OPERATION, enumeration(Tag::OPERATION, "Encrypt")));
        first(p, Tag::VENDOR_IDENTIFICATION).value = Value::TextString("kms".into());
    });
}

#[test]
fn result_messages_and_server_correlation_values_are_free() {
    let (at, item) = find(SKLC_2_14, "Destroy", "OperationFailed");
    must_pass(SKLC_2_14, at, |r| {
        let batch_item = nth(r, Tag::BATCH_ITEM, item);
        let _ = children(batch_item)
            .iter()
            .position(|c| c.tag == Tag::RESULT_MESSAGE)
            .map(|i| children(batch_item).remove(i));
        children(batch_item).push(Ttlv::new(Tag::RESULT_MESSAGE, Value::TextString("anything".into())));
        let header = first(r, Tag::RESPONSE_HEADER);
        children(header).insert(2, Ttlv::new(Tag::SERVER_CORRELATION_VALUE, Value::TextString("srv-1".into())));
    });
}

#[test]
fn generated_key_material_of_the_right_length_passes() {
    must_pass(TL_2_14, 0, |r| {
        let key_block = first(first(payload(r, 1), Tag::SYMMETRIC_KEY), Tag::KEY_BLOCK);
        first(first(key_block, Tag::KEY_VALUE), Tag::KEY_MATERIAL).value =
            Value::ByteString(Bytes::from(vec![7u8; 32]));
    });
    // ... and its digest, in a later file of the same run, is random too.
    let d = must_fail(TL_3_14, 2, |r| {
        let p = payload(r, 1);
        let i = attribute_position(p, "Digest");
        let digest = first(&mut children(p)[i], Tag::ATTRIBUTE_VALUE);
        first(digest, Tag::DIGEST_VALUE).value = Value::ByteString(Bytes::from(vec![1u8; 32]));
    });
    // TL-M-3 alone does not know the key was generated (TL-M-2 made it).
    assert!(d.path.ends_with("DigestValue"), "{d}");
}

#[test]
fn times_within_the_tolerance_pass() {
    must_pass(TL_2_14, 0, |r| {
        let stamp = first(first(r, Tag::RESPONSE_HEADER), Tag::TIME_STAMP);
        stamp.value = Value::DateTime(stamp.value.as_date_time().expect("date") + compare::TIME_TOLERANCE - 5);
    });
}

#[test]
fn a_locate_in_another_order_passes() {
    // Build a Locate answer with two identifiers from TL-M-3's first
    // exchange, expected as two placeholders: either order binds.
    let mut exchanges = load(TL_3_14);
    exchanges.truncate(1);
    // Keep only the Locate item.
    let expected = &mut exchanges[0].expected;
    children(expected).pop();
    first(first(expected, Tag::RESPONSE_HEADER), Tag::BATCH_COUNT).value = Value::Integer(1);
    let expected_payload = payload(expected, 0);
    children(expected_payload)
        .push(Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString("$UNIQUE_IDENTIFIER_9".into())));
    let mut bindings = Bindings::new();
    bindings.bind("UNIQUE_IDENTIFIER_0", Value::TextString("b".into()));
    bindings.bind("UNIQUE_IDENTIFIER_9", Value::TextString("a".into()));
    let mut actual = fill(&exchanges[0].expected, &bindings, now());
    children(payload(&mut actual, 0)).swap(0, 1);
    let generated = HashSet::new();
    let request = placeholder::instantiate(&exchanges[0].request, &mut Bindings::new(), now(), &[]).expect("request");
    let ctx = Context { request: Some(&request), run_start: now(), now: now(), generated: &generated, echoed: false };
    let mut fresh = Bindings::new();
    compare::compare(&exchanges[0].expected, &actual, &ctx, &mut fresh).expect("a set");
    // With one identifier already bound, the other must take the rest.
    let mut partly = Bindings::new();
    partly.bind("UNIQUE_IDENTIFIER_0", Value::TextString("b".into()));
    compare::compare(&exchanges[0].expected, &actual, &ctx, &mut partly).expect("bound first");
    assert_eq!(partly.get("UNIQUE_IDENTIFIER_9"), Some(&Value::TextString("a".into())));
    // A failed comparison leaves the bindings alone.
    let mut wrong = Bindings::new();
    wrong.bind("UNIQUE_IDENTIFIER_0", Value::TextString("zzz".into()));
    let before = wrong.clone();
    assert!(compare::compare(&exchanges[0].expected, &actual, &ctx, &mut wrong).is_err());
    assert_eq!(wrong, before);
}

// ---- PKCS#11 (PKCS11-M-1): C_GetInfo answers with the library's CK_INFO --

/// The CK_INFO of PKCS11-M-1-21's C_GetInfo response with `change` applied.
fn ck_info_changed(change: impl FnOnce(&mut Vec<u8>)) -> impl FnOnce(&mut Ttlv) {
    move |response| {
        let output = first(payload(response, 0), Tag::PKCS_11_OUTPUT_PARAMETERS);
        let mut bytes = output.value.as_bytes().expect("bytes").to_vec();
        change(&mut bytes);
        output.value = Value::ByteString(Bytes::from(bytes));
    }
}

#[test]
fn pkcs11_get_info_is_the_librarys_own_ck_info() {
    let file = "kmip-2.1/mandatory/PKCS11-M-1-21.xml";
    // Another library's manufacturer, description and version pass.
    must_pass(
        file,
        1,
        ck_info_changed(|b| {
            b[2..34].copy_from_slice(b"SoftHSM                         ");
            b[42..74].copy_from_slice(b"Implementation of PKCS11        ");
            b[74..].copy_from_slice(&[2, 6]);
        }),
    );
    // Another Cryptoki version, non-zero flags, another length, or binary
    // junk in a text field fail.
    let d = must_fail(file, 1, ck_info_changed(|b| b[1] = 30));
    assert!(d.to_string().contains("Cryptoki version 2.40, got 2.30"), "{d}");
    let d = must_fail(file, 1, ck_info_changed(|b| b[41] = 1));
    assert!(d.to_string().contains("flags"), "{d}");
    let d = must_fail(file, 1, ck_info_changed(|b| b.truncate(70)));
    assert!(d.to_string().contains("76 bytes"), "{d}");
    let d = must_fail(file, 1, ck_info_changed(|b| b[5] = 0));
    assert!(d.to_string().contains("manufacturerID"), "{d}");
    // The rule is C_GetInfo's only: the return code is compared exactly.
    must_fail(file, 1, |response| {
        first(payload(response, 0), Tag::PKCS_11_RETURN_CODE).value = Value::Enumeration(0x54);
    });
}
