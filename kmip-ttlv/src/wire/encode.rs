//! Binary TTLV encoding with length back-fill.
//!
//! A Structure's header is written with a zero length, its children are
//! appended, and the length is patched in afterwards: one pass, no size
//! pre-computation.

use bytes::{BufMut, BytesMut};

use super::{HEADER_LEN, padding};
use crate::{Error, ErrorKind, Ttlv, Value};

/// An output buffer that can be appended to and patched in place: what
/// length back-fill needs. Implemented for `Vec<u8>` and `BytesMut`.
pub trait Sink: BufMut {
    /// Bytes written so far.
    fn written(&self) -> usize;
    /// Overwrites 4 bytes at `at` (already written) with `value`, big-endian.
    fn patch_u32(&mut self, at: usize, value: u32);
}

impl Sink for Vec<u8> {
    fn written(&self) -> usize {
        self.len()
    }

    fn patch_u32(&mut self, at: usize, value: u32) {
        self[at..at + 4].copy_from_slice(&value.to_be_bytes());
    }
}

impl Sink for BytesMut {
    fn written(&self) -> usize {
        self.len()
    }

    fn patch_u32(&mut self, at: usize, value: u32) {
        self[at..at + 4].copy_from_slice(&value.to_be_bytes());
    }
}

/// Appends the TTLV encoding of `item` to `out`.
///
/// Fails only if a value or Structure is longer than a 32-bit length can
/// say ([`ErrorKind::ValueTooLong`]); `out` may then hold a partial item.
pub fn encode<S: Sink>(item: &Ttlv, out: &mut S) -> Result<(), Error> {
    out.put_uint(u64::from(item.tag.value()), 3);
    out.put_u8(item.item_type().code());
    match &item.value {
        Value::Structure(children) => {
            let length_at = out.written();
            out.put_u32(0);
            let start = out.written();
            for child in children {
                encode(child, out).map_err(|e| e.within(item.tag))?;
            }
            let length = u32::try_from(out.written() - start)
                .map_err(|_| Error::at(ErrorKind::ValueTooLong, None, &[item.tag]))?;
            out.patch_u32(length_at, length);
        }
        Value::Integer(v) => fixed(out, &v.to_be_bytes()),
        Value::LongInteger(v) => fixed(out, &v.to_be_bytes()),
        Value::BigInteger(v) => variable(out, v.as_bytes()).map_err(|e| e.within(item.tag))?,
        Value::Enumeration(v) => fixed(out, &v.to_be_bytes()),
        Value::Boolean(v) => fixed(out, &u64::from(*v).to_be_bytes()),
        Value::TextString(v) => variable(out, v.as_bytes()).map_err(|e| e.within(item.tag))?,
        Value::ByteString(v) => variable(out, v).map_err(|e| e.within(item.tag))?,
        Value::DateTime(v) => fixed(out, &v.to_be_bytes()),
        Value::Interval(v) => fixed(out, &v.to_be_bytes()),
        Value::DateTimeExtended(v) => fixed(out, &v.to_be_bytes()),
    }
    Ok(())
}

/// The TTLV encoding of `item` in a new buffer.
pub fn to_vec(item: &Ttlv) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(encoded_len(item));
    encode(item, &mut out)?;
    Ok(out)
}

/// The number of bytes [`encode`] writes for `item` (header and padding
/// included). Maximum Response Size is checked against this, whatever the
/// transport encoding (KMIP 2.1 §6.1.29).
pub fn encoded_len(item: &Ttlv) -> usize {
    HEADER_LEN
        + match &item.value {
            Value::Structure(children) => children.iter().map(encoded_len).sum(),
            Value::Integer(_) | Value::Enumeration(_) | Value::Interval(_) => 8,
            Value::LongInteger(_) | Value::Boolean(_) | Value::DateTime(_) | Value::DateTimeExtended(_) => 8,
            Value::BigInteger(v) => v.as_bytes().len(),
            Value::TextString(v) => v.len() + padding(v.len()),
            Value::ByteString(v) => v.len() + padding(v.len()),
        }
}

/// Length, value and padding of a fixed-size type (4 or 8 bytes).
fn fixed<S: Sink>(out: &mut S, value: &[u8]) {
    out.put_u32(value.len() as u32);
    out.put_slice(value);
    out.put_bytes(0, padding(value.len()));
}

/// Length, value and padding of a variable-length type.
fn variable<S: Sink>(out: &mut S, value: &[u8]) -> Result<(), Error> {
    let length = u32::try_from(value.len()).map_err(|_| Error::new(ErrorKind::ValueTooLong, None))?;
    out.put_u32(length);
    out.put_slice(value);
    out.put_bytes(0, padding(value.len()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;
    use crate::{BigInteger, Tag};

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn t(value: Value) -> Ttlv {
        Ttlv::new(Tag::new(0x420020).expect("valid tag"), value)
    }

    /// KMIP 1.4 §9.1.2: the ten published examples, encoded.
    #[test]
    fn encodes_the_published_primitives() {
        let cases = [
            (t(Value::Integer(8)), "42002002000000040000000800000000"),
            (t(Value::LongInteger(123_456_789_000_000_000)), "420020030000000801b69b4ba5749200"),
            (
                t(Value::BigInteger(BigInteger::from_i128(1_234_567_890_000_000_000_000_000_000))),
                "42002004000000100000000003fd35eb6bc2df4618080000",
            ),
            (t(Value::Enumeration(255)), "4200200500000004000000ff00000000"),
            (t(Value::Boolean(true)), "42002006000000080000000000000001"),
            (t(Value::TextString("Hello World".into())), "420020070000000b48656c6c6f20576f726c640000000000"),
            (t(Value::ByteString(Bytes::from_static(&[1, 2, 3]))), "42002008000000030102030000000000"),
            (t(Value::DateTime(1_205_495_800)), "42002009000000080000000047da67f8"),
            (t(Value::Interval(864_000)), "4200200a00000004000d2f0000000000"),
            (
                t(Value::Structure(vec![
                    Ttlv::new(Tag::new(0x420004).expect("valid"), Value::Enumeration(254)),
                    Ttlv::new(Tag::new(0x420005).expect("valid"), Value::Integer(255)),
                ])),
                "42002001000000204200040500000004000000fe000000004200050200000004000000ff00000000",
            ),
        ];
        for (item, expected) in cases {
            let bytes = to_vec(&item).expect("encodes");
            assert_eq!(hex(&bytes), expected, "{item:?}");
            assert_eq!(encoded_len(&item), bytes.len());
        }
    }

    #[test]
    fn encodes_into_bytes_mut() {
        let item = t(Value::Structure(vec![t(Value::Integer(1))]));
        let mut out = BytesMut::new();
        encode(&item, &mut out).expect("encodes");
        assert_eq!(&out[..], &to_vec(&item).expect("encodes")[..]);
    }
}
