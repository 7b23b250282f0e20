//! The whole KMIP path in one process: a request message's bytes go into
//! `Kms::handle_message` (decode, access checks, key lookup in the store,
//! parsing or cache hit, IV generation, the primitive, encoding the
//! response) and the response bytes come out. Set beside `raw/...`, the
//! primitive alone on aws-lc-rs, the difference is the server's overhead.
//!
//! Run with `cargo bench --bench kmip`.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, Ed25519KeyPair, KeyPair, RSA_PKCS1_SHA256, RsaKeyPair,
};
use bytes::Bytes;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kmip_ttlv::model::ResponseMessage;
use kmip_ttlv::{Tag, Ttlv, wire, xml};
use kms::audit::{AuditKey, AuditLog, ChainSealer};
use kms::clock::SystemClock;
use kms::ops::{Kms, Peer};
use kms::store::{MemoryStore, SledStore, Store};

/// The server binary's allocator (src/main.rs), so that the path is timed
/// as it runs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Payload sizes for AES-256-GCM.
const GCM_SIZES: [usize; 3] = [64, 1024, 65536];

/// The message signed by the signature benchmarks.
const MESSAGE: &[u8] = b"a message of a typical size for a KMIP Sign request body";

struct Server {
    kms: Kms,
    peer: Peer,
    runtime: tokio::runtime::Runtime,
}

impl Server {
    fn new() -> Server {
        Server::with_store(Arc::new(MemoryStore::new()))
    }

    fn with_store(store: Arc<dyn Store>) -> Server {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        Server { kms: Kms::new(store, Arc::new(SystemClock)), peer: Peer::named("bench"), runtime }
    }

    /// A server over `store` that audits every operation as `kms serve`
    /// does: the entries of reads wait for the group commit that a task on
    /// the same runtime runs (its HMAC chaining and store commits are on
    /// the bench's thread, so they are in the time measured).
    fn audited(store: Arc<dyn Store>) -> Server {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        let crypto: Arc<dyn kms::crypto::CryptoEngine> = Arc::new(kms::crypto::SoftwareEngine::new());
        let sealer = Arc::new(ChainSealer::new(AuditKey::new([7; 32]), crypto.clone()));
        store.set_log_sealer(sealer);
        let log = Arc::new(AuditLog::new(store.clone()));
        let kms = Kms::with(store, Arc::new(SystemClock), crypto, Default::default()).with_audit(log.clone());
        runtime.spawn(async move { log.run(std::future::pending(), None).await });
        Server { kms, peer: Peer::named("bench"), runtime }
    }

    /// A request message (KMIP 2.1) with one batch item, as wire bytes.
    fn request(item: &str) -> Bytes {
        let text = format!(
            r#"<RequestMessage><RequestHeader><ProtocolVersion><ProtocolVersionMajor type="Integer" value="2"/>
               <ProtocolVersionMinor type="Integer" value="1"/></ProtocolVersion>
               <BatchCount type="Integer" value="1"/></RequestHeader><BatchItem>{item}</BatchItem></RequestMessage>"#
        );
        let tree = xml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        Bytes::from(wire::to_vec(&tree).expect("encodes"))
    }

    fn send(&self, request: Bytes) -> Vec<u8> {
        self.runtime.block_on(self.kms.handle_message(&self.peer, request))
    }

    /// Sends one item; the response payload (panics on failure).
    fn ok(&self, item: &str) -> Ttlv {
        let bytes = self.send(Server::request(item));
        let tree = wire::decode_slice(&bytes, &Default::default()).expect("a response");
        let response = ResponseMessage::from_ttlv(&tree).expect("a response message");
        let item = &response.batch_items[0];
        item.response_payload.clone().unwrap_or_else(|| panic!("the operation failed: {item:?}"))
    }

    fn id_of(payload: &Ttlv, tag: Tag) -> String {
        payload.child(tag).and_then(|u| u.value.as_text()).expect("an identifier").to_owned()
    }

    /// Creates an active AES-256 key; its identifier.
    fn aes_key(&self) -> String {
        let payload = self.ok(r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
               <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/>
               <CryptographicLength type="Integer" value="256"/>
               <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>
               <ActivationDate type="DateTime" value="2020-01-01T00:00:00+00:00"/></Attributes></RequestPayload>"#);
        Server::id_of(&payload, Tag::UNIQUE_IDENTIFIER)
    }

    /// Creates an active key pair; (private, public) identifiers.
    fn key_pair(&self, attributes: &str) -> (String, String) {
        let payload = self.ok(&format!(
            r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload>
               <CommonAttributes>{attributes}
               <ActivationDate type="DateTime" value="2020-01-01T00:00:00+00:00"/></CommonAttributes>
               <PrivateKeyAttributes><CryptographicUsageMask type="Integer" value="Sign Decrypt"/></PrivateKeyAttributes>
               <PublicKeyAttributes><CryptographicUsageMask type="Integer" value="Verify Encrypt"/></PublicKeyAttributes>
               </RequestPayload>"#
        ));
        (
            Server::id_of(&payload, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER),
            Server::id_of(&payload, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER),
        )
    }
}

fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

/// An AES-GCM Encrypt of `size` bytes with key `id`, the IV left to the
/// server.
fn gcm_request(id: &str, size: usize) -> Bytes {
    Server::request(&format!(
        r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload>
           <UniqueIdentifier type="TextString" value="{id}"/>
           <CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/></CryptographicParameters>
           <Data type="ByteString" value="{}"/></RequestPayload>"#,
        hex(&vec![0x5a; size])
    ))
}

fn aes_gcm(c: &mut Criterion) {
    let server = Server::new();
    let id = server.aes_key();
    let mut group = c.benchmark_group("kmip/aes-256-gcm-encrypt");
    for size in GCM_SIZES {
        let request = gcm_request(&id, size);
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| server.send(black_box(request.clone())));
        });
    }
    group.finish();

    // The same with the default store, a sled directory: the key is read
    // from sled (its revision on every request; the decoded object is
    // cached).
    let dir = std::env::temp_dir().join(format!("kms-bench-sled-{}", std::process::id()));
    let sled = Server::with_store(Arc::new(SledStore::open(&dir).expect("a sled store")));
    let id = sled.aes_key();
    let mut group = c.benchmark_group("kmip-sled/aes-256-gcm-encrypt");
    let request = gcm_request(&id, 1024);
    group.throughput(Throughput::Bytes(1024));
    group.bench_function(BenchmarkId::from_parameter(1024), |b| {
        b.iter(|| sled.send(black_box(request.clone())));
    });
    group.finish();
    drop(sled);
    std::fs::remove_dir_all(&dir).expect("the bench's sled directory is removed");

    // The same on sled with the audit chain on, as `kms serve` runs: every
    // Encrypt is an audit entry, group-committed.
    let dir = std::env::temp_dir().join(format!("kms-bench-audited-{}", std::process::id()));
    let audited = Server::audited(Arc::new(SledStore::open(&dir).expect("a sled store")));
    let id = audited.aes_key();
    let mut group = c.benchmark_group("kmip-sled-audited/aes-256-gcm-encrypt");
    let request = gcm_request(&id, 1024);
    group.throughput(Throughput::Bytes(1024));
    group.bench_function(BenchmarkId::from_parameter(1024), |b| {
        b.iter(|| audited.send(black_box(request.clone())));
    });
    group.finish();
    drop(audited);
    std::fs::remove_dir_all(&dir).expect("the bench's sled directory is removed");

    let raw = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &[7u8; 32]).expect("an AES-256 key"));
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

fn signatures(c: &mut Criterion) {
    let server = Server::new();
    let message = hex(MESSAGE);
    let sign = |id: &str, params: &str| {
        Server::request(&format!(
            r#"<Operation type="Enumeration" value="Sign"/><RequestPayload>
               <UniqueIdentifier type="TextString" value="{id}"/>
               <CryptographicParameters>{params}</CryptographicParameters>
               <Data type="ByteString" value="{message}"/></RequestPayload>"#
        ))
    };
    let mut group = c.benchmark_group("kmip");
    let (rsa, rsa_public) = server.key_pair(
        r#"<CryptographicAlgorithm type="Enumeration" value="RSA"/><CryptographicLength type="Integer" value="2048"/>"#,
    );
    let request = sign(
        &rsa,
        r#"<PaddingMethod type="Enumeration" value="PKCS1V1_5"/><HashingAlgorithm type="Enumeration" value="SHA_256"/>"#,
    );
    group.bench_function("rsa-2048-sign-pkcs1-sha256", |b| b.iter(|| server.send(black_box(request.clone()))));

    // RSA-2048 OAEP decrypt of a ciphertext made by the server's Encrypt.
    let encrypted = server.ok(&format!(
        r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload>
           <UniqueIdentifier type="TextString" value="{rsa_public}"/>
           <CryptographicParameters><PaddingMethod type="Enumeration" value="OAEP"/>
           <HashingAlgorithm type="Enumeration" value="SHA_256"/>
           <MaskGeneratorHashingAlgorithm type="Enumeration" value="SHA_256"/></CryptographicParameters>
           <Data type="ByteString" value="{}"/></RequestPayload>"#,
        hex(&[0x11; 32])
    ));
    let ciphertext = encrypted.child(Tag::DATA).and_then(|d| d.value.as_bytes()).expect("ciphertext").to_vec();
    let request = Server::request(&format!(
        r#"<Operation type="Enumeration" value="Decrypt"/><RequestPayload>
           <UniqueIdentifier type="TextString" value="{rsa}"/>
           <CryptographicParameters><PaddingMethod type="Enumeration" value="OAEP"/>
           <HashingAlgorithm type="Enumeration" value="SHA_256"/>
           <MaskGeneratorHashingAlgorithm type="Enumeration" value="SHA_256"/></CryptographicParameters>
           <Data type="ByteString" value="{}"/></RequestPayload>"#,
        hex(&ciphertext)
    ));
    group.bench_function("rsa-2048-decrypt-oaep-sha256", |b| b.iter(|| server.send(black_box(request.clone()))));

    let (ec, ec_public) = server.key_pair(
        r#"<CryptographicAlgorithm type="Enumeration" value="EC"/><CryptographicLength type="Integer" value="256"/>"#,
    );
    let request = sign(&ec, r#"<HashingAlgorithm type="Enumeration" value="SHA_256"/>"#);
    group.bench_function("ecdsa-p256-sign", |b| b.iter(|| server.send(black_box(request.clone()))));
    let signed = server.ok(&format!(
        r#"<Operation type="Enumeration" value="Sign"/><RequestPayload>
           <UniqueIdentifier type="TextString" value="{ec}"/><Data type="ByteString" value="{message}"/></RequestPayload>"#
    ));
    let signature = signed.child(Tag::SIGNATURE_DATA).and_then(|d| d.value.as_bytes()).expect("a signature").to_vec();
    let request = Server::request(&format!(
        r#"<Operation type="Enumeration" value="SignatureVerify"/><RequestPayload>
           <UniqueIdentifier type="TextString" value="{ec_public}"/><Data type="ByteString" value="{message}"/>
           <SignatureData type="ByteString" value="{}"/></RequestPayload>"#,
        hex(&signature)
    ));
    group.bench_function("ecdsa-p256-verify", |b| b.iter(|| server.send(black_box(request.clone()))));

    let (ed, _) = server.key_pair(r#"<CryptographicAlgorithm type="Enumeration" value="Ed25519"/>"#);
    let request = sign(&ed, "");
    group.bench_function("ed25519-sign", |b| b.iter(|| server.send(black_box(request.clone()))));
    group.finish();

    let rng = SystemRandom::new();
    let mut group = c.benchmark_group("raw");
    let rsa_pair = RsaKeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).expect("an RSA key");
    let mut signature = vec![0u8; rsa_pair.public_modulus_len()];
    group.bench_function("rsa-2048-sign-pkcs1-sha256", |b| {
        b.iter(|| rsa_pair.sign(&RSA_PKCS1_SHA256, &rng, black_box(MESSAGE), &mut signature).expect("signs"))
    });
    let ec_pair = EcdsaKeyPair::generate(&ECDSA_P256_SHA256_ASN1_SIGNING).expect("an EC key");
    group.bench_function("ecdsa-p256-sign", |b| b.iter(|| ec_pair.sign(&rng, black_box(MESSAGE)).expect("signs")));
    let public = aws_lc_rs::signature::UnparsedPublicKey::new(
        &aws_lc_rs::signature::ECDSA_P256_SHA256_ASN1,
        ec_pair.public_key().as_ref().to_vec(),
    );
    let ec_signature = ec_pair.sign(&rng, MESSAGE).expect("signs");
    group.bench_function("ecdsa-p256-verify", |b| {
        b.iter(|| public.verify(black_box(MESSAGE), ec_signature.as_ref()).expect("verifies"))
    });
    let ed_pair = Ed25519KeyPair::generate().expect("an Ed25519 key");
    group.bench_function("ed25519-sign", |b| b.iter(|| ed_pair.sign(black_box(MESSAGE))));
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! { name = benches; config = config(); targets = aes_gcm, signatures }
criterion_main!(benches);
