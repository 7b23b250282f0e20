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

mod asymmetric;
#[cfg(test)]
pub(crate) mod softhsm;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use async_trait::async_trait;
use cryptoki::context::{CInitializeArgs, Pkcs11};
use cryptoki::error::{Error as CkError, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::mechanism::aead::GcmParams;
use cryptoki::object::{Attribute, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use tokio::sync::Semaphore;
use tracing::{info, warn};
use zeroize::Zeroizing;

use self::asymmetric::{
    OwnedInput, SignPlan, ec_scalar_len, ecdsa_der_to_raw, ecdsa_raw_to_der, generate_key_pair, key_of_class,
};
use super::{
    Cipher, CipherParams, CryptoEngine, Derivation, EncryptOutput, GeneratedKeyPair, HashAlgorithm, KeyPairSpec,
    KeyRef, MacAlgorithm, OpenedStream, Padding, Pkcs11Reply, RootToken, SignInput, SignatureScheme, Token, TokenKey,
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
        self.run(move |inner, session| generate_wrapping_key_in(inner, session, &label)).await
    }

    /// Encrypts `plaintext` under the token's key labelled `label` with
    /// AES-256-GCM and `aad` as additional data: nonce (12 bytes) ‖
    /// ciphertext ‖ tag (16 bytes). The key never leaves the token.
    pub async fn wrap_with(&self, label: &str, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, KmsError> {
        let label = label.to_owned();
        let plaintext = Zeroizing::new(plaintext.to_vec());
        let aad = aad.to_vec();
        self.run(move |inner, session| wrap_in(inner, session, &label, &plaintext, &aad)).await
    }

    /// Reverses [`Pkcs11Token::wrap_with`]: Authentication Failed if the
    /// bytes or `aad` were changed, or another key sealed them.
    pub async fn unwrap_with(&self, label: &str, wrapped: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        let label = label.to_owned();
        let wrapped = wrapped.to_vec();
        let aad = aad.to_vec();
        self.run(move |inner, session| unwrap_in(inner, session, &label, &wrapped, &aad)).await
    }

    /// Runs `f` with a session on the calling thread (moved off the async
    /// executor's core threads when called from one): for the root key's
    /// rare wrap and unwrap calls, which the key hierarchy makes
    /// synchronously.
    fn run_here<R>(&self, f: impl FnOnce(&Inner, &Session) -> Result<R, KmsError>) -> Result<R, KmsError> {
        let call = || {
            let session = self.inner.session()?;
            let result = f(&self.inner, &session);
            if !matches!(result, Err(KmsError::Internal(_))) {
                self.inner.put_back(session);
            }
            result
        };
        match tokio::runtime::Handle::try_current() {
            Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(call)
            }
            _ => call(),
        }
    }
}

/// See [`Pkcs11Token::generate_wrapping_key`].
fn generate_wrapping_key_in(inner: &Inner, session: &Session, label: &str) -> Result<(), KmsError> {
    if !find(session, &[Attribute::Class(ObjectClass::SECRET_KEY), Attribute::Label(label.as_bytes().to_vec())])?
        .is_empty()
    {
        return Err(KmsError::InvalidField(format!("token {} already has a key labelled {label:?}", inner.label)));
    }
    let id = random(session, KEY_ID_LEN)?;
    generate_aes(session, 256, &id, label)?;
    Ok(())
}

/// See [`Pkcs11Token::wrap_with`].
fn wrap_in(inner: &Inner, session: &Session, label: &str, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, KmsError> {
    let key = key_by_label(inner, session, label)?;
    let mut nonce = random(session, WRAP_NONCE_LEN)?;
    let kept = nonce.clone();
    let params = GcmParams::new(&mut nonce, aad, ulong(WRAP_TAG_LEN * 8))
        .map_err(|e| token_error(inner, "AES-GCM parameters", e))?;
    let sealed =
        session.encrypt(&Mechanism::AesGcm(params), key, plaintext).map_err(|e| token_error(inner, "C_Encrypt", e))?;
    let mut out = kept;
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// See [`Pkcs11Token::unwrap_with`].
fn unwrap_in(
    inner: &Inner,
    session: &Session,
    label: &str,
    wrapped: &[u8],
    aad: &[u8],
) -> Result<Zeroizing<Vec<u8>>, KmsError> {
    if wrapped.len() < WRAP_NONCE_LEN + WRAP_TAG_LEN {
        return Err(KmsError::AuthenticationFailed("the wrapped value is too short".into()));
    }
    let key = key_by_label(inner, session, label)?;
    let mut nonce = wrapped[..WRAP_NONCE_LEN].to_vec();
    let params = GcmParams::new(&mut nonce, aad, ulong(WRAP_TAG_LEN * 8))
        .map_err(|e| token_error(inner, "AES-GCM parameters", e))?;
    session
        .decrypt(&Mechanism::AesGcm(params), key, &wrapped[WRAP_NONCE_LEN..])
        .map(Zeroizing::new)
        .map_err(|e| decrypt_error(inner, e))
}

/// The block a root key's check value encrypts (AES-ECB), so the value is
/// the same on every start and names the key without revealing it.
const CHECK_BLOCK: &[u8; 16] = b"kms root key kcv";

impl RootToken for Pkcs11Token {
    fn root_generate(&self, label: &str) -> Result<(), KmsError> {
        self.run_here(|inner, session| generate_wrapping_key_in(inner, session, label))
    }

    fn root_wrap(&self, label: &str, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, KmsError> {
        self.run_here(|inner, session| wrap_in(inner, session, label, plaintext, aad))
    }

    fn root_unwrap(&self, label: &str, wrapped: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        self.run_here(|inner, session| unwrap_in(inner, session, label, wrapped, aad))
    }

    fn root_check_value(&self, label: &str) -> Result<[u8; 8], KmsError> {
        self.run_here(|inner, session| {
            let key = key_by_label(inner, session, label)?;
            let block = session
                .encrypt(&Mechanism::AesEcb, key, CHECK_BLOCK)
                .map_err(|e| token_error(inner, "C_Encrypt (check value)", e))?;
            block
                .get(..8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .ok_or_else(|| token_error_message(inner, "the check value block is short"))
        })
    }

    fn token_label(&self) -> &str {
        &self.inner.label
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
    async fn pkcs11(&self, function: u32, correlation: Option<&[u8]>, _input: &[u8]) -> Result<Pkcs11Reply, KmsError> {
        let correlation = correlation.map(<[u8]>::to_vec);
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
    fn root_token(&self) -> Option<Arc<dyn RootToken>> {
        Some(Arc::new(self.token.clone()))
    }
}
