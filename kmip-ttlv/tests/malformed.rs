//! Malformed binary TTLV: one test per rule, each with its specific error.
//!
//! Fixtures are laid out one column per field: tag, type, length, value,
//! padding.

use bytes::Bytes;
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{ErrorKind, ItemType, Tag};

fn bytes(fixture: &str) -> Bytes {
    Bytes::from(hex::decode(fixture.split_whitespace().collect::<String>()).expect("fixture hex"))
}

fn decode_err(fixture: &str) -> kmip_ttlv::Error {
    wire::decode(&bytes(fixture), &Limits::default()).expect_err("malformed input must be rejected")
}

#[test]
fn truncated_header() {
    let err = decode_err("420020  02  0000");
    assert_eq!(err.kind(), &ErrorKind::TruncatedHeader { available: 6 });
    assert_eq!(err.offset(), Some(0));
}

#[test]
fn truncated_value() {
    // An Integer whose 4 value bytes and 4 padding bytes stop after 6.
    let err = decode_err("420020  02  00000004  00000008  0000");
    assert_eq!(err.kind(), &ErrorKind::TruncatedValue { needed: 8, available: 6 });
}

#[test]
fn non_zero_padding() {
    let err = decode_err("420020  07  00000003  414243  0000000001");
    assert_eq!(err.kind(), &ErrorKind::NonZeroPadding);
    // The padding starts after the 8-byte header and 3 value bytes.
    assert_eq!(err.offset(), Some(11));
}

#[test]
fn wrong_length_for_the_type() {
    // 1.4 §9.1.1.4: an Integer is 4 bytes long.
    let err = decode_err("420020  02  00000008  0000000000000008");
    assert_eq!(err.kind(), &ErrorKind::InvalidLength { item_type: ItemType::Integer, length: 8 });
    // A Boolean is 8 bytes long.
    let err = decode_err("420020  06  00000004  00000001  00000000");
    assert_eq!(err.kind(), &ErrorKind::InvalidLength { item_type: ItemType::Boolean, length: 4 });
}

#[test]
fn children_overrunning_their_structure() {
    // The Structure says 16 bytes; its Text String child needs 8 + 16.
    let err = decode_err(
        "420078  01  00000010
           420094  07  00000010  3132333435363738  3132333435363738",
    );
    assert_eq!(err.kind(), &ErrorKind::StructureOverrun { needed: 24, available: 16 });
    assert_eq!(err.offset(), Some(8));
    assert_eq!(err.path(), &[Tag::REQUEST_MESSAGE, Tag::UNIQUE_IDENTIFIER]);
}

/// `depth` Structures, each holding the next; the innermost is empty.
fn nested(depth: usize) -> String {
    (0..depth).map(|level| format!("420020 01 {:08x} ", 8 * (depth - level - 1))).collect()
}

#[test]
fn nesting_deeper_than_the_limit() {
    let err = decode_err(&nested(65));
    assert_eq!(err.kind(), &ErrorKind::TooDeep { limit: 64 });
    assert_eq!(err.path().len(), 65);
    // 64 levels are fine.
    assert!(wire::decode(&bytes(&nested(64)), &Limits::default()).is_ok());
    // A custom limit applies.
    let limits = Limits { max_depth: 2, ..Limits::default() };
    assert_eq!(
        wire::decode(&bytes(&nested(3)), &limits).map_err(|e| e.kind().clone()),
        Err(ErrorKind::TooDeep { limit: 2 })
    );
}

#[test]
fn length_field_of_ffffffff() {
    // A Byte String claiming 4 GiB in a 16-byte input: rejected from the
    // bytes present, without allocating for the claim.
    let limits = Limits { max_message_size: usize::MAX, ..Limits::default() };
    let err = wire::decode(&bytes("420020  08  ffffffff  0102030405060708"), &limits).expect_err("truncated");
    assert_eq!(err.kind(), &ErrorKind::TruncatedValue { needed: 0xFFFF_FFFF + 1, available: 8 });
    // As a message header, it is refused before reading the body.
    let err = wire::message_length(&bytes("420078  01  ffffffff"), &Limits::default()).expect_err("refused");
    assert_eq!(err.kind(), &ErrorKind::UnalignedLength { item_type: ItemType::Structure, length: 0xFFFF_FFFF });
    let err = wire::message_length(&bytes("420078  01  fffffff8"), &Limits::default()).expect_err("refused");
    assert_eq!(
        err.kind(),
        &ErrorKind::MessageTooLarge { length: 8 + 0xFFFF_FFF8, limit: Limits::DEFAULT_MAX_MESSAGE_SIZE }
    );
}

#[test]
fn invalid_utf8() {
    let err = decode_err("420020  07  00000002  c328  000000000000");
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8);
}

#[test]
fn boolean_two() {
    let err = decode_err("420020  06  00000008  0000000000000002");
    assert_eq!(err.kind(), &ErrorKind::InvalidBoolean(2));
}

#[test]
fn unknown_item_type() {
    let err = decode_err("420020  0c  00000004  00000001  00000000");
    assert_eq!(err.kind(), &ErrorKind::InvalidItemType(0x0c));
}

#[test]
fn tag_outside_the_kmip_and_extension_ranges() {
    let err = decode_err("550001  02  00000004  00000001  00000000");
    assert_eq!(err.kind(), &ErrorKind::InvalidTag(0x550001));
}

#[test]
fn unaligned_big_integer() {
    let err = decode_err("420020  04  00000004  00000001  00000000");
    assert_eq!(err.kind(), &ErrorKind::UnalignedLength { item_type: ItemType::BigInteger, length: 4 });
}
