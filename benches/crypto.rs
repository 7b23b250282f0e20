//! Engine-level benchmarks: the `CryptoEngine` calls `ops` makes
//! (`engine/...`), and the same primitives called on aws-lc-rs directly
//! (`raw/...`), so the engine's overhead (key cache lookup, IV generation,
//! copies) can be read off the difference.
//!
//! Run with `cargo bench --bench crypto`.

use std::hint::black_box;
use std::time::Duration;

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, RSA_PKCS1_SHA256, RsaKeyPair};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kms::crypto::{
    Cipher, CipherParams, CryptoEngine, Curve, HashAlgorithm, KeyKind, KeyPairSpec, KeyRef, MacAlgorithm, SignInput,
    SignatureScheme, SoftwareEngine,
};

/// Payload sizes for the AES-GCM throughput benchmarks.
const GCM_SIZES: [usize; 3] = [64, 1024, 65536];

/// The message signed by the signature benchmarks.
const MESSAGE: &[u8] = b"a message of a typical size for a KMIP Sign request body";

fn aes_gcm(c: &mut Criterion) {
    let engine = SoftwareEngine::new();
    let key = engine.generate_key(32).expect("a key");

    let mut group = c.benchmark_group("engine/aes-256-gcm-encrypt");
    for size in GCM_SIZES {
        let data = vec![0x5au8; size];
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &data, |b, data| {
            let params = CipherParams::new(Cipher::AesGcm);
            let key = KeyRef { kind: KeyKind::Aes, material: &key };
            b.iter(|| engine.encrypt(key, &params, black_box(data)).expect("encrypts"));
        });
    }
    group.finish();

    let raw = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key).expect("an AES-256 key"));
    let mut group = c.benchmark_group("raw/aes-256-gcm-encrypt");
    for size in GCM_SIZES {
        let mut data = vec![0x5au8; size];
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                let nonce = Nonce::assume_unique_for_key([7u8; 12]);
                raw.seal_in_place_separate_tag(nonce, Aad::empty(), black_box(&mut data)).expect("seals")
            });
        });
    }
    group.finish();
}

fn rsa(c: &mut Criterion) {
    let engine = SoftwareEngine::new();
    let pair = engine.generate_key_pair(KeyPairSpec::Rsa { bits: 2048 }).expect("an RSA key pair");
    let private = KeyRef { kind: KeyKind::RsaPrivate, material: &pair.private_pkcs8 };
    let public = KeyRef { kind: KeyKind::RsaPublic, material: &pair.public_spki };

    let oaep = CipherParams::new(Cipher::RsaOaep(HashAlgorithm::Sha256));
    let ciphertext = engine.encrypt(public, &oaep, &[0x42u8; 32]).expect("encrypts").data;
    c.bench_function("engine/rsa-2048-decrypt-oaep-sha256", |b| {
        b.iter(|| engine.decrypt(private, &oaep, black_box(&ciphertext), None).expect("decrypts"));
    });

    let scheme = SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha256);
    c.bench_function("engine/rsa-2048-sign-pkcs1-sha256", |b| {
        b.iter(|| engine.sign(private, scheme, SignInput::Data(black_box(MESSAGE))).expect("signs"));
    });

    let signature = engine.sign(private, scheme, SignInput::Data(MESSAGE)).expect("signs");
    c.bench_function("engine/rsa-2048-verify-pkcs1-sha256", |b| {
        b.iter(|| {
            let ok = engine.verify(public, scheme, SignInput::Data(black_box(MESSAGE)), &signature).expect("verifies");
            assert!(ok);
        });
    });

    // RSASSA-PSS with a salt of the hash length is aws-lc-rs's; with
    // another salt (222 bytes, as OASIS CS-AC-M-1) it is rsa 0.10's.
    for (name, salt) in
        [("engine/rsa-2048-sign-pss-sha256", None), ("engine/rsa-2048-sign-pss-sha256-salt222", Some(222))]
    {
        let scheme = SignatureScheme::RsaPssSalt(HashAlgorithm::Sha256, salt);
        c.bench_function(name, |b| {
            b.iter(|| engine.sign(private, scheme, SignInput::Data(black_box(MESSAGE))).expect("signs"));
        });
    }

    // OAEP with SHA-384 and MGF1 with SHA-256 (OASIS CS-AC-M-OAEP-8):
    // rsa 0.10.
    let oaep_mgf = CipherParams::new(Cipher::RsaOaepMgf { hash: HashAlgorithm::Sha384, mgf: HashAlgorithm::Sha256 });
    let ciphertext = engine.encrypt(public, &oaep_mgf, &[0x42u8; 32]).expect("encrypts").data;
    c.bench_function("engine/rsa-2048-decrypt-oaep-sha384-mgf1sha256", |b| {
        b.iter(|| engine.decrypt(private, &oaep_mgf, black_box(&ciphertext), None).expect("decrypts"));
    });

    let raw = RsaKeyPair::from_pkcs8(&pair.private_pkcs8).expect("an RSA key");
    let rng = SystemRandom::new();
    let mut out = vec![0u8; raw.public_modulus_len()];
    c.bench_function("raw/rsa-2048-sign-pkcs1-sha256", |b| {
        b.iter(|| raw.sign(&RSA_PKCS1_SHA256, &rng, black_box(MESSAGE), &mut out).expect("signs"));
    });
}

fn ecdsa(c: &mut Criterion) {
    let engine = SoftwareEngine::new();
    let pair = engine.generate_key_pair(KeyPairSpec::Ec(Curve::P256)).expect("a P-256 key pair");
    let private = KeyRef { kind: KeyKind::EcPrivate(Curve::P256), material: &pair.private_pkcs8 };
    let public = KeyRef { kind: KeyKind::EcPublic(Curve::P256), material: &pair.public_spki };
    let scheme = SignatureScheme::Ecdsa(HashAlgorithm::Sha256);

    c.bench_function("engine/ecdsa-p256-sign", |b| {
        b.iter(|| engine.sign(private, scheme, SignInput::Data(black_box(MESSAGE))).expect("signs"));
    });

    let signature = engine.sign(private, scheme, SignInput::Data(MESSAGE)).expect("signs");
    c.bench_function("engine/ecdsa-p256-verify", |b| {
        b.iter(|| {
            let ok = engine.verify(public, scheme, SignInput::Data(black_box(MESSAGE)), &signature).expect("verifies");
            assert!(ok);
        });
    });

    let raw = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &pair.private_pkcs8).expect("a P-256 key");
    let rng = SystemRandom::new();
    c.bench_function("raw/ecdsa-p256-sign", |b| {
        b.iter(|| raw.sign(&rng, black_box(MESSAGE)).expect("signs"));
    });
}

fn ed25519(c: &mut Criterion) {
    let engine = SoftwareEngine::new();
    let pair = engine.generate_key_pair(KeyPairSpec::Ed25519).expect("an Ed25519 key pair");
    let private = KeyRef { kind: KeyKind::Ed25519Private, material: &pair.private_pkcs8 };
    c.bench_function("engine/ed25519-sign", |b| {
        b.iter(|| engine.sign(private, SignatureScheme::Ed25519, SignInput::Data(black_box(MESSAGE))).expect("signs"));
    });
}

fn hmac(c: &mut Criterion) {
    let engine = SoftwareEngine::new();
    let key = engine.generate_key(32).expect("a key");
    let key = KeyRef { kind: KeyKind::Hmac, material: &key };
    let data = vec![0x5au8; 1024];
    let mut group = c.benchmark_group("engine/hmac-sha256");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function(BenchmarkId::from_parameter(data.len()), |b| {
        b.iter(|| engine.mac(key, MacAlgorithm::Hmac(HashAlgorithm::Sha256), black_box(&data)).expect("macs"));
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = aes_gcm, rsa, ecdsa, ed25519, hmac
}
criterion_main!(benches);
