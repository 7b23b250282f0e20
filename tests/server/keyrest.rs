//! Keys over REST (`/api/v1/kms/keys`, docs/keys-rest.md) on a real
//! server over real HTTPS, with client certificates from the data dir's CA:
//! `alice` owns keys, `bob` is another identity. Every call runs through
//! the KMIP engine: the same objects (visible over the KMIP port), the same
//! grants and the same audit chain.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use kmip_ttlv::enums::{Operation, ResultStatus};
use kmip_ttlv::model::{RequestBatchItem, ResponseMessage};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{ProtocolVersion, Tag};
use kms::access::{Change, Scope};
use kms::audit::Entry;
use kms::server::RunningServer;
use rustls::pki_types::ServerName;
use serde_json::{Value, json};
use tokio::net::TcpStream;

use crate::access::{Client as KmipClient, change};
use crate::support::{Identity, TempDir, Versions, client_with_alpn, payload, request, start};

const KEYS: &str = "/api/v1/kms/keys";

/// An HTTP/1.1 connection to the side listener as one identity (or none).
pub struct Http {
    sender: hyper::client::conn::http1::SendRequest<Full<Bytes>>,
    bearer: Option<String>,
}

/// A JSON reply.
pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

impl Reply {
    /// Asserts success; the body.
    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, StatusCode::OK, "{}", self.body);
        &self.body
    }

    /// Asserts an Infisical-shaped error.
    #[track_caller]
    pub fn refused(&self, status: StatusCode, name: &str) -> &str {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.body["statusCode"], status.as_u16(), "{}", self.body);
        assert_eq!(self.body["error"], name, "{}", self.body);
        assert!(self.body["reqId"].as_str().is_some_and(|r| r.starts_with("req-")), "{}", self.body);
        self.body["message"].as_str().expect("a message")
    }
}

impl Http {
    /// Connects with the client certificate of `name` (issued on first
    /// use), or none.
    pub async fn connect(server: &RunningServer, name: Option<&str>) -> Http {
        let identity = name.map(|name| {
            let certs = server.data_dir().join("certs");
            if !certs.join(format!("{name}.pem")).exists() {
                kms::pki::issue(server.data_dir(), name, &certs).expect("issue a client certificate");
            }
            Identity::from_files(&certs.join(format!("{name}.pem")), &certs.join(format!("{name}.key")))
        });
        let connector = client_with_alpn(server.data_dir(), identity, Versions::Both, &[b"http/1.1"]);
        let tcp = TcpStream::connect(server.http_addr()).await.expect("connects");
        let tls = connector.connect(ServerName::try_from("localhost").expect("name"), tcp).await.expect("handshake");
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tls)).await.expect("HTTP/1.1");
        tokio::spawn(connection);
        Http { sender, bearer: None }
    }

    /// Sends `Authorization: Bearer TOKEN` with every request from now on.
    pub fn with_bearer(mut self, token: &str) -> Http {
        self.bearer = Some(token.to_owned());
        self
    }

    /// Sends a request with a JSON body (or none); the reply.
    pub async fn call(&mut self, method: &str, path: &str, body: Option<Value>) -> Reply {
        let (content_type, bytes) = match body {
            Some(body) => (Some("application/json"), body.to_string().into_bytes()),
            None => (None, Vec::new()),
        };
        let (status, body) = self.raw(method, path, content_type, bytes).await;
        let body = serde_json::from_slice(&body).unwrap_or_else(|e| panic!("JSON ({e}): {body:?}"));
        Reply { status, body }
    }

    /// Sends a request with a body of `content_type`; the status and body.
    pub async fn raw(
        &mut self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        bytes: Vec<u8>,
    ) -> (StatusCode, Bytes) {
        let mut request = Request::builder().method(method).uri(path).header("host", "localhost");
        if let Some(token) = &self.bearer {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let request = request.body(Full::new(Bytes::from(bytes))).expect("request");
        let response = tokio::time::timeout(Duration::from_secs(60), async {
            self.sender.ready().await?;
            self.sender.send_request(request).await
        })
        .await
        .expect("an answer in time")
        .expect("a response");
        let (parts, body) = response.into_parts();
        (parts.status, body.collect().await.expect("body").to_bytes())
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        self.call("GET", path, None).await
    }

    pub async fn post(&mut self, path: &str, body: Value) -> Reply {
        self.call("POST", path, Some(body)).await
    }

    /// Creates a key; its JSON.
    pub async fn create(&mut self, body: Value) -> Value {
        self.post(KEYS, body).await.ok()["key"].clone()
    }

    /// Encrypts `plaintext` with key `id`; the ciphertext.
    pub async fn encrypt(&mut self, id: &str, plaintext: &[u8]) -> String {
        let reply = self.post(&format!("{KEYS}/{id}/encrypt"), json!({ "plaintext": BASE64.encode(plaintext) })).await;
        reply.ok()["ciphertext"].as_str().expect("ciphertext").to_owned()
    }

    /// Decrypts `ciphertext` with key `id`; the reply.
    pub async fn decrypt(&mut self, id: &str, ciphertext: &str) -> Reply {
        self.post(&format!("{KEYS}/{id}/decrypt"), json!({ "ciphertext": ciphertext })).await
    }
}

/// The plaintext of a successful decrypt reply.
#[track_caller]
fn plaintext(reply: &Reply) -> Vec<u8> {
    BASE64.decode(reply.ok()["plaintext"].as_str().expect("plaintext")).expect("base64")
}

fn ids(list: &Value) -> Vec<String> {
    list["keys"].as_array().expect("keys").iter().map(|k| k["id"].as_str().expect("id").to_owned()).collect()
}

/// The (operation, identity, result) of every `http` audit record, read
/// from the store after the server stopped.
async fn http_records(server: RunningServer) -> Vec<(String, String, String, String)> {
    let kms = server.kms().clone();
    server.shutdown().await.expect("shutdown");
    let entries = kms::audit::read_entries(kms.store().as_ref()).await.expect("entries");
    entries
        .into_iter()
        .filter_map(|(_, entry)| match entry {
            Entry::Operation(r) if r.channel == "http" => Some((r.operation, r.kind, r.identity, r.result)),
            _ => None,
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn aes_keys_encrypt_decrypt_make_data_keys_rotate_and_are_kmip_objects() {
    let dir = TempDir::new("keyrest-aes");
    let server = start(&dir, |_| {}).await;
    let mut alice = Http::connect(&server, Some("alice")).await;

    let spaced = alice.create(json!({ "name": "two words" })).await;
    let found = alice.get(&format!("{KEYS}/key-name/two%20words")).await;
    assert_eq!(found.ok()["key"]["id"], spaced["id"], "a percent-encoded name");
    let key = alice.create(json!({ "name": "orders", "description": "order rows", "projectId": "ignored" })).await;
    let id = key["id"].as_str().expect("id").to_owned();
    assert_eq!(key["name"], "orders");
    assert_eq!(key["description"], "order rows");
    assert_eq!(key["encryptionAlgorithm"], "aes-256-gcm");
    assert_eq!(key["keyUsage"], "encrypt-decrypt");
    assert_eq!(key["state"], "Active");
    assert_eq!(key["isDisabled"], false);
    assert!(key["createdAt"].as_str().is_some_and(|d| d.ends_with('Z')), "{key}");
    assert_eq!(alice.get(&format!("{KEYS}/{id}/")).await.ok()["key"], key, "metadata, trailing slash accepted");

    // Round trip; two encryptions differ (fresh IV); the ciphertext names
    // the key and carries IV and tag.
    let ciphertext = alice.encrypt(&id, b"attack at dawn").await;
    assert_ne!(ciphertext, alice.encrypt(&id, b"attack at dawn").await);
    let raw = BASE64.decode(&ciphertext).expect("base64");
    assert_eq!(raw[0], 0x01);
    assert_eq!(&raw[2..2 + id.len()], id.as_bytes());
    assert_eq!(raw[2 + id.len()], 12, "a 96-bit GCM IV");
    assert_eq!(raw.len(), 2 + id.len() + 1 + 12 + 1 + 16 + 14);
    assert_eq!(plaintext(&alice.decrypt(&id, &ciphertext).await), b"attack at dawn");
    let empty = alice.encrypt(&id, b"").await;
    assert_eq!(plaintext(&alice.decrypt(&id, &empty).await), b"");

    // Tampering with data, tag, IV or header is refused.
    for at in [raw.len() - 1, raw.len() - 20, 2 + id.len() + 3, 2] {
        let mut bad = raw.clone();
        bad[at] ^= 0x01;
        alice.decrypt(&id, &BASE64.encode(&bad)).await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    }
    alice.decrypt(&id, &BASE64.encode(&raw[..10])).await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    alice.decrypt(&id, "not base64!").await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    let message = alice
        .post(&format!("{KEYS}/{id}/encrypt"), json!({ "plaintext": "%%%" }))
        .await
        .refused(StatusCode::BAD_REQUEST, "BadRequest")
        .to_owned();
    assert!(message.contains("base64"), "{message}");
    let message = alice
        .post(&format!("{KEYS}/{id}/encrypt"), json!({}))
        .await
        .refused(StatusCode::BAD_REQUEST, "BadRequest")
        .to_owned();
    assert!(message.contains("plaintext"), "{message}");
    alice
        .post(&format!("{KEYS}/{id}/encrypt"), json!({ "plaintext": 7 }))
        .await
        .refused(StatusCode::BAD_REQUEST, "BadRequest");
    // The wrong algorithm for the key, a missing key, a bad algorithm.
    alice
        .post(&format!("{KEYS}/{id}/sign"), json!({ "data": "aGk=", "signingAlgorithm": "ECDSA_SHA_256" }))
        .await
        .refused(StatusCode::BAD_REQUEST, "BadRequest");
    alice.get(&format!("{KEYS}/{id}/public-key")).await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    let missing = "00000000-0000-4000-8000-000000000000";
    alice.get(&format!("{KEYS}/{missing}")).await.refused(StatusCode::NOT_FOUND, "NotFound");
    alice
        .post(&format!("{KEYS}/{missing}/encrypt"), json!({ "plaintext": "aGk=" }))
        .await
        .refused(StatusCode::NOT_FOUND, "NotFound");
    alice.post(KEYS, json!({ "encryptionAlgorithm": "des-56" })).await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    let unnamed = alice.call("POST", KEYS, None).await;
    assert_eq!(unnamed.ok()["key"]["encryptionAlgorithm"], "aes-256-gcm", "an empty body makes a default key");
    let unnamed = unnamed.body["key"]["id"].as_str().expect("id").to_owned();
    alice
        .call("DELETE", &format!("{KEYS}/{unnamed}"), None)
        .await
        .refused(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed");
    alice.post(&format!("{KEYS}/{id}/fly"), json!({})).await.refused(StatusCode::NOT_FOUND, "NotFound");

    // A data key: its wrapped form decrypts to its plaintext form.
    let reply = alice.call("POST", &format!("{KEYS}/{id}/data-key"), None).await;
    let data_key = reply.ok();
    let plain_key = BASE64.decode(data_key["plaintextKey"].as_str().expect("plaintextKey")).expect("base64");
    assert_eq!(plain_key.len(), 32);
    let wrapped = data_key["ciphertextKey"].as_str().expect("ciphertextKey");
    assert_eq!(plaintext(&alice.decrypt(&id, wrapped).await), plain_key);
    let short = alice.post(&format!("{KEYS}/{id}/data-key"), json!({ "bits": 128 })).await;
    assert_eq!(BASE64.decode(short.ok()["plaintextKey"].as_str().expect("key")).expect("base64").len(), 16);

    // Rotate: a new key replaces the old; old ciphertexts still decrypt,
    // given the old or the new id; new ones are made with the new id.
    let rotated = alice.post(&format!("{KEYS}/{id}/rotate"), json!({})).await;
    let rotated = rotated.ok();
    assert_eq!(rotated["previousKeyId"], id.as_str());
    let new_id = rotated["key"]["id"].as_str().expect("new id").to_owned();
    assert_ne!(new_id, id);
    assert_eq!(rotated["key"]["replacedKeyId"], id.as_str());
    assert_eq!(rotated["key"]["name"], "orders", "the name moves to the new key");
    assert_eq!(rotated["key"]["state"], "Active");
    assert_eq!(alice.get(&format!("{KEYS}/{id}")).await.ok()["key"]["replacementKeyId"], new_id.as_str());
    assert_eq!(plaintext(&alice.decrypt(&new_id, &ciphertext).await), b"attack at dawn");
    assert_eq!(plaintext(&alice.decrypt(&id, &ciphertext).await), b"attack at dawn");
    let newer = alice.encrypt(&new_id, b"v2").await;
    assert_eq!(plaintext(&alice.decrypt(&new_id, &newer).await), b"v2");
    // A ciphertext of the newer key is not the older key's to decrypt.
    alice.decrypt(&id, &newer).await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    // ... nor of an unrelated key's.
    let other = alice.create(json!({ "name": "other" })).await;
    let other_id = other["id"].as_str().expect("id");
    alice.decrypt(other_id, &ciphertext).await.refused(StatusCode::BAD_REQUEST, "BadRequest");

    let list = alice.get(KEYS).await;
    let listed = ids(list.ok());
    assert_eq!(list.body["totalCount"], 5);
    for key in [&id, &new_id, &other_id.to_owned()] {
        assert!(listed.contains(key), "{key} in {listed:?}");
    }
    let by_name = alice.get(&format!("{KEYS}/key-name/orders")).await;
    assert_eq!(by_name.ok()["key"]["id"], new_id.as_str(), "the name moved to the newest key");
    alice.get(&format!("{KEYS}/key-name/nothing")).await.refused(StatusCode::NOT_FOUND, "NotFound");
    let searched = alice.get(&format!("{KEYS}?search=oth&limit=10&offset=0")).await;
    assert_eq!(ids(searched.ok()), vec![other_id.to_owned()]);
    assert_eq!(ids(alice.get(&format!("{KEYS}?limit=1&offset=1")).await.ok()).len(), 1);

    // The REST key is a KMIP object: Get by the same id on the KMIP port.
    let mut kmip = KmipClient::connect(&server, "alice").await;
    let response = kmip
        .send(
            ProtocolVersion::V2_1,
            vec![RequestBatchItem::new(
                Operation::GET,
                payload(&format!(r#"<UniqueIdentifier type="TextString" value="{new_id}"/>"#)),
            )],
        )
        .await;
    let item = &response.batch_items[0];
    assert_eq!(item.result_status, ResultStatus::SUCCESS, "{:?}", item.result_message);
    assert!(item.response_payload.as_ref().and_then(|p| p.child(Tag::SYMMETRIC_KEY)).is_some());

    let records = http_records(server).await;
    for operation in ["Create", "GetAttributes", "Encrypt", "Decrypt", "RNGRetrieve", "ReKey", "Locate"] {
        assert!(
            records.iter().any(|(op, kind, who, result)| op == operation
                && kind == "cert"
                && who == "alice"
                && result == "Success"),
            "{operation} audited: {records:?}"
        );
    }
    assert!(
        records.iter().any(|(op, _, who, result)| op == "Decrypt" && who == "alice" && result != "Success"),
        "the refused decryptions are audited too: {records:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_of_many_keys_is_complete_ordered_and_paged() {
    let dir = TempDir::new("keyrest-list");
    let server = start(&dir, |_| {}).await;
    let mut alice = Http::connect(&server, Some("alice")).await;
    let mut made = Vec::new();
    for n in 0..120 {
        made.push(alice.create(json!({ "name": format!("key-{n:03}") })).await["id"].as_str().expect("id").to_owned());
    }
    let first = alice.get(KEYS).await;
    assert_eq!(first.ok()["totalCount"], 120);
    let mut listed = ids(&first.body);
    assert_eq!(listed.len(), 100, "at most 100 a page");
    listed.extend(ids(alice.get(&format!("{KEYS}?offset=100")).await.ok()));
    let mut sorted = made.clone();
    sorted.sort();
    let mut all = listed.clone();
    all.sort();
    assert_eq!(all, sorted, "every key once");
    let created: Vec<String> = alice.get(KEYS).await.ok()["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| k["createdAt"].as_str().expect("createdAt").to_owned())
        .collect();
    assert!(created.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    alice.get(&format!("{KEYS}?limit=x")).await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    assert_eq!(ids(alice.get(&format!("{KEYS}?offset=500")).await.ok()).len(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn rsa_and_ecdsa_keys_sign_verify_encrypt_and_rotate() {
    let dir = TempDir::new("keyrest-asym");
    let server = start(&dir, |_| {}).await;
    let mut alice = Http::connect(&server, Some("alice")).await;

    // RSA-OAEP encryption with a self-describing ciphertext.
    let rsa = alice.create(json!({ "name": "rsa-enc", "encryptionAlgorithm": "rsa-2048" })).await;
    let rsa_id = rsa["id"].as_str().expect("id").to_owned();
    assert_eq!(rsa["encryptionAlgorithm"], "RSA_2048");
    assert_eq!(rsa["keyUsage"], "encrypt-decrypt");
    assert_eq!(rsa["objectType"], "PrivateKey");
    let ciphertext = alice.encrypt(&rsa_id, b"for the private key").await;
    let raw = BASE64.decode(&ciphertext).expect("base64");
    assert_eq!(raw.len(), 2 + rsa_id.len() + 2 + 256, "no IV, no tag, one RSA block");
    assert_eq!(plaintext(&alice.decrypt(&rsa_id, &ciphertext).await), b"for the private key");
    let mut bad = raw.clone();
    bad[2 + rsa_id.len() + 10] ^= 1;
    alice.decrypt(&rsa_id, &BASE64.encode(&bad)).await.refused(StatusCode::BAD_REQUEST, "BadRequest");
    let public = alice.get(&format!("{KEYS}/{rsa_id}/public-key")).await;
    let der = BASE64.decode(public.ok()["publicKey"].as_str().expect("publicKey")).expect("base64");
    assert_eq!(der[0], 0x30, "a DER SubjectPublicKeyInfo");
    assert_eq!(public.body["publicKeyId"], rsa["publicKeyId"]);

    // RSA signatures, PSS and PKCS#1 v1.5, over data and over a digest.
    let signer = alice.create(json!({ "encryptionAlgorithm": "RSA_3072", "keyUsage": "sign-verify" })).await;
    let signer_id = signer["id"].as_str().expect("id").to_owned();
    assert_eq!(signer["keyUsage"], "sign-verify");
    let algorithms = alice.get(&format!("{KEYS}/{signer_id}/signing-algorithms")).await;
    assert_eq!(algorithms.ok()["signingAlgorithms"].as_array().map(Vec::len), Some(6));
    let algorithms = alice.get(&format!("{KEYS}/{rsa_id}/signing-algorithms")).await;
    assert_eq!(algorithms.ok()["signingAlgorithms"], json!([]), "an encrypt-decrypt key signs with none");
    let data = BASE64.encode(b"a release manifest");
    for algorithm in ["RSASSA_PSS_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PSS_SHA_512"] {
        let signed = alice
            .post(&format!("{KEYS}/{signer_id}/sign"), json!({ "data": data, "signingAlgorithm": algorithm }))
            .await;
        let signature = signed.ok()["signature"].as_str().expect("signature").to_owned();
        assert_eq!(BASE64.decode(&signature).expect("base64").len(), 384);
        let verify = |data: &str, signature: &str| json!({ "data": data, "signature": signature, "signingAlgorithm": algorithm });
        let valid = alice.post(&format!("{KEYS}/{signer_id}/verify"), verify(&data, &signature)).await;
        assert_eq!(valid.ok()["signatureValid"], true, "{algorithm}");
        let other = BASE64.encode(b"a forged manifest");
        let invalid = alice.post(&format!("{KEYS}/{signer_id}/verify"), verify(&other, &signature)).await;
        assert_eq!(invalid.ok()["signatureValid"], false, "{algorithm}");
    }
    // A digest signed, verified as a digest.
    let digest = BASE64.encode([7u8; 32]);
    let signed = alice
        .post(
            &format!("{KEYS}/{signer_id}/sign"),
            json!({ "data": digest, "signingAlgorithm": "RSASSA_PSS_SHA_256", "isDigest": true }),
        )
        .await;
    let signature = signed.ok()["signature"].as_str().expect("signature").to_owned();
    let valid = alice
        .post(
            &format!("{KEYS}/{signer_id}/verify"),
            json!({ "data": digest, "signature": signature, "signingAlgorithm": "RSASSA_PSS_SHA_256", "isDigest": true }),
        )
        .await;
    assert_eq!(valid.ok()["signatureValid"], true);
    // A signing key does not encrypt.
    alice
        .post(&format!("{KEYS}/{signer_id}/encrypt"), json!({ "plaintext": "aGk=" }))
        .await
        .refused(StatusCode::BAD_REQUEST, "BadRequest");

    // ECDSA on P-256 and P-384.
    for (algorithm, signing) in [("ecc-nist-p256", "ECDSA_SHA_256"), ("ECC_NIST_P384", "ECDSA_SHA_384")] {
        let ec = alice.create(json!({ "name": algorithm, "encryptionAlgorithm": algorithm })).await;
        let ec_id = ec["id"].as_str().expect("id").to_owned();
        assert_eq!(ec["keyUsage"], "sign-verify", "an ECC key signs by default");
        let names = alice.get(&format!("{KEYS}/{ec_id}/signing-algorithms")).await;
        assert!(names.ok()["signingAlgorithms"].as_array().expect("names").contains(&json!(signing)));
        let signed =
            alice.post(&format!("{KEYS}/{ec_id}/sign"), json!({ "data": data, "signingAlgorithm": signing })).await;
        let signature = signed.ok()["signature"].as_str().expect("signature").to_owned();
        let body =
            |data: &str, signature: &str| json!({ "data": data, "signature": signature, "signingAlgorithm": signing });
        let valid = alice.post(&format!("{KEYS}/{ec_id}/verify"), body(&data, &signature)).await;
        assert_eq!(valid.ok()["signatureValid"], true, "{algorithm}");
        let mut broken = BASE64.decode(&signature).expect("base64");
        let last = broken.len() - 1;
        broken[last] ^= 1;
        let invalid = alice.post(&format!("{KEYS}/{ec_id}/verify"), body(&data, &BASE64.encode(&broken))).await;
        assert_eq!(invalid.ok()["signatureValid"], false, "{algorithm}");
        // An RSA algorithm for an ECC key; encryption with an ECC key.
        alice
            .post(&format!("{KEYS}/{ec_id}/sign"), json!({ "data": data, "signingAlgorithm": "RSASSA_PSS_SHA_256" }))
            .await
            .refused(StatusCode::BAD_REQUEST, "BadRequest");
        alice
            .post(&format!("{KEYS}/{ec_id}/encrypt"), json!({ "plaintext": "aGk=" }))
            .await
            .refused(StatusCode::BAD_REQUEST, "BadRequest");
        let der = BASE64
            .decode(alice.get(&format!("{KEYS}/{ec_id}/public-key")).await.ok()["publicKey"].as_str().expect("key"))
            .expect("base64");
        assert_eq!(der[0], 0x30);
    }
    alice
        .post(KEYS, json!({ "encryptionAlgorithm": "ecc-nist-p256", "keyUsage": "encrypt-decrypt" }))
        .await
        .refused(StatusCode::BAD_REQUEST, "BadRequest");

    // Rotating a pair: a new pair; the old still verifies what it signed,
    // the new one signs anew.
    let signed = alice
        .post(&format!("{KEYS}/{signer_id}/sign"), json!({ "data": data, "signingAlgorithm": "RSASSA_PSS_SHA_256" }))
        .await;
    let old_signature = signed.ok()["signature"].as_str().expect("signature").to_owned();
    let rotated = alice.post(&format!("{KEYS}/{signer_id}/rotate"), json!({})).await;
    let new_id = rotated.ok()["key"]["id"].as_str().expect("id").to_owned();
    assert_ne!(new_id, signer_id);
    assert_eq!(rotated.body["key"]["encryptionAlgorithm"], "RSA_3072");
    let verify = json!({ "data": data, "signature": old_signature, "signingAlgorithm": "RSASSA_PSS_SHA_256" });
    assert_eq!(alice.post(&format!("{KEYS}/{signer_id}/verify"), verify.clone()).await.ok()["signatureValid"], true);
    assert_eq!(alice.post(&format!("{KEYS}/{new_id}/verify"), verify).await.ok()["signatureValid"], false);
    let signed = alice
        .post(&format!("{KEYS}/{new_id}/sign"), json!({ "data": data, "signingAlgorithm": "RSASSA_PSS_SHA_256" }))
        .await;
    assert!(signed.ok()["signature"].is_string());
    // An RSA encryption pair rotates too; its old ciphertexts decrypt.
    let rotated = alice.post(&format!("{KEYS}/{rsa_id}/rotate"), json!({})).await;
    let new_rsa = rotated.ok()["key"]["id"].as_str().expect("id").to_owned();
    assert_eq!(plaintext(&alice.decrypt(&new_rsa, &ciphertext).await), b"for the private key");

    let records = http_records(server).await;
    for operation in ["CreateKeyPair", "Sign", "SignatureVerify", "Get", "ReKeyKeyPair"] {
        assert!(
            records.iter().any(|(op, _, who, result)| op == operation && who == "alice" && result == "Success"),
            "{operation} audited: {records:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn another_identity_is_refused_like_a_missing_key_until_granted_and_strangers_get_401() {
    let dir = TempDir::new("keyrest-access");
    let server = start(&dir, |config| {
        config.access.admins.insert("admin".into());
    })
    .await;
    let mut alice = Http::connect(&server, Some("alice")).await;
    let mut bob = Http::connect(&server, Some("bob")).await;
    let key = alice.create(json!({ "name": "alice-key" })).await;
    let id = key["id"].as_str().expect("id").to_owned();
    let ciphertext = alice.encrypt(&id, b"alice's").await;
    let missing = "00000000-0000-4000-8000-000000000000";

    // Bob gets, for Alice's key, exactly what he gets for a missing one
    // (the message names the id he asked for).
    let same = |reply: Reply, asked: &str| reply.refused(StatusCode::NOT_FOUND, "NotFound").replace(asked, "ID");
    let routes: Vec<(&str, String, Option<Value>)> = vec![
        ("GET", String::new(), None),
        ("POST", "/encrypt".into(), Some(json!({ "plaintext": "aGk=" }))),
        ("POST", "/rotate".into(), Some(json!({}))),
        ("POST", "/data-key".into(), Some(json!({}))),
        ("GET", "/public-key".into(), None),
    ];
    for (method, suffix, body) in &routes {
        let theirs = same(bob.call(method, &format!("{KEYS}/{id}{suffix}"), body.clone()).await, &id);
        let nobodys = same(bob.call(method, &format!("{KEYS}/{missing}{suffix}"), body.clone()).await, missing);
        assert_eq!(theirs, nobodys, "{method} {suffix}");
    }
    bob.decrypt(&id, &ciphertext).await.refused(StatusCode::NOT_FOUND, "NotFound");
    bob.get(&format!("{KEYS}/key-name/alice-key")).await.refused(StatusCode::NOT_FOUND, "NotFound");
    assert!(ids(bob.get(KEYS).await.ok()).is_empty(), "bob sees none of alice's keys");
    let bobs = bob.create(json!({ "name": "bob-key" })).await;
    assert_eq!(ids(bob.get(KEYS).await.ok()), vec![bobs["id"].as_str().expect("id").to_owned()]);
    assert_eq!(ids(alice.get(KEYS).await.ok()), vec![id.clone()], "and alice none of bob's");

    // After a grant Bob may use the key (as the KMIP port would let him).
    change(&server, Change::Grant, "alice", "bob", Scope::Object(id.clone()), "get-attributes,locate,encrypt,decrypt")
        .await;
    assert_eq!(bob.get(&format!("{KEYS}/{id}")).await.ok()["key"]["name"], "alice-key");
    assert_eq!(plaintext(&bob.decrypt(&id, &ciphertext).await), b"alice's");
    let his = bob.encrypt(&id, b"bob's").await;
    assert_eq!(plaintext(&alice.decrypt(&id, &his).await), b"bob's");
    assert!(ids(bob.get(KEYS).await.ok()).contains(&id));
    // ... but not beyond the grant.
    bob.post(&format!("{KEYS}/{id}/rotate"), json!({})).await.refused(StatusCode::NOT_FOUND, "NotFound");

    // No credentials: 401 JSON on every route, and on POST /kmip.
    let mut stranger = Http::connect(&server, None).await;
    for (method, path) in
        [("GET", KEYS.to_owned()), ("POST", format!("{KEYS}/{id}/encrypt")), ("GET", format!("{KEYS}/{id}"))]
    {
        stranger
            .call(method, &path, Some(json!({ "plaintext": "aGk=" })))
            .await
            .refused(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    }
    stranger.post("/kmip", json!({})).await.refused(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    // A bearer token that Universal Auth does not know: 401, even over a
    // connection with a client certificate.
    let mut forged = Http::connect(&server, None).await.with_bearer("not-a-token");
    forged.get(KEYS).await.refused(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    let mut alice_forged = Http::connect(&server, Some("alice")).await.with_bearer("not-a-token");
    alice_forged.get(&format!("{KEYS}/{id}")).await.refused(StatusCode::UNAUTHORIZED, "UnauthorizedError");

    let records = http_records(server).await;
    assert!(
        records
            .iter()
            .any(|(op, kind, who, result)| op == "Encrypt" && kind == "cert" && who == "bob" && result != "Success"),
        "bob's refusal audited: {records:?}"
    );
    assert!(
        records.iter().any(|(op, _, who, result)| op == "Decrypt" && who == "bob" && result == "Success"),
        "bob's granted use audited: {records:?}"
    );
}

/// A machine identity made on the admin socket, logged in with Universal
/// Auth: its access token.
async fn machine_token(server: &RunningServer, name: &str) -> String {
    let data_dir = server.data_dir().to_path_buf();
    let request = json!({ "command": "identity-create", "identity": name });
    let created = tokio::task::spawn_blocking(move || kms::admin::request(&data_dir, &request))
        .await
        .expect("the request task")
        .expect("identity-create");
    let login = json!({ "clientId": created["clientId"], "clientSecret": created["clientSecret"] });
    let mut anonymous = Http::connect(server, None).await;
    let reply = anonymous.post("/api/v1/auth/universal-auth/login", login).await;
    reply.ok()["accessToken"].as_str().expect("accessToken").to_owned()
}

/// A KMIP 2.1 message of one item sent to `POST /kmip` as binary TTLV.
async fn kmip_over_https(http: &mut Http, operation: Operation, xml: &str) -> ResponseMessage {
    let bytes = request(vec![RequestBatchItem::new(operation, payload(xml))]);
    let (status, body) = http.raw("POST", "/kmip", Some("application/octet-stream"), bytes).await;
    assert_eq!(status, StatusCode::OK, "{body:?}");
    ResponseMessage::from_ttlv(&wire::decode(&body, &Limits::default()).expect("TTLV")).expect("a response")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_machine_identitys_bearer_token_uses_the_key_rest_and_post_kmip_audited_as_machine() {
    let dir = TempDir::new("keyrest-bearer");
    let server = start(&dir, |_| {}).await;
    let token = machine_token(&server, "ci").await;
    let mut ci = Http::connect(&server, None).await.with_bearer(&token);

    // Key REST with the token: the key is the machine identity's.
    let key = ci.create(json!({ "name": "ci-key" })).await;
    let id = key["id"].as_str().expect("id").to_owned();
    let ciphertext = ci.encrypt(&id, b"build secret").await;
    assert_eq!(plaintext(&ci.decrypt(&id, &ciphertext).await), b"build secret");
    assert_eq!(ids(ci.get(KEYS).await.ok()), vec![id.clone()]);

    // POST /kmip with the token: Get of the REST key, a Create.
    let uid = format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#);
    let response = kmip_over_https(&mut ci, Operation::GET, &uid).await;
    let item = &response.batch_items[0];
    assert_eq!(item.result_status, ResultStatus::SUCCESS, "{:?}", item.result_message);
    assert!(item.response_payload.as_ref().and_then(|p| p.child(Tag::SYMMETRIC_KEY)).is_some());
    let create = r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
        <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
        </Attributes>"#;
    let response = kmip_over_https(&mut ci, Operation::CREATE, create).await;
    assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS);

    // A certificate identity does not see the machine identity's key, and
    // the machine identity does not see alice's, until a grant names it.
    let mut alice = Http::connect(&server, Some("alice")).await;
    alice.get(&format!("{KEYS}/{id}")).await.refused(StatusCode::NOT_FOUND, "NotFound");
    let alices = alice.create(json!({ "name": "alice-key" })).await;
    let alices = alices["id"].as_str().expect("id").to_owned();
    ci.post(&format!("{KEYS}/{alices}/encrypt"), json!({ "plaintext": "aGk=" }))
        .await
        .refused(StatusCode::NOT_FOUND, "NotFound");
    change(&server, Change::Grant, "alice", "machine:ci", Scope::Object(alices.clone()), "encrypt").await;
    let for_alice = ci.encrypt(&alices, b"from ci").await;
    assert_eq!(plaintext(&alice.decrypt(&alices, &for_alice).await), b"from ci");

    // A revoked token is refused at once, on both routes.
    let mut anonymous = Http::connect(&server, None).await;
    anonymous.post("/api/v1/auth/token/revoke", json!({ "accessToken": token })).await.ok();
    ci.get(KEYS).await.refused(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    let bytes = request(vec![RequestBatchItem::new(Operation::GET, payload(&uid))]);
    let (status, _) = ci.raw("POST", "/kmip", Some("application/octet-stream"), bytes).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let records = http_records(server).await;
    for operation in ["Create", "Encrypt", "Decrypt", "Get", "Locate"] {
        assert!(
            records.iter().any(|(op, kind, who, result)| op == operation
                && kind == "machine"
                && who == "machine:ci"
                && result == "Success"),
            "{operation} by the machine identity audited: {records:?}"
        );
    }
    assert!(
        records.iter().any(|(op, kind, _, result)| op == "Encrypt" && kind == "machine" && result != "Success"),
        "the refusal before the grant audited: {records:?}"
    );
}
