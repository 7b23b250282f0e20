//! Framing: a TTLV message over a byte stream has no framing of its own, so
//! the 8-byte header of the outermost Structure says how long it is.
//!
//! As in mini-redis's `Frame::check` and postgres-protocol's
//! `Message::parse`, "not enough bytes yet" is a value (`Ok(None)`), not an
//! error: the caller reads more and tries again.

use bytes::Bytes;

use super::{HEADER_LEN, Limits, decode};
use crate::{Error, ErrorKind, ItemType, Tag, Ttlv};

/// The total length (header included) of the message that starts `buf`, from
/// its first 8 bytes; `Ok(None)` if fewer than 8 bytes are there.
///
/// Checks before anything is read or allocated: the tag is a KMIP or
/// extension tag, the type is Structure, the length is a multiple of 8, and
/// the whole message fits in `limits.max_message_size`.
pub fn message_length(buf: &[u8], limits: &Limits) -> Result<Option<usize>, Error> {
    let Some(header) = buf.get(..HEADER_LEN) else {
        return Ok(None);
    };
    let tag_value = u32::from_be_bytes([0, header[0], header[1], header[2]]);
    let tag = Tag::new(tag_value).ok_or_else(|| Error::new(ErrorKind::InvalidTag(tag_value), Some(0)))?;
    let item_type = match ItemType::from_code(header[3]) {
        Some(ItemType::Structure) => ItemType::Structure,
        Some(other) => return Err(Error::at(ErrorKind::NotAStructure(other), Some(0), &[tag])),
        None => return Err(Error::at(ErrorKind::InvalidItemType(header[3]), Some(0), &[tag])),
    };
    let length = u32::from_be_bytes([header[4], header[5], header[6], header[7]]);
    if length % 8 != 0 {
        return Err(Error::at(ErrorKind::UnalignedLength { item_type, length }, Some(0), &[tag]));
    }
    let total = HEADER_LEN as u64 + u64::from(length);
    if total > limits.max_message_size as u64 {
        return Err(Error::at(
            ErrorKind::MessageTooLarge { length: total, limit: limits.max_message_size },
            Some(0),
            &[tag],
        ));
    }
    Ok(Some(HEADER_LEN + length as usize))
}

/// Decodes the message at the start of `buf` if all of it is there: the
/// item and the number of bytes it used. `Ok(None)` means "read more".
/// Byte Strings in the result share `buf`'s memory.
pub fn decode_message(buf: &Bytes, limits: &Limits) -> Result<Option<(Ttlv, usize)>, Error> {
    let Some(length) = message_length(buf, limits)? else {
        return Ok(None);
    };
    if buf.len() < length {
        return Ok(None);
    }
    let item = decode(&buf.slice(..length), limits)?;
    Ok(Some((item, length)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits { max_message_size: 64, max_depth: 64 };

    #[test]
    fn needs_a_whole_header() {
        assert_eq!(message_length(&[0x42, 0x00, 0x78, 0x01, 0, 0, 0], &LIMITS), Ok(None));
        assert_eq!(message_length(&[0x42, 0x00, 0x78, 0x01, 0, 0, 0, 0x10], &LIMITS), Ok(Some(24)));
    }

    #[test]
    fn refuses_an_oversized_message_from_its_header() {
        let header = [0x42, 0x00, 0x78, 0x01, 0xFF, 0xFF, 0xFF, 0xF8];
        let err = message_length(&header, &LIMITS).expect_err("too large");
        assert_eq!(err.kind(), &ErrorKind::MessageTooLarge { length: 8 + 0xFFFF_FFF8, limit: 64 });
    }

    #[test]
    fn refuses_a_primitive_message() {
        let header = [0x42, 0x00, 0x78, 0x02, 0, 0, 0, 4];
        assert_eq!(
            message_length(&header, &LIMITS).map_err(|e| e.kind().clone()),
            Err(ErrorKind::NotAStructure(ItemType::Integer))
        );
    }

    #[test]
    fn decodes_when_complete_and_reports_consumed_bytes() {
        let mut bytes = vec![0x42, 0x00, 0x78, 0x01, 0, 0, 0, 0x10];
        bytes.extend_from_slice(&[0x42, 0x00, 0x0D, 0x02, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0]);
        let partial = Bytes::copy_from_slice(&bytes[..20]);
        assert_eq!(decode_message(&partial, &LIMITS), Ok(None));
        bytes.extend_from_slice(&[0x42]); // the start of a next message
        let (item, used) = decode_message(&Bytes::from(bytes), &LIMITS).expect("valid").expect("complete");
        assert_eq!(used, 24);
        assert_eq!(item.tag, Tag::REQUEST_MESSAGE);
    }
}
