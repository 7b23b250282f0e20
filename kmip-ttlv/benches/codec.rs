//! Codec benchmarks: decode and encode of a typical KMIP 2.1 Get request and
//! its response (time per message), and of a 1 MiB Encrypt request
//! (throughput). Run with `cargo bench -p kmip-ttlv --bench codec`.

use std::hint::black_box;

use bytes::Bytes;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kmip_ttlv::enums::{BlockCipherMode, CryptographicAlgorithm, KeyFormatType, ObjectType, Operation, ResultStatus};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{Tag, Ttlv, Value};

const UID: &str = "1f165d65-cbbd-4bd6-9867-80e0b390acf9";

fn s(tag: Tag, children: Vec<Ttlv>) -> Ttlv {
    Ttlv::structure(tag, children)
}

fn v(tag: Tag, value: Value) -> Ttlv {
    Ttlv::new(tag, value)
}

fn protocol_version() -> Ttlv {
    s(
        Tag::PROTOCOL_VERSION,
        vec![v(Tag::PROTOCOL_VERSION_MAJOR, Value::Integer(2)), v(Tag::PROTOCOL_VERSION_MINOR, Value::Integer(1))],
    )
}

fn request(operation: Operation, payload: Vec<Ttlv>) -> Ttlv {
    s(
        Tag::REQUEST_MESSAGE,
        vec![
            s(Tag::REQUEST_HEADER, vec![protocol_version(), v(Tag::BATCH_COUNT, Value::Integer(1))]),
            s(
                Tag::BATCH_ITEM,
                vec![v(Tag::OPERATION, Value::Enumeration(operation.0)), s(Tag::REQUEST_PAYLOAD, payload)],
            ),
        ],
    )
}

/// A KMIP 2.1 Get of a symmetric key by its identifier.
fn get_request() -> Ttlv {
    request(Operation::GET, vec![v(Tag::UNIQUE_IDENTIFIER, Value::TextString(UID.into()))])
}

/// The answer: a 256-bit AES key in Raw format.
fn get_response() -> Ttlv {
    s(
        Tag::RESPONSE_MESSAGE,
        vec![
            s(
                Tag::RESPONSE_HEADER,
                vec![
                    protocol_version(),
                    v(Tag::TIME_STAMP, Value::DateTime(1_795_000_000)),
                    v(Tag::BATCH_COUNT, Value::Integer(1)),
                ],
            ),
            s(
                Tag::BATCH_ITEM,
                vec![
                    v(Tag::OPERATION, Value::Enumeration(Operation::GET.0)),
                    v(Tag::RESULT_STATUS, Value::Enumeration(ResultStatus::SUCCESS.0)),
                    s(
                        Tag::RESPONSE_PAYLOAD,
                        vec![
                            v(Tag::OBJECT_TYPE, Value::Enumeration(ObjectType::SYMMETRIC_KEY.0)),
                            v(Tag::UNIQUE_IDENTIFIER, Value::TextString(UID.into())),
                            s(
                                Tag::SYMMETRIC_KEY,
                                vec![s(
                                    Tag::KEY_BLOCK,
                                    vec![
                                        v(Tag::KEY_FORMAT_TYPE, Value::Enumeration(KeyFormatType::RAW.0)),
                                        s(
                                            Tag::KEY_VALUE,
                                            vec![v(Tag::KEY_MATERIAL, Value::ByteString(Bytes::from(vec![0x5A; 32])))],
                                        ),
                                        v(
                                            Tag::CRYPTOGRAPHIC_ALGORITHM,
                                            Value::Enumeration(CryptographicAlgorithm::AES.0),
                                        ),
                                        v(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(256)),
                                    ],
                                )],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )
}

/// A KMIP 2.1 Encrypt of 1 MiB with AES-GCM.
fn encrypt_request() -> Ttlv {
    request(
        Operation::ENCRYPT,
        vec![
            v(Tag::UNIQUE_IDENTIFIER, Value::TextString(UID.into())),
            s(
                Tag::CRYPTOGRAPHIC_PARAMETERS,
                vec![
                    v(Tag::BLOCK_CIPHER_MODE, Value::Enumeration(BlockCipherMode::GCM.0)),
                    v(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(CryptographicAlgorithm::AES.0)),
                ],
            ),
            v(Tag::DATA, Value::ByteString(Bytes::from(vec![0xA5; 1 << 20]))),
            v(Tag::IV_COUNTER_NONCE, Value::ByteString(Bytes::from(vec![7; 12]))),
        ],
    )
}

fn bench_message(c: &mut Criterion, name: &str, item: &Ttlv, throughput: bool) {
    bench_message_with(c, name, item, throughput, false);
}

/// `copy_baseline` adds `decode_slice`, which copies the input once before
/// decoding: the cost zero-copy decoding avoids.
fn bench_message_with(c: &mut Criterion, name: &str, item: &Ttlv, throughput: bool, copy_baseline: bool) {
    let encoded = Bytes::from(wire::to_vec(item).expect("benchmark message encodes"));
    let limits = Limits { max_message_size: 8 << 20, ..Limits::default() };
    let mut group = c.benchmark_group(name);
    if throughput {
        group.throughput(Throughput::Bytes(encoded.len() as u64));
    }
    group.bench_function("decode", |b| b.iter(|| wire::decode(black_box(&encoded), &limits).expect("decodes")));
    if copy_baseline {
        group.bench_function("decode_slice", |b| {
            b.iter(|| wire::decode_slice(black_box(&encoded[..]), &limits).expect("decodes"))
        });
    }
    let mut out = Vec::with_capacity(encoded.len());
    group.bench_function("encode", |b| {
        b.iter(|| {
            out.clear();
            wire::encode(black_box(item), &mut out).expect("encodes");
            black_box(out.len())
        })
    });
    group.finish();
}

fn codec(c: &mut Criterion) {
    bench_message(c, "get_request_2_1", &get_request(), false);
    bench_message(c, "get_response_2_1", &get_response(), false);
    bench_message_with(c, "encrypt_request_1mib", &encrypt_request(), true, true);
}

criterion_group!(benches, codec);
criterion_main!(benches);
