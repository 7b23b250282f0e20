//! The PKCS#11 engine (cryptoki): keys generated inside a token, used there
//! through opaque handles, never extracted.
//!
//! - [`Pkcs11Token`] opens a token by label in a PKCS#11 library (SoftHSM2
//!   by default), logs in with the user PIN and keeps a pool of sessions.
//!   PKCS#11 calls block, so every call runs under `spawn_blocking`, at most
//!   `max_sessions` at once (a semaphore), each on a session of the pool.
//! - AES keys are generated with `CKA_SENSITIVE` true, `CKA_EXTRACTABLE`
//!   false, `CKA_TOKEN` true and a random 16-byte `CKA_ID`; a managed object
//!   keeps only the token label and that id ([`TokenKey`]).
//! - [`HsmEngine`] is the software engine with the token attached: it does
//!   everything the software engine does, and [`CryptoEngine::token`] gives
//!   `ops` the token for HSM-resident objects.
//! - The KMIP PKCS#11 operation (KMIP 2.1 §6.1.37) reaches the token through
//!   [`Token::pkcs11`]; see [`Pkcs11Token`]'s `pkcs11` for what it serves.
//! - [`Pkcs11Token::wrap_with`] / [`Pkcs11Token::unwrap_with`]: AES-256-GCM
//!   under a non-extractable key found by label, for a root key that stays
//!   in the token.
//!
//! A PKCS#11 library is initialised once per process (a second
//! `C_Initialize` fails), so the loaded libraries are kept in a process-wide
//! table and shared by every token opened from them.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use async_trait::async_trait;
use cryptoki::context::{CInitializeArgs, Pkcs11};
use cryptoki::error::{Error as CkError, RvError};
use cryptoki::mechanism::aead::GcmParams;
use cryptoki::mechanism::rsa::{PkcsMgfType, PkcsPssParams};
use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use tokio::sync::Semaphore;
use tracing::{info, warn};
use zeroize::Zeroizing;

use super::formats::{self, AsymmetricKind};
use super::{
    Cipher, CipherParams, CryptoEngine, Curve, Derivation, EncryptOutput, GeneratedKeyPair, HashAlgorithm, KeyPairSpec,
    KeyRef, MacAlgorithm, OpenedStream, Padding, Pkcs11Reply, SignInput, SignatureScheme, Token, TokenKey,
    TokenKeyPair,
};
use crate::error::KmsError;

/// Where Debian's softhsm2 package installs its PKCS#11 library.
pub const DEFAULT_LIBRARY: &str = "/usr/lib/softhsm/libsofthsm2.so";

/// How many sessions (and concurrent PKCS#11 calls) a token gets by default.
pub const DEFAULT_SESSIONS: usize = 4;

/// The most PKCS#11 client contexts (`C_Initialize` without `C_Finalize`)
/// kept at once.
const MAX_CLIENT_CONTEXTS: usize = 1024;

/// The length of the `CKA_ID` given to generated keys.
const KEY_ID_LEN: usize = 16;

/// The AES-GCM nonce length of [`Pkcs11Token::wrap_with`].
const WRAP_NONCE_LEN: usize = 12;
/// The AES-GCM tag length of [`Pkcs11Token::wrap_with`].
const WRAP_TAG_LEN: usize = 16;

// CK_RV values (PKCS#11 v2.40 §11.1); the KMIP PKCS#11 Return Code
// enumeration uses the same numbers.
const CKR_OK: u32 = 0x0000_0000;
const CKR_HOST_MEMORY: u32 = 0x0000_0002;
const CKR_FUNCTION_NOT_SUPPORTED: u32 = 0x0000_0054;
const CKR_CRYPTOKI_NOT_INITIALIZED: u32 = 0x0000_0190;

// KMIP PKCS#11 Function values (KMIP 2.1 §11.x "PKCS#11 Function").
const C_INITIALIZE: u32 = 0x0000_0001;
const C_FINALIZE: u32 = 0x0000_0002;
const C_GET_INFO: u32 = 0x0000_0003;

/// What [`Pkcs11Token::open`] needs (the `[hsm]` settings, PIN read).
pub struct Pkcs11Settings {
    /// The PKCS#11 library (a shared object).
    pub library: PathBuf,
    /// The label of the token to use.
    pub token_label: String,
    /// The user PIN.
    pub pin: Zeroizing<String>,
    /// The most sessions, and so concurrent calls, on the token.
    pub max_sessions: usize,
}

impl fmt::Debug for Pkcs11Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pkcs11Settings")
            .field("library", &self.library)
            .field("token_label", &self.token_label)
            .field("pin", &"(redacted)")
            .field("max_sessions", &self.max_sessions)
            .finish()
    }
}

/// A PKCS#11 token, logged in, with a pool of sessions.
#[derive(Clone)]
pub struct Pkcs11Token {
    inner: Arc<Inner>,
    permits: Arc<Semaphore>,
}

impl fmt::Debug for Pkcs11Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pkcs11Token").field("label", &self.inner.label).finish_non_exhaustive()
    }
}

struct Inner {
    context: Pkcs11,
    slot: Slot,
    label: String,
    pin: AuthPin,
    /// Open, logged-in sessions not in use.
    idle: Mutex<Vec<Session>>,
    /// The Correlation Values of the KMIP PKCS#11 client contexts.
    clients: Mutex<HashSet<Vec<u8>>>,
}

/// The libraries loaded (and initialised) in this process, by path.
fn libraries() -> &'static Mutex<HashMap<PathBuf, Pkcs11>> {
    static LIBRARIES: OnceLock<Mutex<HashMap<PathBuf, Pkcs11>>> = OnceLock::new();
    LIBRARIES.get_or_init(Default::default)
}

/// The library at `path`, loaded and initialised once per process.
fn library(path: &Path) -> Result<Pkcs11, KmsError> {
    let mut loaded = libraries().lock().map_err(|_| KmsError::Internal("PKCS#11 library table poisoned".into()))?;
    if let Some(context) = loaded.get(path) {
        return Ok(context.clone());
    }
    let context = Pkcs11::new(path)
        .map_err(|e| KmsError::Crypto(format!("cannot load the PKCS#11 library {}: {e}", path.display())))?;
    context
        .initialize(CInitializeArgs::OsThreads)
        .map_err(|e| KmsError::Crypto(format!("C_Initialize of {} failed: {e}", path.display())))?;
    loaded.insert(path.to_owned(), context.clone());
    Ok(context)
}

impl Pkcs11Token {
    /// Loads the library, finds the token by label and logs in. Blocks: call
    /// it at start-up or under `spawn_blocking`.
    pub fn open(settings: Pkcs11Settings) -> Result<Pkcs11Token, KmsError> {
        let context = library(&settings.library)?;
        let slots = context
            .get_slots_with_initialized_token()
            .map_err(|e| KmsError::Crypto(format!("C_GetSlotList failed: {e}")))?;
        let mut slot = None;
        for candidate in slots {
            let info = context
                .get_token_info(candidate)
                .map_err(|e| KmsError::Crypto(format!("C_GetTokenInfo failed: {e}")))?;
            if info.label().trim_end() == settings.token_label {
                slot = Some(candidate);
                break;
            }
        }
        let slot = slot.ok_or_else(|| {
            KmsError::Crypto(format!(
                "no initialised token labelled {:?} in {}",
                settings.token_label,
                settings.library.display()
            ))
        })?;
        let pin = AuthPin::new(settings.pin.as_str().to_owned());
        let inner = Inner {
            context,
            slot,
            label: settings.token_label.clone(),
            pin,
            idle: Mutex::new(Vec::new()),
            clients: Mutex::new(HashSet::new()),
        };
        // One session now: a wrong PIN or an unusable token stops the start.
        let session = inner.open_session()?;
        inner.put_back(session);
        info!(token = %settings.token_label, library = %settings.library.display(), "PKCS#11 token opened");
        Ok(Pkcs11Token { inner: Arc::new(inner), permits: Arc::new(Semaphore::new(settings.max_sessions.max(1))) })
    }

    /// Runs `f` on a session of the pool, off the async executor.
    async fn run<R, F>(&self, f: F) -> Result<R, KmsError>
    where
        R: Send + 'static,
        F: FnOnce(&Inner, &Session) -> Result<R, KmsError> + Send + 'static,
    {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| KmsError::Internal("the PKCS#11 session pool is closed".into()))?;
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let session = inner.session()?;
            let result = f(&inner, &session);
            // A session that saw a token failure (closed, device removed,
            // ...) is closed rather than reused; the next call opens one.
            if !matches!(result, Err(KmsError::Internal(_))) {
                inner.put_back(session);
            }
            result
        })
        .await
        .map_err(|e| KmsError::Internal(format!("a PKCS#11 task failed: {e}")))?
    }

    /// Generates a non-extractable AES-256 key labelled `label` for
    /// [`Pkcs11Token::wrap_with`]; fails if the token already has a key with
    /// that label.
    pub async fn generate_wrapping_key(&self, label: &str) -> Result<(), KmsError> {
        let label = label.to_owned();
        self.run(move |inner, session| {
            if !find(session, &[Attribute::Class(ObjectClass::SECRET_KEY), Attribute::Label(label.clone().into())])?
                .is_empty()
            {
                return Err(KmsError::InvalidField(format!(
                    "token {} already has a key labelled {label:?}",
                    inner.label
                )));
            }
            let id = random(session, KEY_ID_LEN)?;
            generate_aes(session, 256, &id, &label)?;
            Ok(())
        })
        .await
    }

    /// Encrypts `plaintext` under the token's key labelled `label` with
    /// AES-256-GCM and `aad` as additional data: nonce (12 bytes) ‖
    /// ciphertext ‖ tag (16 bytes). The key never leaves the token.
    pub async fn wrap_with(&self, label: &str, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, KmsError> {
        let label = label.to_owned();
        let plaintext = Zeroizing::new(plaintext.to_vec());
        let aad = aad.to_vec();
        self.run(move |inner, session| {
            let key = key_by_label(inner, session, &label)?;
            let mut nonce = random(session, WRAP_NONCE_LEN)?;
            let kept = nonce.clone();
            let params = GcmParams::new(&mut nonce, &aad, ulong(WRAP_TAG_LEN * 8))
                .map_err(|e| token_error(inner, "AES-GCM parameters", e))?;
            let sealed = session
                .encrypt(&Mechanism::AesGcm(params), key, &plaintext)
                .map_err(|e| token_error(inner, "C_Encrypt", e))?;
            let mut out = kept;
            out.extend_from_slice(&sealed);
            Ok(out)
        })
        .await
    }

    /// Reverses [`Pkcs11Token::wrap_with`]: Authentication Failed if the
    /// bytes or `aad` were changed, or another key sealed them.
    pub async fn unwrap_with(&self, label: &str, wrapped: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        if wrapped.len() < WRAP_NONCE_LEN + WRAP_TAG_LEN {
            return Err(KmsError::AuthenticationFailed("the wrapped value is too short".into()));
        }
        let label = label.to_owned();
        let wrapped = wrapped.to_vec();
        let aad = aad.to_vec();
        self.run(move |inner, session| {
            let key = key_by_label(inner, session, &label)?;
            let mut nonce = wrapped[..WRAP_NONCE_LEN].to_vec();
            let params = GcmParams::new(&mut nonce, &aad, ulong(WRAP_TAG_LEN * 8))
                .map_err(|e| token_error(inner, "AES-GCM parameters", e))?;
            session
                .decrypt(&Mechanism::AesGcm(params), key, &wrapped[WRAP_NONCE_LEN..])
                .map(Zeroizing::new)
                .map_err(|e| decrypt_error(inner, e))
        })
        .await
    }
}

#[async_trait]
impl Token for Pkcs11Token {
    fn label(&self) -> &str {
        &self.inner.label
    }

    async fn generate_aes(&self, bits: u32, label: &str) -> Result<TokenKey, KmsError> {
        if !matches!(bits, 128 | 192 | 256) {
            return Err(KmsError::InvalidField(format!("an AES key has 128, 192 or 256 bits, not {bits}")));
        }
        let label = label.to_owned();
        self.run(move |inner, session| {
            let id = random(session, KEY_ID_LEN)?;
            generate_aes(session, bits, &id, &label).map_err(|e| match e {
                KmsError::Crypto(m) => token_error_message(inner, &m),
                other => other,
            })?;
            Ok(TokenKey { token_label: inner.label.clone(), id })
        })
        .await
    }

    async fn encrypt(&self, key: &TokenKey, params: &CipherParams<'_>, data: &[u8]) -> Result<EncryptOutput, KmsError> {
        let request = CipherRequest::new(key, params, data)?;
        self.run(move |inner, session| {
            let handle = key_by_id(inner, session, &request.id)?;
            request.encrypt(inner, session, handle)
        })
        .await
    }

    async fn decrypt(
        &self,
        key: &TokenKey,
        params: &CipherParams<'_>,
        data: &[u8],
        tag: Option<&[u8]>,
    ) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        let mut request = CipherRequest::new(key, params, data)?;
        if request.cipher == Cipher::AesGcm {
            let tag = tag.ok_or_else(|| KmsError::MissingData("AES-GCM decryption needs the tag".into()))?;
            request.data.extend_from_slice(tag);
            request.tag_len = tag.len();
        }
        self.run(move |inner, session| {
            let handle = key_by_id(inner, session, &request.id)?;
            request.decrypt(inner, session, handle)
        })
        .await
    }

    async fn generate_key_pair(&self, spec: KeyPairSpec, label: &str) -> Result<TokenKeyPair, KmsError> {
        let label = label.to_owned();
        self.run(move |inner, session| {
            let id = random(session, KEY_ID_LEN)?;
            let public_spki = generate_key_pair(inner, session, spec, &id, &label)?;
            Ok(TokenKeyPair { private: TokenKey { token_label: inner.label.clone(), id }, public_spki })
        })
        .await
    }

    async fn sign(&self, key: &TokenKey, scheme: SignatureScheme, input: SignInput<'_>) -> Result<Vec<u8>, KmsError> {
        let id = key.id.clone();
        let input = OwnedInput::new(input);
        self.run(move |inner, session| {
            let handle = key_of_class(inner, session, ObjectClass::PRIVATE_KEY, &id)?;
            let plan = SignPlan::new(inner, session, scheme.normalized(true), &input)?;
            let signature =
                session.sign(&plan.mechanism(), handle, &plan.data).map_err(|e| data_error(inner, "C_Sign", e))?;
            Ok(if plan.ecdsa { ecdsa_raw_to_der(&signature) } else { signature })
        })
        .await
    }

    async fn verify(
        &self,
        key: &TokenKey,
        scheme: SignatureScheme,
        input: SignInput<'_>,
        signature: &[u8],
    ) -> Result<bool, KmsError> {
        let id = key.id.clone();
        let input = OwnedInput::new(input);
        let signature = signature.to_vec();
        self.run(move |inner, session| {
            let handle = key_of_class(inner, session, ObjectClass::PUBLIC_KEY, &id)?;
            let mut plan = SignPlan::new(inner, session, scheme.normalized(false), &input)?;
            if plan.ecdsa {
                plan.ecdsa_scalar_len = ec_scalar_len(inner, session, handle)?;
            }
            let signature = if plan.ecdsa {
                match ecdsa_der_to_raw(&signature, plan.ecdsa_scalar_len) {
                    Some(raw) => raw,
                    None => return Ok(false),
                }
            } else {
                signature
            };
            match session.verify(&plan.mechanism(), handle, &plan.data, &signature) {
                Ok(()) => Ok(true),
                Err(CkError::Pkcs11(RvError::SignatureInvalid | RvError::SignatureLenRange, _)) => Ok(false),
                Err(e) => Err(data_error(inner, "C_Verify", e)),
            }
        })
        .await
    }

    async fn destroy(&self, key: &TokenKey) -> Result<(), KmsError> {
        let id = key.id.clone();
        self.run(move |inner, session| {
            // Every object with the id: a secret key, or both halves of a pair.
            let handles =
                find(session, &[Attribute::Id(id)]).map_err(|e| token_error_message(inner, &e.to_string()))?;
            for handle in handles {
                session.destroy_object(handle).map_err(|e| token_error(inner, "C_DestroyObject", e))?;
            }
            Ok(())
        })
        .await
    }

    /// Serves `C_Initialize` (a new client context: a fresh Correlation
    /// Value; the library itself is initialised once by the server, and the
    /// client's arguments are not applied to it), `C_GetInfo` (the
    /// library's real `CK_INFO`, encoded as the KMIP PKCS#11 profile says)
    /// and `C_Finalize` (ends the client context; the server's own use of
    /// the library goes on). Other functions answer
    /// `CKR_FUNCTION_NOT_SUPPORTED`; any but `C_Initialize` without a live
    /// Correlation Value answers `CKR_CRYPTOKI_NOT_INITIALIZED`.
    async fn pkcs11(&self, function: u32, correlation: Option<&[u8]>, input: &[u8]) -> Result<Pkcs11Reply, KmsError> {
        let correlation = correlation.map(<[u8]>::to_vec);
        let _ = input;
        self.run(move |inner, session| {
            let reply = |return_code| Pkcs11Reply { correlation: None, output: None, return_code };
            let mut clients =
                inner.clients.lock().map_err(|_| KmsError::Internal("PKCS#11 clients poisoned".into()))?;
            if function == C_INITIALIZE {
                if clients.len() >= MAX_CLIENT_CONTEXTS {
                    return Ok(reply(CKR_HOST_MEMORY));
                }
                let value = random(session, 16)?;
                clients.insert(value.clone());
                return Ok(Pkcs11Reply { correlation: Some(value), output: None, return_code: CKR_OK });
            }
            if !correlation.as_ref().is_some_and(|c| clients.contains(c)) {
                return Ok(reply(CKR_CRYPTOKI_NOT_INITIALIZED));
            }
            match function {
                C_FINALIZE => {
                    if let Some(c) = &correlation {
                        clients.remove(c);
                    }
                    Ok(reply(CKR_OK))
                }
                C_GET_INFO => {
                    let info = inner.context.get_library_info().map_err(|e| token_error(inner, "C_GetInfo", e))?;
                    let mut out = Vec::with_capacity(76);
                    let version = info.cryptoki_version();
                    out.extend_from_slice(&[version.major(), version.minor()]);
                    out.extend_from_slice(&padded(info.manufacturer_id()));
                    // flags: reserved, zero (CK_ULONG: 8 bytes).
                    out.extend_from_slice(&[0; 8]);
                    out.extend_from_slice(&padded(info.library_description()));
                    let version = info.library_version();
                    out.extend_from_slice(&[version.major(), version.minor()]);
                    Ok(Pkcs11Reply { correlation: None, output: Some(out), return_code: CKR_OK })
                }
                _ => Ok(reply(CKR_FUNCTION_NOT_SUPPORTED)),
            }
        })
        .await
    }
}

/// A 32-byte blank-padded PKCS#11 string field.
fn padded(text: &str) -> [u8; 32] {
    let mut out = [b' '; 32];
    for (slot, byte) in out.iter_mut().zip(text.as_bytes()) {
        *slot = *byte;
    }
    out
}

impl Inner {
    /// A session from the pool, or a new one.
    fn session(&self) -> Result<Session, KmsError> {
        if let Some(session) = self.idle.lock().ok().and_then(|mut idle| idle.pop()) {
            return Ok(session);
        }
        self.open_session()
    }

    /// A new read-write session, logged in (the login is the
    /// application's: a second one answers "already logged in").
    fn open_session(&self) -> Result<Session, KmsError> {
        let session = self.context.open_rw_session(self.slot).map_err(|e| token_error(self, "C_OpenSession", e))?;
        match session.login(UserType::User, Some(&self.pin)) {
            Ok(()) | Err(CkError::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(session),
            Err(CkError::Pkcs11(RvError::PinIncorrect, _)) => {
                Err(KmsError::Crypto(format!("the PIN of token {} is incorrect", self.label)))
            }
            Err(e) => Err(token_error(self, "C_Login", e)),
        }
    }

    fn put_back(&self, session: Session) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(session);
        }
    }
}

/// An encryption or decryption request, owned (it crosses to a blocking
/// thread).
struct CipherRequest {
    id: Vec<u8>,
    cipher: Cipher,
    padding: Padding,
    iv: Option<Vec<u8>>,
    aad: Vec<u8>,
    tag_len: usize,
    data: Zeroizing<Vec<u8>>,
}

impl CipherRequest {
    fn new(key: &TokenKey, params: &CipherParams<'_>, data: &[u8]) -> Result<CipherRequest, KmsError> {
        if !matches!(params.cipher, Cipher::AesGcm | Cipher::AesCbc | Cipher::AesEcb) {
            return Err(KmsError::Unsupported(format!("{:?} with a key held in a PKCS#11 token", params.cipher)));
        }
        if params.cipher == Cipher::AesGcm && params.padding != Padding::None {
            return Err(KmsError::InvalidField("AES-GCM takes no padding".into()));
        }
        Ok(CipherRequest {
            id: key.id.clone(),
            cipher: params.cipher,
            padding: params.padding,
            iv: params.iv.map(<[u8]>::to_vec),
            aad: params.aad.to_vec(),
            tag_len: params.tag_len,
            data: Zeroizing::new(data.to_vec()),
        })
    }

    fn encrypt(mut self, inner: &Inner, session: &Session, key: ObjectHandle) -> Result<EncryptOutput, KmsError> {
        let generated = self.iv.is_none();
        let iv = match self.iv.take() {
            Some(iv) => iv,
            None => random(session, self.cipher.iv_len())?,
        };
        let out = match self.cipher {
            Cipher::AesGcm => {
                if !(4..=16).contains(&self.tag_len) {
                    return Err(KmsError::InvalidField(format!("an AES-GCM tag of {} bytes", self.tag_len)));
                }
                let mut nonce = iv.clone();
                let params = GcmParams::new(&mut nonce, &self.aad, ulong(self.tag_len * 8))
                    .map_err(|e| KmsError::InvalidField(format!("AES-GCM parameters: {e}")))?;
                let mut sealed = session
                    .encrypt(&Mechanism::AesGcm(params), key, &self.data)
                    .map_err(|e| data_error(inner, "C_Encrypt", e))?;
                let tag = sealed.split_off(sealed.len().saturating_sub(self.tag_len));
                return Ok(EncryptOutput { data: sealed, iv: generated.then_some(iv), tag: Some(tag) });
            }
            Cipher::AesCbc => {
                session.encrypt(&self.cbc(&iv)?, key, &self.data).map_err(|e| data_error(inner, "C_Encrypt", e))?
            }
            _ => session.encrypt(&Mechanism::AesEcb, key, &self.data).map_err(|e| data_error(inner, "C_Encrypt", e))?,
        };
        let iv = (generated && self.cipher.iv_len() > 0).then_some(iv);
        Ok(EncryptOutput { data: out, iv, tag: None })
    }

    fn decrypt(self, inner: &Inner, session: &Session, key: ObjectHandle) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        let iv = self.iv.clone().unwrap_or_default();
        let plain = match self.cipher {
            Cipher::AesGcm => {
                let mut nonce = iv;
                let params = GcmParams::new(&mut nonce, &self.aad, ulong(self.tag_len * 8))
                    .map_err(|e| KmsError::InvalidField(format!("AES-GCM parameters: {e}")))?;
                session.decrypt(&Mechanism::AesGcm(params), key, &self.data).map_err(|e| decrypt_error(inner, e))?
            }
            Cipher::AesCbc => session.decrypt(&self.cbc(&iv)?, key, &self.data).map_err(|e| decrypt_error(inner, e))?,
            _ => session.decrypt(&Mechanism::AesEcb, key, &self.data).map_err(|e| decrypt_error(inner, e))?,
        };
        Ok(Zeroizing::new(plain))
    }

    /// The CBC mechanism for `iv`, with or without PKCS#7 padding.
    fn cbc(&self, iv: &[u8]) -> Result<Mechanism<'static>, KmsError> {
        let iv: [u8; 16] = iv
            .try_into()
            .map_err(|_| KmsError::InvalidField(format!("AES-CBC needs a 16-byte IV, not {}", iv.len())))?;
        Ok(match self.padding {
            Padding::Pkcs7 => Mechanism::AesCbcPad(iv),
            _ => Mechanism::AesCbc(iv),
        })
    }
}

/// A Sign or Verify input, owned (it crosses to a blocking thread).
enum OwnedInput {
    Data(Vec<u8>),
    Digest(Vec<u8>),
}

impl OwnedInput {
    fn new(input: SignInput<'_>) -> OwnedInput {
        match input {
            SignInput::Data(d) => OwnedInput::Data(d.to_vec()),
            SignInput::Digest(d) => OwnedInput::Digest(d.to_vec()),
        }
    }
}

/// How a signature scheme runs on the token: the message is hashed (by the
/// token, C_Digest) and the raw mechanism signs the digest (PKCS#1 v1.5 with
/// the DigestInfo prefix, PSS, ECDSA); tokens differ in which combined
/// hash-and-sign mechanisms they have, never in these.
struct SignPlan {
    kind: SignKind,
    data: Vec<u8>,
    ecdsa: bool,
    ecdsa_scalar_len: usize,
}

enum SignKind {
    Pkcs1,
    Pss { hash: HashAlgorithm, mgf: HashAlgorithm, salt: usize },
    Ecdsa,
}

impl SignPlan {
    fn new(
        inner: &Inner,
        session: &Session,
        scheme: SignatureScheme,
        input: &OwnedInput,
    ) -> Result<SignPlan, KmsError> {
        let (hash, kind) = match scheme {
            SignatureScheme::RsaPkcs1v15(hash) => (hash, SignKind::Pkcs1),
            SignatureScheme::RsaPss(hash) => (hash, SignKind::Pss { hash, mgf: hash, salt: hash.output_len() }),
            SignatureScheme::RsaPssSalt(hash, salt) => {
                (hash, SignKind::Pss { hash, mgf: hash, salt: salt.unwrap_or(hash.output_len()) })
            }
            SignatureScheme::RsaPssMgf { hash, mgf, salt } => {
                (hash, SignKind::Pss { hash, mgf, salt: salt.unwrap_or(hash.output_len()) })
            }
            SignatureScheme::Ecdsa(hash) => (hash, SignKind::Ecdsa),
            other => return Err(KmsError::Unsupported(format!("{other:?} with a key held in a PKCS#11 token"))),
        };
        let digest = match input {
            OwnedInput::Digest(d) if d.len() == hash.output_len() => d.clone(),
            OwnedInput::Digest(d) => {
                return Err(KmsError::InvalidField(format!(
                    "a {hash:?} digest has {} bytes, not {}",
                    hash.output_len(),
                    d.len()
                )));
            }
            OwnedInput::Data(d) => {
                session.digest(&hash_mechanism(hash), d).map_err(|e| token_error(inner, "C_Digest", e))?
            }
        };
        let ecdsa = matches!(kind, SignKind::Ecdsa);
        let data = match kind {
            SignKind::Pkcs1 => [digest_info_prefix(hash), &digest[..]].concat(),
            _ => digest,
        };
        Ok(SignPlan { kind, data, ecdsa, ecdsa_scalar_len: 0 })
    }

    fn mechanism(&self) -> Mechanism<'static> {
        match self.kind {
            SignKind::Pkcs1 => Mechanism::RsaPkcs,
            SignKind::Pss { hash, mgf, salt } => Mechanism::RsaPkcsPss(PkcsPssParams {
                hash_alg: hash_mechanism_type(hash),
                mgf: mgf_type(mgf),
                s_len: ulong(salt),
            }),
            SignKind::Ecdsa => Mechanism::Ecdsa,
        }
    }
}

fn hash_mechanism_type(hash: HashAlgorithm) -> MechanismType {
    match hash {
        HashAlgorithm::Sha1 => MechanismType::SHA1,
        HashAlgorithm::Sha224 => MechanismType::SHA224,
        HashAlgorithm::Sha256 => MechanismType::SHA256,
        HashAlgorithm::Sha384 => MechanismType::SHA384,
        HashAlgorithm::Sha512 => MechanismType::SHA512,
    }
}

fn hash_mechanism(hash: HashAlgorithm) -> Mechanism<'static> {
    match hash {
        HashAlgorithm::Sha1 => Mechanism::Sha1,
        HashAlgorithm::Sha224 => Mechanism::Sha224,
        HashAlgorithm::Sha256 => Mechanism::Sha256,
        HashAlgorithm::Sha384 => Mechanism::Sha384,
        HashAlgorithm::Sha512 => Mechanism::Sha512,
    }
}

fn mgf_type(hash: HashAlgorithm) -> PkcsMgfType {
    match hash {
        HashAlgorithm::Sha1 => PkcsMgfType::MGF1_SHA1,
        HashAlgorithm::Sha224 => PkcsMgfType::MGF1_SHA224,
        HashAlgorithm::Sha256 => PkcsMgfType::MGF1_SHA256,
        HashAlgorithm::Sha384 => PkcsMgfType::MGF1_SHA384,
        HashAlgorithm::Sha512 => PkcsMgfType::MGF1_SHA512,
    }
}

/// The DER prefix of an EMSA-PKCS1-v1_5 DigestInfo (RFC 8017 §9.2, note 1).
fn digest_info_prefix(hash: HashAlgorithm) -> &'static [u8] {
    match hash {
        HashAlgorithm::Sha1 => {
            &[0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14]
        }
        HashAlgorithm::Sha224 => &[
            0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00, 0x04,
            0x1c,
        ],
        HashAlgorithm::Sha256 => &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
            0x20,
        ],
        HashAlgorithm::Sha384 => &[
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04,
            0x30,
        ],
        HashAlgorithm::Sha512 => &[
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04,
            0x40,
        ],
    }
}

/// A PKCS#11 ECDSA signature (r ‖ s, each the curve's size) as the DER
/// `ECDSA-Sig-Value` (SEC 1 §C.5) KMIP clients and the software engine use.
fn ecdsa_raw_to_der(raw: &[u8]) -> Vec<u8> {
    let (r, s) = raw.split_at(raw.len() / 2);
    let r = der_integer(r);
    let s = der_integer(s);
    let mut out = vec![0x30];
    der_length(&mut out, r.len() + s.len());
    out.extend_from_slice(&r);
    out.extend_from_slice(&s);
    out
}

fn der_integer(unsigned: &[u8]) -> Vec<u8> {
    let trimmed: &[u8] = match unsigned.iter().position(|b| *b != 0) {
        Some(first) => &unsigned[first..],
        None => &[0],
    };
    let mut body = Vec::with_capacity(trimmed.len() + 1);
    if trimmed[0] & 0x80 != 0 {
        body.push(0);
    }
    body.extend_from_slice(trimmed);
    let mut out = vec![0x02];
    der_length(&mut out, body.len());
    out.extend_from_slice(&body);
    out
}

fn der_length(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        out.extend_from_slice(&[0x81, len as u8]);
    }
}

/// The DER `ECDSA-Sig-Value` as r ‖ s of `scalar_len` bytes each (0: the
/// larger of the two, rounded to a curve size); None if it is not one.
fn ecdsa_der_to_raw(der: &[u8], scalar_len: usize) -> Option<Vec<u8>> {
    let (tag, body, rest) = der_item(der)?;
    if tag != 0x30 || !rest.is_empty() {
        return None;
    }
    let (r_tag, r, after_r) = der_item(body)?;
    let (s_tag, s, after_s) = der_item(after_r)?;
    if r_tag != 0x02 || s_tag != 0x02 || !after_s.is_empty() {
        return None;
    }
    let strip = |x: &'_ [u8]| -> Vec<u8> { x.iter().skip_while(|b| **b == 0).copied().collect() };
    let (r, s) = (strip(r), strip(s));
    let len = if scalar_len > 0 {
        scalar_len
    } else {
        match r.len().max(s.len()) {
            0..=32 => 32,
            33..=48 => 48,
            _ => 66,
        }
    };
    if r.len() > len || s.len() > len {
        return None;
    }
    let mut out = vec![0u8; 2 * len];
    out[len - r.len()..len].copy_from_slice(&r);
    out[2 * len - s.len()..].copy_from_slice(&s);
    Some(out)
}

/// One DER item: its tag, contents and what follows it.
fn der_item(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = match first {
        n if n < 0x80 => (usize::from(n), rest),
        0x81 => {
            let (&n, rest) = rest.split_first()?;
            (usize::from(n), rest)
        }
        _ => return None,
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// Generates a key pair with `id` and `label`; the public key as
/// SubjectPublicKeyInfo.
fn generate_key_pair(
    inner: &Inner,
    session: &Session,
    spec: KeyPairSpec,
    id: &[u8],
    label: &str,
) -> Result<Vec<u8>, KmsError> {
    let common = |private: bool| {
        vec![
            Attribute::Token(true),
            Attribute::Id(id.to_vec()),
            Attribute::Label(label.as_bytes().to_vec()),
            if private { Attribute::Sign(true) } else { Attribute::Verify(true) },
        ]
    };
    let mut private = common(true);
    private.extend([Attribute::Private(true), Attribute::Sensitive(true), Attribute::Extractable(false)]);
    let mut public = common(false);
    let (mechanism, curve) = match spec {
        KeyPairSpec::Rsa { bits } => {
            public.extend([Attribute::ModulusBits(ulong(bits as usize)), Attribute::PublicExponent(vec![1, 0, 1])]);
            (Mechanism::RsaPkcsKeyPairGen, None)
        }
        KeyPairSpec::Ec(curve) => {
            // The named curve's OID, DER (RFC 5480 §2.1.1.1).
            let params = match curve {
                Curve::P256 => vec![0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
                Curve::P384 => vec![0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22],
            };
            public.push(Attribute::EcParams(params));
            (Mechanism::EccKeyPairGen, Some(curve))
        }
        other => return Err(KmsError::Unsupported(format!("{other:?} key pairs in a PKCS#11 token"))),
    };
    let (public_handle, _) = session
        .generate_key_pair(&mechanism, &public, &private)
        .map_err(|e| token_error(inner, "C_GenerateKeyPair", e))?;
    let wanted = match curve {
        None => vec![AttributeType::Modulus, AttributeType::PublicExponent],
        Some(_) => vec![AttributeType::EcPoint],
    };
    let values =
        session.get_attributes(public_handle, &wanted).map_err(|e| token_error(inner, "C_GetAttributeValue", e))?;
    let bad = |what: &str| KmsError::Internal(format!("token {}: the new public key's {what}", inner.label));
    let spki = match curve {
        None => {
            let n = values.iter().find_map(|a| match a {
                Attribute::Modulus(n) => Some(n.clone()),
                _ => None,
            });
            let e = values.iter().find_map(|a| match a {
                Attribute::PublicExponent(e) => Some(e.clone()),
                _ => None,
            });
            let (n, e) = n.zip(e).ok_or_else(|| bad("modulus or exponent is missing"))?;
            let pkcs1 = formats::rsa_public_from_components(&n, &e).map_err(|e| bad(&e.to_string()))?;
            formats::public_to_spki(&pkcs1).map_err(|e| bad(&e.to_string()))?
        }
        Some(curve) => {
            let point = values
                .iter()
                .find_map(|a| match a {
                    Attribute::EcPoint(p) => Some(p.clone()),
                    _ => None,
                })
                .ok_or_else(|| bad("EC point is missing"))?;
            // CKA_EC_POINT is the DER OCTET STRING holding the point.
            let point = match der_item(&point) {
                Some((0x04, inner_point, [])) => inner_point.to_vec(),
                _ => point,
            };
            let kind = if curve == Curve::P256 { AsymmetricKind::EcP256 } else { AsymmetricKind::EcP384 };
            formats::ec_public_from_point(kind, &point).map_err(|e| bad(&e.to_string()))?
        }
    };
    Ok(spki)
}

/// The size in bytes of the scalars of the EC key `handle`'s curve.
fn ec_scalar_len(inner: &Inner, session: &Session, handle: ObjectHandle) -> Result<usize, KmsError> {
    let params = session
        .get_attributes(handle, &[AttributeType::EcParams])
        .map_err(|e| token_error(inner, "C_GetAttributeValue", e))?;
    match params.first() {
        Some(Attribute::EcParams(oid)) if oid.as_slice() == [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22] => Ok(48),
        Some(Attribute::EcParams(oid))
            if oid.as_slice() == [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07] =>
        {
            Ok(32)
        }
        _ => Err(KmsError::Unsupported(format!("the curve of a key in token {}", inner.label))),
    }
}

/// The key of `class` with `CKA_ID` `id`.
fn key_of_class(inner: &Inner, session: &Session, class: ObjectClass, id: &[u8]) -> Result<ObjectHandle, KmsError> {
    let found = find(session, &[Attribute::Class(class), Attribute::Id(id.to_vec())])
        .map_err(|e| token_error_message(inner, &e.to_string()))?;
    found.first().copied().ok_or_else(|| {
        KmsError::Crypto(format!("token {} holds no {class} with CKA_ID {}", inner.label, hex::encode(id)))
    })
}

fn ulong(n: usize) -> cryptoki::types::Ulong {
    (n as u64).into()
}

/// `len` bytes from the token's RNG.
fn random(session: &Session, len: usize) -> Result<Vec<u8>, KmsError> {
    let mut out = vec![0u8; len];
    session.generate_random_slice(&mut out).map_err(|e| KmsError::Crypto(format!("C_GenerateRandom failed: {e}")))?;
    Ok(out)
}

/// Generates a sensitive, non-extractable AES key on the token.
fn generate_aes(session: &Session, bits: u32, id: &[u8], label: &str) -> Result<ObjectHandle, KmsError> {
    let template = [
        Attribute::Class(ObjectClass::SECRET_KEY),
        Attribute::KeyType(KeyType::AES),
        Attribute::ValueLen(ulong(bits as usize / 8)),
        Attribute::Token(true),
        Attribute::Private(true),
        Attribute::Sensitive(true),
        Attribute::Extractable(false),
        Attribute::Encrypt(true),
        Attribute::Decrypt(true),
        Attribute::Id(id.to_vec()),
        Attribute::Label(label.as_bytes().to_vec()),
    ];
    session
        .generate_key(&Mechanism::AesKeyGen, &template)
        .map_err(|e| KmsError::Crypto(format!("C_GenerateKey failed: {e}")))
}

fn find(session: &Session, template: &[Attribute]) -> Result<Vec<ObjectHandle>, KmsError> {
    session.find_objects(template).map_err(|e| KmsError::Crypto(format!("C_FindObjects failed: {e}")))
}

/// The secret key with `CKA_ID` `id`.
fn key_by_id(inner: &Inner, session: &Session, id: &[u8]) -> Result<ObjectHandle, KmsError> {
    let found = find(session, &[Attribute::Class(ObjectClass::SECRET_KEY), Attribute::Id(id.to_vec())])
        .map_err(|e| token_error_message(inner, &e.to_string()))?;
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(KmsError::Crypto(format!("token {} holds no key with CKA_ID {}", inner.label, hex::encode(id)))),
        _ => Err(KmsError::Crypto(format!("token {} holds several keys with CKA_ID {}", inner.label, hex::encode(id)))),
    }
}

/// The secret key labelled `label`.
fn key_by_label(inner: &Inner, session: &Session, label: &str) -> Result<ObjectHandle, KmsError> {
    let found =
        find(session, &[Attribute::Class(ObjectClass::SECRET_KEY), Attribute::Label(label.as_bytes().to_vec())])
            .map_err(|e| token_error_message(inner, &e.to_string()))?;
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(KmsError::Crypto(format!("token {} holds no key labelled {label:?}", inner.label))),
        _ => Err(KmsError::Crypto(format!("token {} holds several keys labelled {label:?}", inner.label))),
    }
}

/// A token failure: the detail goes to the log, the client gets General
/// Failure (STYLE §4).
fn token_error(inner: &Inner, call: &str, e: CkError) -> KmsError {
    token_error_message(inner, &format!("{call}: {e}"))
}

fn token_error_message(inner: &Inner, message: &str) -> KmsError {
    warn!(token = %inner.label, error = %message, "PKCS#11 call failed");
    KmsError::Internal(format!("PKCS#11 token {}: {message}", inner.label))
}

/// An encryption's failure: bad input lengths are the client's.
fn data_error(inner: &Inner, call: &str, e: CkError) -> KmsError {
    match e {
        CkError::Pkcs11(RvError::DataLenRange | RvError::DataInvalid, _) => {
            KmsError::InvalidField("the data does not suit the cipher (length or padding)".into())
        }
        other => token_error(inner, call, other),
    }
}

/// A decryption's failure: ciphertext that does not decrypt (a tag or a
/// padding that does not check) is Authentication Failed.
fn decrypt_error(inner: &Inner, e: CkError) -> KmsError {
    match e {
        CkError::Pkcs11(RvError::EncryptedDataInvalid | RvError::EncryptedDataLenRange | RvError::GeneralError, _) => {
            KmsError::AuthenticationFailed("the ciphertext does not decrypt under this key".into())
        }
        other => token_error(inner, "C_Decrypt", other),
    }
}

/// The software engine with a PKCS#11 token attached: keys the token holds
/// are used there ([`CryptoEngine::token`]); everything else is software.
pub struct HsmEngine {
    software: Arc<dyn CryptoEngine>,
    token: Pkcs11Token,
}

impl fmt::Debug for HsmEngine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HsmEngine").field("token", &self.token).finish_non_exhaustive()
    }
}

impl HsmEngine {
    /// `software` with `token` attached.
    pub fn new(software: Arc<dyn CryptoEngine>, token: Pkcs11Token) -> HsmEngine {
        HsmEngine { software, token }
    }

    /// The token, for the root-key API ([`Pkcs11Token::wrap_with`]).
    pub fn pkcs11_token(&self) -> &Pkcs11Token {
        &self.token
    }
}

impl CryptoEngine for HsmEngine {
    fn generate_key(&self, len: usize) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        self.software.generate_key(len)
    }
    fn random(&self, buf: &mut [u8]) -> Result<(), KmsError> {
        self.software.random(buf)
    }
    fn seed(&self, data: &[u8]) -> usize {
        self.software.seed(data)
    }
    fn digest(&self, algorithm: HashAlgorithm, data: &[u8]) -> Vec<u8> {
        self.software.digest(algorithm, data)
    }
    fn generate_key_pair(&self, spec: KeyPairSpec) -> Result<GeneratedKeyPair, KmsError> {
        self.software.generate_key_pair(spec)
    }
    fn encrypt(&self, key: KeyRef<'_>, params: &CipherParams<'_>, data: &[u8]) -> Result<EncryptOutput, KmsError> {
        self.software.encrypt(key, params, data)
    }
    fn encrypt_stream(&self, key: KeyRef<'_>, params: &CipherParams<'_>) -> Result<OpenedStream, KmsError> {
        self.software.encrypt_stream(key, params)
    }
    fn decrypt(
        &self,
        key: KeyRef<'_>,
        params: &CipherParams<'_>,
        data: &[u8],
        tag: Option<&[u8]>,
    ) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        self.software.decrypt(key, params, data, tag)
    }
    fn sign(&self, key: KeyRef<'_>, scheme: SignatureScheme, input: SignInput<'_>) -> Result<Vec<u8>, KmsError> {
        self.software.sign(key, scheme, input)
    }
    fn verify(
        &self,
        key: KeyRef<'_>,
        scheme: SignatureScheme,
        input: SignInput<'_>,
        signature: &[u8],
    ) -> Result<bool, KmsError> {
        self.software.verify(key, scheme, input, signature)
    }
    fn mac(&self, key: KeyRef<'_>, algorithm: MacAlgorithm, data: &[u8]) -> Result<Vec<u8>, KmsError> {
        self.software.mac(key, algorithm, data)
    }
    fn derive(&self, derivation: &Derivation<'_>, secret: &[u8], len: usize) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        self.software.derive(derivation, secret, len)
    }
    fn token(&self) -> Option<&dyn Token> {
        Some(&self.token)
    }
}

/// A SoftHSM2 token for tests, in a temporary directory. SoftHSM2 reads its
/// configuration (`SOFTHSM2_CONF`) when the library is initialised, once per
/// process, and this crate cannot change its own environment (no unsafe
/// code), so a test that uses the token runs in a child process: the parent
/// makes the token, then runs one `#[ignore]`d test of its own binary with
/// `SOFTHSM2_CONF` and the token's label and PIN in the child's environment.
#[cfg(test)]
pub(crate) mod softhsm {
    use std::path::PathBuf;
    use std::process::Command;

    use zeroize::Zeroizing;

    use super::{DEFAULT_LIBRARY, Pkcs11Settings, Pkcs11Token};

    /// The token label the child finds in `KMS_TEST_HSM_LABEL`.
    pub(crate) const LABEL_VAR: &str = "KMS_TEST_HSM_LABEL";
    /// The user PIN the child finds in `KMS_TEST_HSM_PIN`.
    pub(crate) const PIN_VAR: &str = "KMS_TEST_HSM_PIN";

    /// A token initialised in its own directory, removed when dropped.
    pub(crate) struct SoftHsm {
        dir: PathBuf,
        conf: PathBuf,
        label: String,
        pin: String,
    }

    impl SoftHsm {
        /// Initialises a fresh token (`softhsm2-util --init-token --free`).
        pub(crate) fn new(name: &str) -> SoftHsm {
            let dir = std::env::temp_dir().join(format!("kms-softhsm-{name}-{}", uuid::Uuid::new_v4()));
            std::fs::create_dir_all(dir.join("tokens")).expect("token dir");
            let conf = dir.join("softhsm2.conf");
            std::fs::write(
                &conf,
                format!(
                    "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
                    dir.join("tokens").display()
                ),
            )
            .expect("softhsm2.conf");
            let label = format!("kms-{name}");
            let pin = "4711-test-pin".to_owned();
            let out = Command::new("softhsm2-util")
                .args(["--init-token", "--free", "--label", &label, "--so-pin", "so-4711", "--pin", &pin])
                .env("SOFTHSM2_CONF", &conf)
                .output()
                .expect("softhsm2-util runs (Debian package softhsm2)");
            assert!(out.status.success(), "softhsm2-util: {}", String::from_utf8_lossy(&out.stderr));
            SoftHsm { dir, conf, label, pin }
        }

        /// Runs the test `name` (its full path) of this test binary in a
        /// child process that sees this token; asserts that it passed.
        pub(crate) fn run_child(&self, name: &str) {
            let exe = std::env::current_exe().expect("test binary");
            let out = Command::new(exe)
                .args([name, "--exact", "--ignored", "--nocapture", "--test-threads=1"])
                .env("SOFTHSM2_CONF", &self.conf)
                .env(LABEL_VAR, &self.label)
                .env(PIN_VAR, &self.pin)
                .output()
                .expect("the test binary runs");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stdout.contains("1 passed"),
                "child test {name} failed:\n{stdout}\n{stderr}"
            );
        }
    }

    impl Drop for SoftHsm {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    /// In a child test: the token the parent made, opened.
    pub(crate) fn child_token() -> Pkcs11Token {
        let (label, pin) = child_env();
        Pkcs11Token::open(Pkcs11Settings {
            library: DEFAULT_LIBRARY.into(),
            token_label: label,
            pin: Zeroizing::new(pin),
            max_sessions: 2,
        })
        .expect("the token opens")
    }

    /// In a child test: the token's label and PIN.
    pub(crate) fn child_env() -> (String, String) {
        match (std::env::var(LABEL_VAR), std::env::var(PIN_VAR), std::env::var("SOFTHSM2_CONF")) {
            (Ok(label), Ok(pin), Ok(_)) => (label, pin),
            _ => panic!("this test runs in a child process started by its parent test (SoftHsm::run_child)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::softhsm::{SoftHsm, child_token};
    use super::*;
    use crate::crypto::SoftwareEngine;

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
        use crate::crypto::{Curve, HashAlgorithm, KeyKind};
        let token = child_token();
        let software = SoftwareEngine::new();
        let message = b"a message signed inside the token";
        let cases = [
            (KeyPairSpec::Rsa { bits: 2048 }, KeyKind::RsaPublic, SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha256)),
            (KeyPairSpec::Rsa { bits: 2048 }, KeyKind::RsaPublic, SignatureScheme::RsaPss(HashAlgorithm::Sha384)),
            (
                KeyPairSpec::Ec(Curve::P256),
                KeyKind::EcPublic(Curve::P256),
                SignatureScheme::Ecdsa(HashAlgorithm::Sha256),
            ),
            (
                KeyPairSpec::Ec(Curve::P384),
                KeyKind::EcPublic(Curve::P384),
                SignatureScheme::Ecdsa(HashAlgorithm::Sha384),
            ),
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
            let attributes = session
                .get_attributes(private, &[AttributeType::Extractable, AttributeType::Sensitive])
                .expect("attrs");
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
}
