//! Strict binary TTLV decoding.
//!
//! KMIP 2.1 §10.1: every item is an 8-byte header (3-byte tag, 1-byte type,
//! 4-byte length) followed by the value and zero padding to a multiple of 8.
//! The decoder enforces every rule that makes an encoding unique: fixed
//! lengths for fixed-size types, 8-byte multiples for Big Integers and
//! Structures, zero padding, Booleans 0 or 1, UTF-8 text, and children that
//! exactly fill their Structure. Nothing is allocated on the strength of a
//! length field: a length is only believed once the bytes are there.

use bytes::Bytes;
use nom::Parser;
use nom::number::complete::{be_i32, be_i64, be_u8, be_u24, be_u32, be_u64};

use super::{HEADER_LEN, Limits, padding};
use crate::{BigInteger, Error, ErrorKind, ItemType, Tag, Ttlv, Value};

/// Decodes exactly one item that fills all of `input`.
///
/// Byte Strings and Big Integers in the result share `input`'s buffer
/// (no copy). Fails with [`ErrorKind::TrailingBytes`] if bytes are left over,
/// and with [`ErrorKind::MessageTooLarge`] if `input` is over
/// `limits.max_message_size`.
pub fn decode(input: &Bytes, limits: &Limits) -> Result<Ttlv, Error> {
    if input.len() > limits.max_message_size {
        return Err(Error::new(
            ErrorKind::MessageTooLarge { length: input.len() as u64, limit: limits.max_message_size },
            Some(0),
        ));
    }
    let mut decoder = Decoder { base: input, limits, path: Vec::new() };
    let (item, rest) = decoder.item(input, 0, false)?;
    if !rest.is_empty() {
        let offset = decoder.offset(rest);
        return Err(Error::new(ErrorKind::TrailingBytes { count: rest.len() }, Some(offset)));
    }
    Ok(item)
}

/// Like [`decode`], for a borrowed slice: the input is copied once into a
/// shared buffer, then decoded without further copies.
pub fn decode_slice(input: &[u8], limits: &Limits) -> Result<Ttlv, Error> {
    decode(&Bytes::copy_from_slice(input), limits)
}

/// The state of one decode: the whole input (for offsets and zero-copy
/// slices), the limits, and the tags of the items being decoded.
struct Decoder<'a> {
    base: &'a Bytes,
    limits: &'a Limits,
    path: Vec<Tag>,
}

/// A parsed item header.
struct Header {
    tag: u32,
    item_type: u8,
    length: u32,
}

type NomError<'a> = nom::error::Error<&'a [u8]>;

impl<'a> Decoder<'a> {
    /// Offset of `at` (a sub-slice of the input) from the start of the input.
    fn offset(&self, at: &[u8]) -> usize {
        (at.as_ptr() as usize).wrapping_sub(self.base.as_ptr() as usize)
    }

    fn error(&self, kind: ErrorKind, at: &[u8]) -> Error {
        Error::at(kind, Some(self.offset(at)), &self.path)
    }

    /// Decodes the item at the start of `input` (which ends where the
    /// enclosing Structure, or the whole input, ends). `depth` is the number
    /// of enclosing Structures.
    fn item(&mut self, input: &'a [u8], depth: usize, in_structure: bool) -> Result<(Ttlv, &'a [u8]), Error> {
        let header_parse: nom::IResult<&[u8], (u32, u8, u32), NomError<'_>> = (be_u24, be_u8, be_u32).parse(input);
        let Ok((body, (tag, item_type, length))) = header_parse else {
            let kind = if in_structure {
                ErrorKind::StructureOverrun { needed: HEADER_LEN as u64, available: input.len() }
            } else {
                ErrorKind::TruncatedHeader { available: input.len() }
            };
            return Err(self.error(kind, input));
        };
        let header = Header { tag, item_type, length };
        let tag = Tag::new(header.tag).ok_or_else(|| self.error(ErrorKind::InvalidTag(header.tag), input))?;
        self.path.push(tag);
        let result = self.value(input, body, &header, depth, in_structure);
        self.path.pop();
        let (value, rest) = result?;
        Ok((Ttlv { tag, value }, rest))
    }

    /// Decodes the value of the item whose header is `header`; `start` is
    /// the item's first header byte and `body` follows the header.
    fn value(
        &mut self,
        start: &'a [u8],
        body: &'a [u8],
        header: &Header,
        depth: usize,
        in_structure: bool,
    ) -> Result<(Value, &'a [u8]), Error> {
        let item_type = ItemType::from_code(header.item_type)
            .ok_or_else(|| self.error(ErrorKind::InvalidItemType(header.item_type), start))?;
        let length = header.length;
        match item_type.fixed_length() {
            Some(fixed) if fixed != length => {
                return Err(self.error(ErrorKind::InvalidLength { item_type, length }, start));
            }
            None if matches!(item_type, ItemType::Structure | ItemType::BigInteger) && !length.is_multiple_of(8) => {
                return Err(self.error(ErrorKind::UnalignedLength { item_type, length }, start));
            }
            _ => {}
        }
        // KMIP 2.1 §10.1.1.4: "the Item Value... shall be padded with zero
        // bytes to an 8-byte boundary". Compare as u64: a length near 4 GiB
        // must neither overflow nor allocate.
        let value_len = length as usize;
        let padded = value_len as u64 + padding(value_len) as u64;
        if padded > body.len() as u64 {
            let kind = if in_structure {
                ErrorKind::StructureOverrun { needed: HEADER_LEN as u64 + padded, available: start.len() }
            } else {
                ErrorKind::TruncatedValue { needed: padded, available: body.len() }
            };
            return Err(self.error(kind, start));
        }
        let (raw, pad) = body.split_at(value_len);
        let (pad, rest) = pad.split_at(padding(value_len));
        if pad.iter().any(|&b| b != 0) {
            return Err(self.error(ErrorKind::NonZeroPadding, pad));
        }
        let value = match item_type {
            ItemType::Structure => {
                if depth >= self.limits.max_depth {
                    return Err(self.error(ErrorKind::TooDeep { limit: self.limits.max_depth }, start));
                }
                // Each child takes at least 16 bytes: room for the usual
                // few without growing, without trusting a large length.
                let mut children = Vec::with_capacity((raw.len() / 16).min(8));
                let mut remaining = raw;
                while !remaining.is_empty() {
                    let (child, after) = self.item(remaining, depth + 1, true)?;
                    children.push(child);
                    remaining = after;
                }
                Value::Structure(children)
            }
            ItemType::Integer => Value::Integer(self.number(be_i32, raw)?),
            ItemType::LongInteger => Value::LongInteger(self.number(be_i64, raw)?),
            ItemType::BigInteger => match BigInteger::from_wire(self.base.slice_ref(raw)) {
                Some(big) => Value::BigInteger(big),
                None => return Err(self.error(ErrorKind::UnalignedLength { item_type, length }, start)),
            },
            ItemType::Enumeration => Value::Enumeration(self.number(be_u32, raw)?),
            ItemType::Boolean => match self.number(be_u64, raw)? {
                0 => Value::Boolean(false),
                1 => Value::Boolean(true),
                other => return Err(self.error(ErrorKind::InvalidBoolean(other), raw)),
            },
            ItemType::TextString => match std::str::from_utf8(raw) {
                Ok(text) => Value::TextString(text.to_owned()),
                Err(_) => return Err(self.error(ErrorKind::InvalidUtf8, raw)),
            },
            ItemType::ByteString => Value::ByteString(self.base.slice_ref(raw)),
            ItemType::DateTime => Value::DateTime(self.number(be_i64, raw)?),
            ItemType::Interval => Value::Interval(self.number(be_u32, raw)?),
            ItemType::DateTimeExtended => Value::DateTimeExtended(self.number(be_i64, raw)?),
        };
        Ok((value, rest))
    }

    /// Reads a fixed-size number that exactly fills `raw` (its length was
    /// checked against the type already).
    fn number<T>(
        &self,
        mut parser: impl FnMut(&'a [u8]) -> nom::IResult<&'a [u8], T, NomError<'a>>,
        raw: &'a [u8],
    ) -> Result<T, Error> {
        match parser(raw) {
            Ok(([], value)) => Ok(value),
            _ => Err(self.error(ErrorKind::TruncatedValue { needed: 8, available: raw.len() }, raw)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Bytes {
        let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        Bytes::from(
            (0..digits.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&digits[i..i + 2], 16).expect("test hex"))
                .collect::<Vec<u8>>(),
        )
    }

    fn dec(s: &str) -> Result<Ttlv, Error> {
        decode(&hex(s), &Limits::default())
    }

    fn kind(s: &str) -> ErrorKind {
        dec(s).expect_err("malformed input must fail").kind().clone()
    }

    #[test]
    fn decodes_each_primitive() {
        // KMIP 1.4 §9.1.2 examples: tag 420020, one of each type.
        assert_eq!(dec("420020 02 00000004 00000008 00000000").map(|t| t.value), Ok(Value::Integer(8)));
        assert_eq!(
            dec("420020 03 00000008 01b69b4ba5749200").map(|t| t.value),
            Ok(Value::LongInteger(123_456_789_000_000_000))
        );
        assert_eq!(dec("420020 05 00000004 000000ff 00000000").map(|t| t.value), Ok(Value::Enumeration(255)));
        assert_eq!(dec("420020 06 00000008 0000000000000001").map(|t| t.value), Ok(Value::Boolean(true)));
        assert_eq!(
            dec("420020 07 0000000b 48656c6c6f20576f726c64 0000000000").map(|t| t.value),
            Ok(Value::TextString("Hello World".into()))
        );
        assert_eq!(
            dec("420020 08 00000003 010203 0000000000").map(|t| t.value),
            Ok(Value::ByteString(Bytes::from_static(&[1, 2, 3])))
        );
        assert_eq!(dec("420020 09 00000008 0000000047da67f8").map(|t| t.value), Ok(Value::DateTime(1_205_495_800)));
        assert_eq!(dec("420020 0a 00000004 000d2f00 00000000").map(|t| t.value), Ok(Value::Interval(864_000)));
        assert_eq!(dec("420020 0b 00000008 ffffffffffffffff").map(|t| t.value), Ok(Value::DateTimeExtended(-1)));
    }

    #[test]
    fn byte_strings_share_the_input_buffer() {
        let input = hex("420020 08 00000003 010203 0000000000");
        let item = decode(&input, &Limits::default()).expect("valid");
        let Value::ByteString(bytes) = item.value else { panic!("not a byte string") };
        assert_eq!(bytes.as_ptr(), input[8..].as_ptr());
    }

    #[test]
    fn big_integers_keep_their_bytes_as_sent() {
        // 1 written with a superfluous 8 bytes of sign extension: legal, and
        // re-encoded exactly as it came.
        let input = hex("420020 04 00000010 0000000000000000 0000000000000001");
        let item = decode(&input, &Limits::default()).expect("valid");
        let Value::BigInteger(ref big) = item.value else { panic!("not a big integer") };
        assert_eq!(big.as_bytes().len(), 16);
        assert_eq!(crate::wire::to_vec(&item).expect("encodes"), &input[..]);
        // A negative value with its 0xFF sign bytes.
        let negative = hex("420020 04 00000008 ffffffffffffff80");
        let item = decode(&negative, &Limits::default()).expect("valid");
        assert!(matches!(&item.value, Value::BigInteger(b) if b.is_negative()));
        assert_eq!(crate::wire::to_vec(&item).expect("encodes"), &negative[..]);
    }

    #[test]
    fn empty_strings_and_structures_are_legal() {
        assert_eq!(dec("420020 08 00000000").map(|t| t.value), Ok(Value::ByteString(Bytes::new())));
        assert_eq!(dec("420020 07 00000000").map(|t| t.value), Ok(Value::TextString(String::new())));
        assert_eq!(dec("420020 01 00000000").map(|t| t.value), Ok(Value::Structure(vec![])));
    }

    #[test]
    fn errors_carry_offset_and_path() {
        // A Structure holding an Integer with length 5.
        let err = dec("420078 01 00000010 42000d 02 00000005 0000000100000000").expect_err("bad length");
        assert_eq!(err.kind(), &ErrorKind::InvalidLength { item_type: ItemType::Integer, length: 5 });
        assert_eq!(err.offset(), Some(8));
        assert_eq!(err.path(), &[Tag::REQUEST_MESSAGE, Tag::BATCH_COUNT]);
        assert_eq!(
            err.to_string(),
            "invalid length 5 for Integer (expected 4) at offset 0x8 in RequestMessage/BatchCount"
        );
    }

    #[test]
    fn rejects_bad_tags_and_types() {
        assert_eq!(kind("430001 02 00000004 00000001 00000000"), ErrorKind::InvalidTag(0x430001));
        assert_eq!(kind("420001 0c 00000004 00000001 00000000"), ErrorKind::InvalidItemType(0x0c));
        assert_eq!(kind("420001 00 00000000"), ErrorKind::InvalidItemType(0x00));
    }

    #[test]
    fn trailing_bytes_are_an_error() {
        assert_eq!(kind("420020 01 00000000 00"), ErrorKind::TrailingBytes { count: 1 });
    }

    #[test]
    fn big_integer_length_must_be_a_multiple_of_eight() {
        assert_eq!(
            kind("420020 04 00000004 00000001 00000000"),
            ErrorKind::UnalignedLength { item_type: ItemType::BigInteger, length: 4 }
        );
    }

    #[test]
    fn structure_length_must_be_a_multiple_of_eight() {
        assert_eq!(
            kind("420020 01 0000000c 420020 08 00000004 01020304"),
            ErrorKind::UnalignedLength { item_type: ItemType::Structure, length: 12 }
        );
    }

    #[test]
    fn message_size_limit_applies_to_whole_input() {
        let limits = Limits { max_message_size: 8, max_depth: 64 };
        let err = decode(&hex("420020 02 00000004 00000008 00000000"), &limits).expect_err("too large");
        assert_eq!(err.kind(), &ErrorKind::MessageTooLarge { length: 16, limit: 8 });
    }
}
