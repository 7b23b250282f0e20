//! Decode arbitrary bytes; whatever decodes must re-encode to the same
//! bytes (the decoder accepts only the one canonical encoding).
#![no_main]

use bytes::Bytes;
use kmip_ttlv::wire::{self, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Bytes::copy_from_slice(data);
    // The framing check must agree with the full decode about the length.
    let framed = wire::message_length(data, &Limits::default());
    if let Ok(item) = wire::decode(&input, &Limits::default()) {
        let encoded = wire::to_vec(&item).expect("a decoded item encodes");
        assert_eq!(encoded, data, "decode then encode changed the bytes");
        assert_eq!(wire::encoded_len(&item), data.len());
        if let Ok(Some(length)) = framed {
            assert_eq!(length, data.len());
        }
    }
});
