//! Tests of the PKCS#11 engine against real SoftHSM2 tokens (see softhsm.rs).

use cryptoki::object::AttributeType;

use super::asymmetric::{ecdsa_der_to_raw, ecdsa_raw_to_der, key_of_class};
use super::softhsm::{SoftHsm, child_token};
use super::*;
use crate::crypto::{Curve, HashAlgorithm, KeyKind, KeyPairSpec, SignInput, SignatureScheme, SoftwareEngine};

fn gcm(aad: &[u8]) -> CipherParams<'_> {
    let mut params = CipherParams::new(Cipher::AesGcm);
    params.aad = aad;
    params
}

#[test]
fn softhsm_keys_live_and_work_in_the_token() {
    SoftHsm::new("engine").run_child("crypto::pkcs11::tests::child_keys_live_and_work_in_the_token");
}

#[tokio::test]
#[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
async fn child_keys_live_and_work_in_the_token() {
    let token = child_token();
    let key = token.generate_aes(256, "kms:test").await.expect("generated");
    assert_eq!(key.token_label, token.label());
    assert_eq!(key.id.len(), KEY_ID_LEN);

    // AES-GCM round trip, with additional data; a changed tag, AAD or
    // ciphertext is Authentication Failed.
    let out = token.encrypt(&key, &gcm(b"aad"), b"attack at dawn").await.expect("encrypts");
    let iv = out.iv.clone().expect("an IV is generated");
    let tag = out.tag.clone().expect("a tag");
    assert_eq!((iv.len(), tag.len(), out.data.len()), (12, 16, 14));
    let mut params = gcm(b"aad");
    params.iv = Some(&iv);
    let plain = token.decrypt(&key, &params, &out.data, Some(&tag)).await.expect("decrypts");
    assert_eq!(&plain[..], b"attack at dawn");
    let mut bad_tag = tag.clone();
    bad_tag[0] ^= 1;
    let err = token.decrypt(&key, &params, &out.data, Some(&bad_tag)).await.expect_err("tampered tag");
    assert!(matches!(err, KmsError::AuthenticationFailed(_)), "{err:?}");
    let mut other_aad = gcm(b"AAD");
    other_aad.iv = Some(&iv);
    let err = token.decrypt(&key, &other_aad, &out.data, Some(&tag)).await.expect_err("other AAD");
    assert!(matches!(err, KmsError::AuthenticationFailed(_)), "{err:?}");

    // AES-CBC with PKCS#7 padding, with the caller's IV.
    let mut cbc = CipherParams::new(Cipher::AesCbc);
    cbc.padding = Padding::Pkcs7;
    let cbc_iv = [7u8; 16];
    cbc.iv = Some(&cbc_iv);
    let out = token.encrypt(&key, &cbc, b"seventeen bytes!!").await.expect("CBC encrypts");
    assert_eq!((out.data.len(), out.iv.is_none()), (32, true));
    let plain = token.decrypt(&key, &cbc, &out.data, None).await.expect("CBC decrypts");
    assert_eq!(&plain[..], b"seventeen bytes!!");
    // Unpadded CBC refuses data that is not whole blocks.
    let mut raw_cbc = CipherParams::new(Cipher::AesCbc);
    raw_cbc.iv = Some(&cbc_iv);
    let err = token.encrypt(&key, &raw_cbc, b"odd").await.expect_err("not whole blocks");
    assert!(matches!(err, KmsError::InvalidField(_)), "{err:?}");
    // Ciphers the token path does not serve are refused, not faked.
    let err = token.encrypt(&key, &CipherParams::new(Cipher::ChaCha20Poly1305), b"x").await.expect_err("ChaCha");
    assert!(matches!(err, KmsError::Unsupported(_)), "{err:?}");

    // A separate session finds the key by CKA_ID: sensitive, not
    // extractable, its value unreadable.
    let context = library(Path::new(DEFAULT_LIBRARY)).expect("library");
    let session = context.open_ro_session(token.inner.slot).expect("a second session");
    let found = session
        .find_objects(&[Attribute::Class(ObjectClass::SECRET_KEY), Attribute::Id(key.id.clone())])
        .expect("find");
    assert_eq!(found.len(), 1);
    let attributes = session
        .get_attributes(found[0], &[AttributeType::Extractable, AttributeType::Sensitive, AttributeType::Label])
        .expect("attributes");
    assert!(attributes.contains(&Attribute::Extractable(false)), "{attributes:?}");
    assert!(attributes.contains(&Attribute::Sensitive(true)), "{attributes:?}");
    assert!(attributes.contains(&Attribute::Label(b"kms:test".to_vec())), "{attributes:?}");
    let value = session.get_attributes(found[0], &[AttributeType::Value]).expect("asking is allowed");
    assert!(!value.iter().any(|a| matches!(a, Attribute::Value(_))), "the token gave out the key: {value:?}");

    // Destroy removes it from the token; using it afterwards fails.
    token.destroy(&key).await.expect("destroyed");
    let found = session
        .find_objects(&[Attribute::Class(ObjectClass::SECRET_KEY), Attribute::Id(key.id.clone())])
        .expect("find");
    assert!(found.is_empty());
    assert!(token.encrypt(&key, &gcm(b""), b"x").await.is_err());
}

#[test]
fn softhsm_gcm_in_the_token_is_standard_aes_gcm() {
    SoftHsm::new("gcm").run_child("crypto::pkcs11::tests::child_gcm_in_the_token_is_standard_aes_gcm");
}

/// A key of known value put in the token (as a test fixture only) gives
/// the same AES-GCM and AES-CBC output through the token as the
/// software engine gives with the same bytes.
#[tokio::test]
#[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
async fn child_gcm_in_the_token_is_standard_aes_gcm() {
    let token = child_token();
    let material = [0x42u8; 32];
    let id = b"known-value-key".to_vec();
    let session = token.inner.session().expect("session");
    session
        .create_object(&[
            Attribute::Class(ObjectClass::SECRET_KEY),
            Attribute::KeyType(KeyType::AES),
            Attribute::Value(material.to_vec()),
            Attribute::Token(false),
            Attribute::Encrypt(true),
            Attribute::Decrypt(true),
            Attribute::Id(id.clone()),
        ])
        .expect("the fixture key is created");
    token.inner.put_back(session);
    let key = TokenKey { token_label: token.label().to_owned(), id };
    let software = SoftwareEngine::new();
    let soft_key = KeyRef { kind: crate::crypto::KeyKind::Aes, material: &material };
    let nonce = [9u8; 12];
    let mut params = gcm(b"header");
    params.iv = Some(&nonce);
    let ours = token.encrypt(&key, &params, b"the same plaintext").await.expect("token");
    let reference = software.encrypt(soft_key, &params, b"the same plaintext").expect("software");
    assert_eq!(ours.data, reference.data);
    assert_eq!(ours.tag, reference.tag);
    // And the software engine decrypts what the token encrypted.
    let plain = software.decrypt(soft_key, &params, &ours.data, ours.tag.as_deref()).expect("decrypts");
    assert_eq!(&plain[..], b"the same plaintext");
    let iv = [3u8; 16];
    let mut cbc = CipherParams::new(Cipher::AesCbc);
    cbc.padding = Padding::Pkcs7;
    cbc.iv = Some(&iv);
    let ours = token.encrypt(&key, &cbc, b"cbc data").await.expect("token CBC");
    let reference = software.encrypt(soft_key, &cbc, b"cbc data").expect("software CBC");
    assert_eq!(ours.data, reference.data);
}

#[test]
fn softhsm_root_key_wraps_inside_the_token() {
    SoftHsm::new("root").run_child("crypto::pkcs11::tests::child_root_key_wraps_inside_the_token");
}

#[tokio::test]
#[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
async fn child_root_key_wraps_inside_the_token() {
    let token = child_token();
    let err = token.wrap_with("kms-root", b"org key", b"org-1").await.expect_err("no such key yet");
    assert!(err.to_string().contains("no key labelled"), "{err}");
    token.generate_wrapping_key("kms-root").await.expect("generated");
    assert!(token.generate_wrapping_key("kms-root").await.is_err(), "the label is taken");
    let wrapped = token.wrap_with("kms-root", b"org key bytes", b"org-1").await.expect("wraps");
    assert_eq!(wrapped.len(), 12 + 13 + 16);
    assert_ne!(&wrapped[12..25], b"org key bytes");
    let plain = token.unwrap_with("kms-root", &wrapped, b"org-1").await.expect("unwraps");
    assert_eq!(&plain[..], b"org key bytes");
    // Another AAD, a flipped bit, a truncated value: refused.
    for (bytes, aad) in
        [(wrapped.clone(), &b"org-2"[..]), (flip(&wrapped, 20), b"org-1"), (wrapped[..20].to_vec(), b"org-1")]
    {
        let err = token.unwrap_with("kms-root", &bytes, aad).await.expect_err("refused");
        assert!(matches!(err, KmsError::AuthenticationFailed(_)), "{err:?}");
    }
    // The root key is not extractable.
    let session = token.inner.session().expect("session");
    let found = session
        .find_objects(&[Attribute::Class(ObjectClass::SECRET_KEY), Attribute::Label(b"kms-root".to_vec())])
        .expect("find");
    let attributes = session.get_attributes(found[0], &[AttributeType::Extractable]).expect("attributes");
    assert_eq!(attributes, vec![Attribute::Extractable(false)]);
}

fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    out[at] ^= 0x80;
    out
}

#[test]
fn softhsm_pkcs11_functions_pass_through() {
    SoftHsm::new("passthrough").run_child("crypto::pkcs11::tests::child_pkcs11_functions_pass_through");
}

#[tokio::test]
#[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
async fn child_pkcs11_functions_pass_through() {
    let token = child_token();
    // Nothing but C_Initialize without a client context.
    let reply = token.pkcs11(C_GET_INFO, None, &[]).await.expect("answered");
    assert_eq!(reply.return_code, CKR_CRYPTOKI_NOT_INITIALIZED);
    let reply = token.pkcs11(C_INITIALIZE, None, &[1]).await.expect("answered");
    assert_eq!(reply.return_code, CKR_OK);
    let correlation = reply.correlation.expect("a Correlation Value");
    let info = token.pkcs11(C_GET_INFO, Some(&correlation), &[]).await.expect("answered");
    assert_eq!((info.return_code, info.correlation), (CKR_OK, None));
    let out = info.output.expect("CK_INFO");
    // CK_INFO: version (2), manufacturer (32), flags (8), description
    // (32), library version (2), as the library reports them.
    assert_eq!(out.len(), 76);
    let real = library(Path::new(DEFAULT_LIBRARY)).expect("library").get_library_info().expect("info");
    assert_eq!(out[..2], [real.cryptoki_version().major(), real.cryptoki_version().minor()]);
    assert!(String::from_utf8_lossy(&out[2..34]).starts_with("SoftHSM"), "{out:?}");
    assert_eq!(out[34..42], [0; 8]);
    assert_eq!(out[74..], [real.library_version().major(), real.library_version().minor()]);
    let reply = token.pkcs11(0x0000_0005, Some(&correlation), &[]).await.expect("answered");
    assert_eq!(reply.return_code, CKR_FUNCTION_NOT_SUPPORTED);
    let reply = token.pkcs11(C_FINALIZE, Some(&correlation), &[]).await.expect("answered");
    assert_eq!(reply.return_code, CKR_OK);
    // The context is gone; the server's own use of the token is not.
    let reply = token.pkcs11(C_GET_INFO, Some(&correlation), &[]).await.expect("answered");
    assert_eq!(reply.return_code, CKR_CRYPTOKI_NOT_INITIALIZED);
    assert!(token.generate_aes(128, "after-finalize").await.is_ok());
}

#[test]
fn softhsm_key_pairs_sign_in_the_token() {
    SoftHsm::new("pairs").run_child("crypto::pkcs11::tests::child_key_pairs_sign_in_the_token");
}

/// RSA and EC key pairs generated in the token sign there; the software
/// engine verifies the signatures with the public key the token gave.
#[tokio::test]
#[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
async fn child_key_pairs_sign_in_the_token() {
    let token = child_token();
    let software = SoftwareEngine::new();
    let message = b"a message signed inside the token";
    let cases = [
        (KeyPairSpec::Rsa { bits: 2048 }, KeyKind::RsaPublic, SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha256)),
        (KeyPairSpec::Rsa { bits: 2048 }, KeyKind::RsaPublic, SignatureScheme::RsaPss(HashAlgorithm::Sha384)),
        (KeyPairSpec::Ec(Curve::P256), KeyKind::EcPublic(Curve::P256), SignatureScheme::Ecdsa(HashAlgorithm::Sha256)),
        (KeyPairSpec::Ec(Curve::P384), KeyKind::EcPublic(Curve::P384), SignatureScheme::Ecdsa(HashAlgorithm::Sha384)),
    ];
    for (spec, public_kind, scheme) in cases {
        let pair = token.generate_key_pair(spec, "kms:pair").await.expect("generated");
        let public = KeyRef { kind: public_kind, material: &pair.public_spki };
        let signature = token.sign(&pair.private, scheme, SignInput::Data(message)).await.expect("signs");
        assert!(
            software.verify(public, scheme, SignInput::Data(message), &signature).expect("verifies"),
            "{scheme:?}: the software engine accepts the token's signature"
        );
        assert!(token.verify(&pair.private, scheme, SignInput::Data(message), &signature).await.expect("verify"));
        // A digest the client computed signs the same way.
        let digest = software.digest(scheme_hash(scheme), message);
        let by_digest = token.sign(&pair.private, scheme, SignInput::Digest(&digest)).await.expect("signs");
        assert!(software.verify(public, scheme, SignInput::Data(message), &by_digest).expect("verifies"));
        // And the token checks software signatures of another message.
        let other = b"another message";
        assert!(!token.verify(&pair.private, scheme, SignInput::Data(other), &signature).await.expect("verify"));
        let mut broken = signature.clone();
        let last = broken.len() - 1;
        broken[last] ^= 1;
        assert!(!token.verify(&pair.private, scheme, SignInput::Data(message), &broken).await.expect("verify"));
        // A digest of the wrong length is the client's error.
        let err = token.sign(&pair.private, scheme, SignInput::Digest(&[0; 5])).await.expect_err("short digest");
        assert!(matches!(err, KmsError::InvalidField(_)), "{err:?}");

        // The private half is not extractable; both halves leave on destroy.
        let session = token.inner.session().expect("session");
        let private = key_of_class(&token.inner, &session, ObjectClass::PRIVATE_KEY, &pair.private.id).expect("in");
        let attributes =
            session.get_attributes(private, &[AttributeType::Extractable, AttributeType::Sensitive]).expect("attrs");
        assert_eq!(attributes, vec![Attribute::Extractable(false), Attribute::Sensitive(true)]);
        token.inner.put_back(session);
        token.destroy(&pair.private).await.expect("destroyed");
        let session = token.inner.session().expect("session");
        assert!(find(&session, &[Attribute::Id(pair.private.id.clone())]).expect("find").is_empty());
        token.inner.put_back(session);
    }
    let err = token.generate_key_pair(KeyPairSpec::Ed25519, "x").await.expect_err("no Ed25519");
    assert!(matches!(err, KmsError::Unsupported(_)), "{err:?}");
}

fn scheme_hash(scheme: SignatureScheme) -> HashAlgorithm {
    match scheme {
        SignatureScheme::RsaPkcs1v15(h) | SignatureScheme::RsaPss(h) | SignatureScheme::Ecdsa(h) => h,
        other => panic!("{other:?}"),
    }
}

#[test]
fn ecdsa_signatures_convert_between_raw_and_der() {
    let raw: Vec<u8> = (0..64).map(|i| if i == 0 || i == 32 { 0x80 } else { i as u8 }).collect();
    let der = ecdsa_raw_to_der(&raw);
    // SEQUENCE { INTEGER 0x00 0x80..., INTEGER 0x00 0x80... }: the high bit gets a zero byte.
    assert_eq!(&der[..4], &[0x30, 0x46, 0x02, 0x21]);
    assert_eq!(ecdsa_der_to_raw(&der, 32), Some(raw.clone()));
    assert_eq!(ecdsa_der_to_raw(&der, 0), Some(raw));
    // Leading zeros are dropped and restored.
    let mut small = vec![0u8; 64];
    small[31] = 1;
    small[63] = 2;
    let der = ecdsa_raw_to_der(&small);
    assert_eq!(der, vec![0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]);
    assert_eq!(ecdsa_der_to_raw(&der, 32), Some(small));
    // Not a signature: None, never a panic.
    for junk in [&[][..], &[0x30], &[0x30, 0x05, 0x02, 0x01], &[0x31, 0x00], &der[..7]] {
        assert_eq!(ecdsa_der_to_raw(junk, 32), None, "{junk:?}");
    }
    // Scalars longer than the curve's are refused.
    assert_eq!(ecdsa_der_to_raw(&ecdsa_raw_to_der(&[1u8; 96]), 32), None);
}

#[test]
fn a_wrong_pin_or_label_stops_the_open_with_a_clear_message() {
    let hsm = SoftHsm::new("wrongpin");
    hsm.run_child("crypto::pkcs11::tests::child_wrong_pin_or_label");
}

#[test]
#[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
fn child_wrong_pin_or_label() {
    let (label, pin) = super::softhsm::child_env();
    let settings = |label: &str, pin: &str| Pkcs11Settings {
        library: DEFAULT_LIBRARY.into(),
        token_label: label.to_owned(),
        pin: Zeroizing::new(pin.to_owned()),
        max_sessions: 1,
    };
    let err = Pkcs11Token::open(settings(&label, "not-the-pin")).expect_err("wrong PIN");
    assert!(err.to_string().contains("PIN"), "{err}");
    assert!(!err.to_string().contains("not-the-pin"), "the PIN is never shown: {err}");
    let err = Pkcs11Token::open(settings("no-such-token", &pin)).expect_err("wrong label");
    assert!(err.to_string().contains("no-such-token"), "{err}");
    let err = Pkcs11Token::open(Pkcs11Settings { library: "/nonexistent/lib.so".into(), ..settings(&label, &pin) })
        .expect_err("no library");
    assert!(err.to_string().contains("/nonexistent/lib.so"), "{err}");
    assert!(format!("{:?}", settings(&label, &pin)).contains("redacted"));
}
