//! The cryptographic engine: a trait with a software implementation and a
//! PKCS#11 token that can take over some keys, in the style of rustls's
//! `CryptoProvider` (an HSM partially overrides the software provider).
//!
//! Keys cross the trait as [`KeyRef`]s: symmetric keys as raw bytes,
//! private keys as PKCS#8 DER, public keys as SubjectPublicKeyInfo DER.
//! `ops` converts the KMIP key block to that form (with [`formats`]); the
//! engine parses a key once and keeps the parsed form in a bounded cache.

pub mod formats;
pub mod pkcs11;
pub mod raw;
pub mod shamir;
mod software;

use std::fmt;

use async_trait::async_trait;
use zeroize::Zeroizing;

pub use self::pkcs11::{HsmEngine, Pkcs11Settings, Pkcs11Token};
pub use self::software::SoftwareEngine;

use crate::error::KmsError;

/// Hash functions the engine computes (KMIP Hashing Algorithm).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-1 (legacy: OAEP and HMAC only).
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl HashAlgorithm {
    /// The digest length in bytes.
    pub fn output_len(self) -> usize {
        match self {
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha224 => 28,
            HashAlgorithm::Sha256 => 32,
            HashAlgorithm::Sha384 => 48,
            HashAlgorithm::Sha512 => 64,
        }
    }
}

/// Named elliptic curves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Curve {
    /// NIST P-256 (secp256r1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
}

/// What kind of key a [`KeyRef`] holds, and so how its bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyKind {
    /// An AES key (16, 24 or 32 raw bytes).
    Aes,
    /// A Triple-DES key (16 or 24 raw bytes).
    TripleDes,
    /// A ChaCha20 key (32 raw bytes).
    ChaCha20,
    /// An HMAC key (raw bytes of any length).
    Hmac,
    /// An RSA private key (PKCS#8).
    RsaPrivate,
    /// An RSA public key (SubjectPublicKeyInfo).
    RsaPublic,
    /// An EC private key (PKCS#8).
    EcPrivate(Curve),
    /// An EC public key (SubjectPublicKeyInfo).
    EcPublic(Curve),
    /// An Ed25519 private key (PKCS#8).
    Ed25519Private,
    /// An Ed25519 public key (SubjectPublicKeyInfo).
    Ed25519Public,
}

/// A key handed to the engine. `Debug` never shows the material.
#[derive(Clone, Copy)]
pub struct KeyRef<'a> {
    /// How to read `material`.
    pub kind: KeyKind,
    /// The key bytes, in the form `kind` names.
    pub material: &'a [u8],
}

impl fmt::Debug for KeyRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRef").field("kind", &self.kind).field("len", &self.material.len()).finish()
    }
}

/// A cipher and its mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cipher {
    /// AES-GCM (NIST SP 800-38D), tag appended by the engine's caller.
    AesGcm,
    /// AES-CBC (SP 800-38A).
    AesCbc,
    /// AES-ECB (SP 800-38A).
    AesEcb,
    /// AES-CTR with a 16-byte initial counter block (SP 800-38A).
    AesCtr,
    /// AES-XTS (IEEE 1619; key is two AES keys, IV is the 16-byte tweak).
    AesXts,
    /// AES Key Wrap (RFC 3394).
    AesKeyWrap,
    /// AES Key Wrap with Padding (RFC 5649).
    AesKeyWrapPadded,
    /// Triple-DES CBC (SP 800-67).
    TripleDesCbc,
    /// Triple-DES ECB (SP 800-67).
    TripleDesEcb,
    /// ChaCha20 (RFC 8439 with a 12-byte nonce, or the original 8-byte
    /// nonce form).
    ChaCha20,
    /// ChaCha20-Poly1305 (RFC 8439).
    ChaCha20Poly1305,
    /// RSA-OAEP (RFC 8017 §7.1) with this hash for both the label and MGF1.
    RsaOaep(HashAlgorithm),
    /// RSA-OAEP with distinct hashes for the label and for MGF1.
    RsaOaepMgf {
        /// The label hash.
        hash: HashAlgorithm,
        /// The MGF1 hash.
        mgf: HashAlgorithm,
    },
    /// RSAES-PKCS1-v1_5 (RFC 8017 §7.2).
    RsaPkcs1v15,
}

impl Cipher {
    /// True for modes that authenticate (an AEAD tag).
    pub fn is_aead(self) -> bool {
        matches!(self, Cipher::AesGcm | Cipher::ChaCha20Poly1305)
    }

    /// The IV, counter or nonce length the mode wants generated when the
    /// client gives none (0 when it takes none).
    pub fn iv_len(self) -> usize {
        match self {
            Cipher::AesGcm | Cipher::ChaCha20Poly1305 | Cipher::ChaCha20 => 12,
            Cipher::AesCbc | Cipher::AesCtr | Cipher::AesXts => 16,
            Cipher::TripleDesCbc => 8,
            _ => 0,
        }
    }
}

/// Block padding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Padding {
    /// None: the data must be a whole number of blocks.
    None,
    /// PKCS#5/PKCS#7 (RFC 5652 §6.3).
    Pkcs7,
}

/// How to encrypt or decrypt.
#[derive(Clone, Debug)]
pub struct CipherParams<'a> {
    /// The cipher and mode.
    pub cipher: Cipher,
    /// Block padding (block modes only).
    pub padding: Padding,
    /// IV, counter or nonce; `None` lets the engine generate one (encrypt).
    pub iv: Option<&'a [u8]>,
    /// Additional authenticated data (AEAD modes).
    pub aad: &'a [u8],
    /// Tag length in bytes (AEAD modes; 16 by default).
    pub tag_len: usize,
    /// The OAEP label (empty by default).
    pub label: &'a [u8],
}

impl<'a> CipherParams<'a> {
    /// Parameters for `cipher` with the defaults: no padding, no IV, no
    /// AAD, a 16-byte tag.
    pub fn new(cipher: Cipher) -> CipherParams<'a> {
        CipherParams { cipher, padding: Padding::None, iv: None, aad: &[], tag_len: 16, label: &[] }
    }
}

/// The result of an encryption.
#[derive(Debug)]
pub struct EncryptOutput {
    /// The ciphertext (without the AEAD tag).
    pub data: Vec<u8>,
    /// The IV, counter or nonce the engine generated (`None` when the
    /// caller gave one or the mode takes none).
    pub iv: Option<Vec<u8>>,
    /// The AEAD tag.
    pub tag: Option<Vec<u8>>,
}

/// A signature scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureScheme {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2).
    RsaPkcs1v15(HashAlgorithm),
    /// RSASSA-PSS with MGF1 of the same hash and a salt of the hash length
    /// (RFC 8017 §8.1).
    RsaPss(HashAlgorithm),
    /// RSASSA-PSS with MGF1 of the same hash and the given salt length, or,
    /// with `None` when verifying, whatever salt length the signature was
    /// made with (read back from the encoded message, as OpenSSL's
    /// `RSA_PSS_SALTLEN_AUTO` does). Signing with `None` uses the hash length.
    RsaPssSalt(HashAlgorithm, Option<usize>),
    /// RSASSA-PSS whose MGF1 hash differs from the message hash, with a salt
    /// length as in [`SignatureScheme::RsaPssSalt`] (verification only).
    RsaPssMgf {
        /// The message hash (also hashed into `H`).
        hash: HashAlgorithm,
        /// The MGF1 hash.
        mgf: HashAlgorithm,
        /// The salt length; `None` when verifying accepts any.
        salt: Option<usize>,
    },
    /// ECDSA with a DER (ASN.1) signature (FIPS 186-4).
    Ecdsa(HashAlgorithm),
    /// Ed25519 (RFC 8032).
    Ed25519,
}

impl SignatureScheme {
    /// The scheme with a salt length equal to the hash length written as
    /// plain [`SignatureScheme::RsaPss`], and an MGF1 hash equal to the
    /// message hash as [`SignatureScheme::RsaPssSalt`], so that equal
    /// schemes compare equal.
    #[must_use]
    pub fn normalized(self, signing: bool) -> Self {
        match self {
            Self::RsaPssMgf { hash, mgf, salt } if hash == mgf => Self::RsaPssSalt(hash, salt).normalized(signing),
            Self::RsaPssSalt(hash, Some(len)) if len == hash.output_len() => Self::RsaPss(hash),
            Self::RsaPssSalt(hash, None) if signing => Self::RsaPss(hash),
            other => other,
        }
    }
}

/// What is signed: the message, or its digest computed by the client.
#[derive(Clone, Copy, Debug)]
pub enum SignInput<'a> {
    /// The message; the engine hashes it.
    Data(&'a [u8]),
    /// The digest of the message under the scheme's hash.
    Digest(&'a [u8]),
}

/// A MAC algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MacAlgorithm {
    /// HMAC (RFC 2104).
    Hmac(HashAlgorithm),
    /// AES-CMAC (NIST SP 800-38B).
    AesCmac,
}

/// A key derivation.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Derivation<'a> {
    /// PBKDF2 with HMAC (RFC 8018 §5.2).
    Pbkdf2 {
        /// The PRF's hash.
        hash: HashAlgorithm,
        /// The salt.
        salt: &'a [u8],
        /// The iteration count (at least 1).
        iterations: u32,
    },
    /// HKDF (RFC 5869).
    Hkdf {
        /// The hash.
        hash: HashAlgorithm,
        /// The salt.
        salt: &'a [u8],
        /// The info.
        info: &'a [u8],
    },
}

/// What key pair to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyPairSpec {
    /// RSA with a modulus of 2048, 3072 or 4096 bits, exponent 65537.
    Rsa {
        /// Modulus length in bits.
        bits: u32,
    },
    /// ECDSA on a named curve.
    Ec(Curve),
    /// Ed25519.
    Ed25519,
}

/// A generated key pair.
pub struct GeneratedKeyPair {
    /// The private key, PKCS#8 DER.
    pub private_pkcs8: Zeroizing<Vec<u8>>,
    /// The public key, SubjectPublicKeyInfo DER.
    pub public_spki: Vec<u8>,
}

/// An encryption given its data in pieces (KMIP Init Indicator, ...,
/// Final Indicator).
pub trait EncryptStream: Send {
    /// Encrypts the next piece; the ciphertext available so far (possibly
    /// empty: some ciphers give it all at the end).
    fn update(&mut self, data: &[u8]) -> Result<Vec<u8>, KmsError>;

    /// Ends the stream: the rest of the ciphertext and the AEAD tag.
    fn finish(self: Box<Self>) -> Result<(Vec<u8>, Option<Vec<u8>>), KmsError>;
}

/// A started streaming encryption.
pub struct OpenedStream {
    /// The stream.
    pub stream: Box<dyn EncryptStream>,
    /// The IV the engine generated (`None` when the caller gave one).
    pub iv: Option<Vec<u8>>,
}

/// The operations `ops` needs from a cryptographic implementation.
pub trait CryptoEngine: Send + Sync {
    /// Fresh key material of `len` bytes from the engine's DRBG.
    fn generate_key(&self, len: usize) -> Result<Zeroizing<Vec<u8>>, KmsError>;

    /// Fills `buf` with random bytes (identifiers, IVs).
    fn random(&self, buf: &mut [u8]) -> Result<(), KmsError>;

    /// Adds entropy from a client (RNG Seed); how many bytes were used.
    fn seed(&self, data: &[u8]) -> usize;

    /// The digest of `data`.
    fn digest(&self, algorithm: HashAlgorithm, data: &[u8]) -> Vec<u8>;

    /// A new asymmetric key pair.
    fn generate_key_pair(&self, spec: KeyPairSpec) -> Result<GeneratedKeyPair, KmsError>;

    /// Encrypts `data` (or wraps it, for the key-wrap ciphers).
    fn encrypt(&self, key: KeyRef<'_>, params: &CipherParams<'_>, data: &[u8]) -> Result<EncryptOutput, KmsError>;

    /// Starts an encryption whose data comes in pieces; also the IV it
    /// generated when `params` gives none.
    fn encrypt_stream(&self, key: KeyRef<'_>, params: &CipherParams<'_>) -> Result<OpenedStream, KmsError>;

    /// Decrypts `data`, checking `tag` for AEAD modes.
    fn decrypt(
        &self,
        key: KeyRef<'_>,
        params: &CipherParams<'_>,
        data: &[u8],
        tag: Option<&[u8]>,
    ) -> Result<Zeroizing<Vec<u8>>, KmsError>;

    /// Signs with a private key.
    fn sign(&self, key: KeyRef<'_>, scheme: SignatureScheme, input: SignInput<'_>) -> Result<Vec<u8>, KmsError>;

    /// Verifies with a public (or private) key: `Ok(false)` for a signature
    /// that does not match.
    fn verify(
        &self,
        key: KeyRef<'_>,
        scheme: SignatureScheme,
        input: SignInput<'_>,
        signature: &[u8],
    ) -> Result<bool, KmsError>;

    /// The MAC of `data`.
    fn mac(&self, key: KeyRef<'_>, algorithm: MacAlgorithm, data: &[u8]) -> Result<Vec<u8>, KmsError>;

    /// Derives `len` bytes from `secret`.
    fn derive(&self, derivation: &Derivation<'_>, secret: &[u8], len: usize) -> Result<Zeroizing<Vec<u8>>, KmsError>;

    /// The PKCS#11 token that holds HSM-resident keys, if one is configured.
    fn token(&self) -> Option<&dyn Token> {
        None
    }

    /// The same token, for a root key kept in it (`keys.root_key_label`).
    fn root_token(&self) -> Option<std::sync::Arc<dyn RootToken>> {
        None
    }
}

/// A token that holds a root key: a non-extractable AES-256 key found by
/// its label, which wraps and unwraps inside the token. The calls run on
/// the calling thread (a root key is used when an organisation key is
/// loaded, created or re-wrapped: rarely).
pub trait RootToken: Send + Sync {
    /// The token's label.
    fn token_label(&self) -> &str;

    /// Generates the root key labelled `label`; fails if there is one.
    fn root_generate(&self, label: &str) -> Result<(), KmsError>;

    /// AES-256-GCM under the key labelled `label`, `aad` bound to it:
    /// nonce ‖ ciphertext ‖ tag.
    fn root_wrap(&self, label: &str, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, KmsError>;

    /// Reverses [`RootToken::root_wrap`]; fails if anything was changed.
    fn root_unwrap(&self, label: &str, wrapped: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, KmsError>;

    /// The key's check value: the first 8 bytes of a fixed block encrypted
    /// with it (AES-ECB), the same on every start.
    fn root_check_value(&self, label: &str) -> Result<[u8; 8], KmsError>;
}

/// A key generated inside a PKCS#11 token: what a managed object keeps of it
/// (the token's label and the key's `CKA_ID`). Not secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenKey {
    /// The label of the token that holds it.
    pub token_label: String,
    /// Its `CKA_ID` in that token.
    pub id: Vec<u8>,
}

/// A key pair generated inside a PKCS#11 token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenKeyPair {
    /// The private key, which never leaves the token (the public key in the
    /// token has the same `CKA_ID`).
    pub private: TokenKey,
    /// The public key, SubjectPublicKeyInfo DER (read from the token).
    pub public_spki: Vec<u8>,
}

/// The answer to one PKCS#11 function passed through to the token (the
/// KMIP PKCS#11 operation, KMIP 2.1 §6.1.37).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pkcs11Reply {
    /// The Correlation Value the client sends with its next calls (given
    /// when a call opened a client context: `C_Initialize`).
    pub correlation: Option<Vec<u8>>,
    /// The function's output parameters, encoded as the KMIP PKCS#11
    /// profile says (CK_ULONG as 8 bytes big-endian, strings space padded).
    pub output: Option<Vec<u8>>,
    /// The `CK_RV` the function returned (`CKR_OK` is 0).
    pub return_code: u32,
}

/// A PKCS#11 token whose keys never leave it: generation, encryption and
/// decryption run inside it. Its calls block, so implementations run them
/// off the async executor.
#[async_trait]
pub trait Token: Send + Sync {
    /// The token's label.
    fn label(&self) -> &str;

    /// Generates a non-extractable, sensitive AES key of `bits` bits in the
    /// token; `label` becomes its `CKA_LABEL`.
    async fn generate_aes(&self, bits: u32, label: &str) -> Result<TokenKey, KmsError>;

    /// Encrypts with a key held in the token (AES-GCM, AES-CBC, AES-ECB).
    async fn encrypt(&self, key: &TokenKey, params: &CipherParams<'_>, data: &[u8]) -> Result<EncryptOutput, KmsError>;

    /// Decrypts with a key held in the token, checking `tag` for AES-GCM.
    async fn decrypt(
        &self,
        key: &TokenKey,
        params: &CipherParams<'_>,
        data: &[u8],
        tag: Option<&[u8]>,
    ) -> Result<Zeroizing<Vec<u8>>, KmsError>;

    /// Generates an RSA or EC key pair in the token (the private key
    /// sensitive and not extractable); `label` becomes both halves'
    /// `CKA_LABEL`.
    async fn generate_key_pair(&self, spec: KeyPairSpec, label: &str) -> Result<TokenKeyPair, KmsError>;

    /// Signs with a private key held in the token (RSASSA-PKCS1-v1_5,
    /// RSASSA-PSS, ECDSA with a DER signature).
    async fn sign(&self, key: &TokenKey, scheme: SignatureScheme, input: SignInput<'_>) -> Result<Vec<u8>, KmsError>;

    /// Verifies with the public key the token holds beside the private key
    /// `key`: `Ok(false)` for a signature that does not match.
    async fn verify(
        &self,
        key: &TokenKey,
        scheme: SignatureScheme,
        input: SignInput<'_>,
        signature: &[u8],
    ) -> Result<bool, KmsError>;

    /// Removes the key (both halves of a key pair) from the token (no error
    /// if it is already gone).
    async fn destroy(&self, key: &TokenKey) -> Result<(), KmsError>;

    /// Runs one PKCS#11 function for a KMIP client: `function` is the KMIP
    /// PKCS#11 Function value, `correlation` the Correlation Value the client
    /// sent, `input` its PKCS#11 Input Parameters.
    async fn pkcs11(&self, function: u32, correlation: Option<&[u8]>, input: &[u8]) -> Result<Pkcs11Reply, KmsError>;
}
