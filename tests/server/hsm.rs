//! HSM-resident keys over mutual TLS: the real `kms serve` binary with a
//! SoftHSM2 token this test initialises in a temporary directory
//! (`softhsm2-util`), a real TLS client, and a separate PKCS#11 session (in a
//! child process of this test binary, which sees the token's SOFTHSM2_CONF)
//! that finds the key in the token.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use cryptoki::context::{CInitializeArgs, Pkcs11};
use cryptoki::object::{Attribute, AttributeType, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;
use kmip_ttlv::enums::{ResultReason, ResultStatus};
use kmip_ttlv::model::{ResponseBatchItem, ResponseMessage};
use kmip_ttlv::{Tag, Ttlv, wire, xml};

use crate::support::{
    Identity, Serving, TempDir, Versions, client, connect, exchange, serve_with_env, signal, wait_exit,
};

const LIBRARY: &str = "/usr/lib/softhsm/libsofthsm2.so";
const PIN: &str = "4711-server-pin";
const PIN_VAR: &str = "KMS_TEST_SERVER_HSM_PIN";

/// A SoftHSM2 token in its own directory.
struct Token {
    dir: TempDir,
    label: String,
}

impl Token {
    fn new(name: &str) -> Token {
        let dir = TempDir::new(&format!("softhsm-{name}"));
        std::fs::create_dir_all(dir.join("tokens")).expect("token dir");
        std::fs::write(
            dir.join("softhsm2.conf"),
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
                dir.join("tokens").display()
            ),
        )
        .expect("softhsm2.conf");
        let label = format!("kms-server-{name}");
        let out = Command::new("softhsm2-util")
            .args(["--init-token", "--free", "--label", &label, "--so-pin", "so-4711", "--pin", PIN])
            .env("SOFTHSM2_CONF", dir.join("softhsm2.conf"))
            .output()
            .expect("softhsm2-util runs (Debian package softhsm2)");
        assert!(out.status.success(), "softhsm2-util: {}", String::from_utf8_lossy(&out.stderr));
        Token { dir, label }
    }

    fn conf(&self) -> PathBuf {
        self.dir.join("softhsm2.conf")
    }

    /// `kms` with `args`, seeing this token, its PIN variable set to `pin`.
    fn kms(&self, args: &[&str], pin: &str) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_kms"))
            .args(args)
            .env("SOFTHSM2_CONF", self.conf())
            .env(PIN_VAR, pin)
            .output()
            .expect("kms runs")
    }

    /// `kms serve` on `data` with `config`, run to its end (it must refuse
    /// to start).
    fn refused_serve(&self, data: &TempDir, config: &Path, pin: &str) -> std::process::Output {
        let data = data.path().to_str().expect("path");
        let config = config.to_str().expect("path");
        let args = ["serve", "--data-dir", data, "--kmip-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"];
        self.kms(&[&args[..], &["--config", config]].concat(), pin)
    }

    /// `kms serve` on `data` with this token configured (`policy`).
    fn serve(&self, data: &TempDir, policy: &str) -> Running {
        self.serve_with(data, policy, "")
    }

    /// The config file of a server with this token (`policy`), and `more`.
    fn config(&self, data: &TempDir, policy: &str, more: &str) -> PathBuf {
        let config = data.path().with_extension("toml");
        std::fs::write(
            &config,
            format!(
                "[hsm]\nlibrary = \"{LIBRARY}\"\ntoken_label = \"{}\"\npin_env = \"{PIN_VAR}\"\npolicy = \"{policy}\"\n{more}",
                self.label
            ),
        )
        .expect("config file");
        config
    }

    /// [`Token::serve`] with `more` added to the config file.
    fn serve_with(&self, data: &TempDir, policy: &str, more: &str) -> Running {
        let config = self.config(data, policy, more);
        let conf = self.conf();
        let serving = serve_with_env(
            data,
            &["--config", config.to_str().expect("path")],
            &[("SOFTHSM2_CONF", conf.to_str().expect("UTF-8 path")), (PIN_VAR, PIN)],
        );
        Running { serving: Some(serving), config }
    }

    /// Runs `inspect_token_object` in a child process that sees this token:
    /// it finds the secret or private key labelled `kms:ID` and checks it;
    /// `present` says whether it must be there.
    fn inspect(&self, id: &str, class: &str, present: bool) {
        let out = Command::new(std::env::current_exe().expect("test binary"))
            .args(["hsm::inspect_token_object", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env("SOFTHSM2_CONF", self.conf())
            .env("KMS_TEST_TOKEN_LABEL", &self.label)
            .env("KMS_TEST_OBJECT_LABEL", format!("kms:{id}"))
            .env("KMS_TEST_OBJECT_PRESENT", if present { "1" } else { "0" })
            .env("KMS_TEST_OBJECT_CLASS", class)
            .output()
            .expect("the test binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "inspection failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A running server, stopped when dropped.
struct Running {
    serving: Option<Serving>,
    config: PathBuf,
}

impl Running {
    fn info(&self) -> &kms::admin::ServerInfo {
        &self.serving.as_ref().expect("running").info
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut serving) = self.serving.take() {
            signal(serving.info.pid, "TERM");
            wait_exit(&mut serving.child, Duration::from_secs(20));
        }
        let _ = std::fs::remove_file(&self.config);
    }
}

/// A request message in KMIP XML: `items` are whole `<BatchItem>`s.
fn request(version: (u8, u8), items: &str) -> Vec<u8> {
    let count = items.matches("<BatchItem>").count();
    let text = format!(
        r#"<RequestMessage><RequestHeader><ProtocolVersion>
             <ProtocolVersionMajor type="Integer" value="{}"/><ProtocolVersionMinor type="Integer" value="{}"/>
           </ProtocolVersion><BatchCount type="Integer" value="{count}"/></RequestHeader>{items}</RequestMessage>"#,
        version.0, version.1
    );
    wire::to_vec(&xml::from_str(&text).expect("XML")).expect("encodes")
}

fn one(response: ResponseMessage) -> ResponseBatchItem {
    assert_eq!(response.batch_items.len(), 1);
    response.batch_items.into_iter().next().expect("one item")
}

fn ok(item: ResponseBatchItem) -> Ttlv {
    assert_eq!(item.result_status, ResultStatus::SUCCESS, "{item:?}");
    item.response_payload.expect("payload")
}

fn bytes(payload: &Ttlv, tag: Tag) -> String {
    hex::encode(payload.child(tag).and_then(|d| d.value.as_bytes()).unwrap_or_else(|| panic!("{tag:?}")))
}

fn uid(id: &str) -> String {
    format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)
}

#[tokio::test(flavor = "multi_thread")]
async fn hsm_keys_over_mutual_tls_with_softhsm2() {
    let token = Token::new("mtls");
    let data = TempDir::new("hsm-mtls");
    let server = token.serve(&data, "none");
    // The start-up log names the token, never the PIN.
    let log = server.serving.as_ref().expect("running").startup_output();
    assert!(log.contains("PKCS#11 token opened") && log.contains(&token.label), "{log}");
    assert!(!log.contains(PIN), "{log}");
    let connector = client(data.path(), Some(Identity::admin(data.path())), Versions::Both);
    let mut stream = connect(server.info().kmip_addr, &connector).await.expect("connects");
    let mut send = async |version, item: String| one(exchange(&mut stream, &request(version, &item)).await);

    // Create with x-kms-hsm: the key is generated in the token.
    let created = ok(send(
        (2, 1),
        r#"<BatchItem><Operation type="Enumeration" value="Create"/><RequestPayload>
           <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
           <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
           <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>
           <Attribute><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="kms-hsm"/>
           <AttributeValue type="Boolean" value="true"/></Attribute></Attributes></RequestPayload></BatchItem>"#
            .into(),
    )
    .await);
    let id = created.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text()).expect("id").to_owned();
    ok(send((2, 1), format!(r#"<BatchItem><Operation type="Enumeration" value="Activate"/><RequestPayload>{}</RequestPayload></BatchItem>"#, uid(&id))).await);

    // AES-GCM round trip through the token.
    let encrypted = ok(send(
        (2, 1),
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="Encrypt"/><RequestPayload>{}
               <CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/></CryptographicParameters>
               <Data type="ByteString" value="6d757475616c20544c53"/>
               <AuthenticatedEncryptionAdditionalData type="ByteString" value="aa"/></RequestPayload></BatchItem>"#,
            uid(&id)
        ),
    )
    .await);
    let (data_hex, iv, tag) = (
        bytes(&encrypted, Tag::DATA),
        bytes(&encrypted, Tag::IV_COUNTER_NONCE),
        bytes(&encrypted, Tag::AUTHENTICATED_ENCRYPTION_TAG),
    );
    assert_ne!(data_hex, "6d757475616c20544c53");
    let decrypt = |tag: &str| {
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="Decrypt"/><RequestPayload>{}
               <CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/></CryptographicParameters>
               <Data type="ByteString" value="{data_hex}"/><IVCounterNonce type="ByteString" value="{iv}"/>
               <AuthenticatedEncryptionAdditionalData type="ByteString" value="aa"/>
               <AuthenticatedEncryptionTag type="ByteString" value="{tag}"/></RequestPayload></BatchItem>"#,
            uid(&id)
        )
    };
    let decrypted = ok(send((2, 1), decrypt(&tag)).await);
    assert_eq!(bytes(&decrypted, Tag::DATA), "6d757475616c20544c53");
    let wrong_tag = format!("{:032x}", u128::from_str_radix(&tag, 16).expect("hex") ^ 1);
    let item = send((2, 1), decrypt(&wrong_tag)).await;
    assert_eq!(item.result_reason, Some(ResultReason::CRYPTOGRAPHIC_FAILURE), "{item:?}");

    // Get refuses the material: Not Extractable in 2.1, Permission Denied in
    // 1.2 (which has no Not Extractable).
    let get = format!(
        r#"<BatchItem><Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload></BatchItem>"#,
        uid(&id)
    );
    let item = send((2, 1), get.clone()).await;
    assert_eq!(item.result_reason, Some(ResultReason::NOT_EXTRACTABLE), "{item:?}");
    let item = send((1, 2), get).await;
    assert_eq!(item.result_reason, Some(ResultReason::PERMISSION_DENIED), "{item:?}");

    // A separate PKCS#11 session finds it in the token, not extractable.
    token.inspect(&id, "secret", true);

    // The PKCS#11 operation reaches the token.
    let init = ok(send(
        (2, 1),
        r#"<BatchItem><Operation type="Enumeration" value="PKCS_11"/><RequestPayload>
           <PKCS_11Function type="Enumeration" value="C_Initialize"/><PKCS_11InputParameters type="ByteString" value="01"/>
           </RequestPayload></BatchItem>"#
            .into(),
    )
    .await);
    let correlation = bytes(&init, Tag::CORRELATION_VALUE);
    let info = ok(send(
        (2, 1),
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="PKCS_11"/><RequestPayload>
               <PKCS_11Function type="Enumeration" value="C_GetInfo"/><CorrelationValue type="ByteString" value="{correlation}"/>
               </RequestPayload></BatchItem>"#
        ),
    )
    .await);
    let output = hex::decode(bytes(&info, Tag::PKCS_11_OUTPUT_PARAMETERS)).expect("hex");
    assert_eq!(output.len(), 76);
    assert!(String::from_utf8_lossy(&output[2..34]).starts_with("SoftHSM"), "{output:?}");

    // An EC key pair in the token: Sign there, Signature Verify with the
    // stored public key.
    let pair = ok(send(
        (2, 1),
        r#"<BatchItem><Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload><CommonAttributes>
           <CryptographicAlgorithm type="Enumeration" value="EC"/><CryptographicLength type="Integer" value="256"/>
           <Attribute><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="kms-hsm"/>
           <AttributeValue type="Boolean" value="true"/></Attribute></CommonAttributes>
           <PrivateKeyAttributes><CryptographicUsageMask type="Integer" value="Sign"/></PrivateKeyAttributes>
           <PublicKeyAttributes><CryptographicUsageMask type="Integer" value="Verify"/></PublicKeyAttributes>
           </RequestPayload></BatchItem>"#
            .into(),
    )
    .await);
    let text = |tag| pair.child(tag).and_then(|u| u.value.as_text()).expect("id").to_owned();
    let (private, public) = (text(Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER), text(Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER));
    for id in [&private, &public] {
        ok(send((2, 1), format!(r#"<BatchItem><Operation type="Enumeration" value="Activate"/><RequestPayload>{}</RequestPayload></BatchItem>"#, uid(id))).await);
    }
    let params = r#"<CryptographicParameters><DigitalSignatureAlgorithm type="Enumeration" value="ECDSAWithSHA256"/></CryptographicParameters>"#;
    let signed = ok(send(
        (2, 1),
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="Sign"/><RequestPayload>{}{params}
               <Data type="ByteString" value="cafe"/></RequestPayload></BatchItem>"#,
            uid(&private)
        ),
    )
    .await);
    let signature = bytes(&signed, Tag::SIGNATURE_DATA);
    let verified = ok(send(
        (2, 1),
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="SignatureVerify"/><RequestPayload>{}{params}
               <Data type="ByteString" value="cafe"/><SignatureData type="ByteString" value="{signature}"/>
               </RequestPayload></BatchItem>"#,
            uid(&public)
        ),
    )
    .await);
    assert_eq!(verified.child(Tag::VALIDITY_INDICATOR).and_then(|v| v.value.as_enumeration()), Some(0x01), "Valid");
    let get = format!(
        r#"<BatchItem><Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload></BatchItem>"#,
        uid(&private)
    );
    assert_eq!(send((2, 1), get).await.result_reason, Some(ResultReason::NOT_EXTRACTABLE));
    token.inspect(&private, "private", true);

    // Destroy (after Revoke) removes it from the token.
    ok(send(
        (2, 1),
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="Revoke"/><RequestPayload>{}<RevocationReason>
               <RevocationReasonCode type="Enumeration" value="CessationOfOperation"/></RevocationReason></RequestPayload></BatchItem>"#,
            uid(&id)
        ),
    )
    .await);
    ok(send((2, 1), format!(r#"<BatchItem><Operation type="Enumeration" value="Destroy"/><RequestPayload>{}</RequestPayload></BatchItem>"#, uid(&id))).await);
    token.inspect(&id, "secret", false);

    drop(stream);
    drop(server);
}

#[test]
fn a_wrong_pin_stops_kms_serve_with_a_clear_message() {
    let token = Token::new("badpin");
    let data = TempDir::new("hsm-badpin");
    let config = data.path().with_extension("toml");
    std::fs::write(&config, format!("[hsm]\ntoken_label = \"{}\"\npin_env = \"{PIN_VAR}\"\n", token.label))
        .expect("config");
    let out = token.refused_serve(&data, &config, "0000-wrong");
    let _ = std::fs::remove_file(&config);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("PIN") && stderr.contains(&token.label), "{stderr}");
    assert!(!stderr.contains("0000-wrong"), "the PIN is never shown: {stderr}");
}

/// Run by [`Token::inspect`] in a child process.
#[test]
#[ignore = "runs in a child process with a SoftHSM2 token (see Token::inspect)"]
fn inspect_token_object() {
    let var = |name| std::env::var(name).unwrap_or_else(|_| panic!("{name}: run by Token::inspect"));
    let (token_label, object_label) = (var("KMS_TEST_TOKEN_LABEL"), var("KMS_TEST_OBJECT_LABEL"));
    let present = var("KMS_TEST_OBJECT_PRESENT") == "1";
    let class =
        if var("KMS_TEST_OBJECT_CLASS") == "private" { ObjectClass::PRIVATE_KEY } else { ObjectClass::SECRET_KEY };
    let pkcs11 = Pkcs11::new(LIBRARY).expect("library");
    pkcs11.initialize(CInitializeArgs::OsThreads).expect("C_Initialize");
    let slot = pkcs11
        .get_slots_with_initialized_token()
        .expect("slots")
        .into_iter()
        .find(|s| pkcs11.get_token_info(*s).is_ok_and(|t| t.label() == token_label))
        .expect("the token");
    let session = pkcs11.open_ro_session(slot).expect("session");
    session.login(UserType::User, Some(&AuthPin::new(PIN.into()))).expect("login");
    let found =
        session.find_objects(&[Attribute::Class(class), Attribute::Label(object_label.into_bytes())]).expect("find");
    if !present {
        assert!(found.is_empty(), "the key is still in the token");
        return;
    }
    assert_eq!(found.len(), 1);
    let attributes = session
        .get_attributes(found[0], &[AttributeType::Extractable, AttributeType::Sensitive, AttributeType::Id])
        .expect("attributes");
    assert!(attributes.contains(&Attribute::Extractable(false)), "{attributes:?}");
    assert!(attributes.contains(&Attribute::Sensitive(true)), "{attributes:?}");
    assert!(attributes.iter().any(|a| matches!(a, Attribute::Id(id) if id.len() == 16)), "{attributes:?}");
    let value = session.get_attributes(found[0], &[AttributeType::Value]).expect("asking is allowed");
    assert!(!value.iter().any(|a| matches!(a, Attribute::Value(_))), "the token gave out the key");
}

/// The root key in the token (`keys.root_key_label`): generated there on
/// the first start, never in the data dir; the data dir opens with it
/// again, refuses another label, and `kms rotate-root --new-key-label`
/// moves it to a new token key.
#[tokio::test(flavor = "multi_thread")]
async fn the_root_key_can_live_in_the_token() {
    let token = Token::new("rootkey");
    let data = TempDir::new("hsm-rootkey");
    let keys = "[keys]\nroot_key_label = \"kms-root-1\"\n";
    let create = r#"<BatchItem><Operation type="Enumeration" value="Create"/><RequestPayload>
           <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
           <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
           </Attributes></RequestPayload></BatchItem>"#;
    let get = |id: &str| {
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload></BatchItem>"#,
            uid(id)
        )
    };
    let mut made = Vec::new();
    {
        let server = token.serve_with(&data, "none", keys);
        let log = server.serving.as_ref().expect("running").startup_output();
        assert!(log.contains("generated a new root key in the PKCS#11 token"), "{log}");
        let connector = client(data.path(), Some(Identity::admin(data.path())), Versions::Both);
        let mut stream = connect(server.info().kmip_addr, &connector).await.expect("connects");
        for _ in 0..3 {
            let created = ok(one(exchange(&mut stream, &request((2, 1), create)).await));
            let id = created.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text()).expect("id").to_owned();
            let got = ok(one(exchange(&mut stream, &request((2, 1), &get(&id))).await));
            made.push((id, material(&got)));
        }
    }
    assert!(!data.join("root.key").exists(), "no development root key beside a token key");
    let check = std::fs::read_to_string(data.join("root-key-check.json")).expect("the check file");

    // Again with the same label: every key reads back.
    {
        let server = token.serve_with(&data, "none", keys);
        let connector = client(data.path(), Some(Identity::admin(data.path())), Versions::Both);
        let mut stream = connect(server.info().kmip_addr, &connector).await.expect("connects");
        for (id, expected) in &made {
            let got = ok(one(exchange(&mut stream, &request((2, 1), &get(id))).await));
            assert_eq!(&material(&got), expected);
        }
    }

    // Another token key is the wrong root key: refused, nothing written.
    let config = token.config(&data, "none", "[keys]\nroot_key_label = \"kms-root-other\"\n");
    let out = token.refused_serve(&data, &config, PIN);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("wrong root key"), "{stderr}");
    assert_eq!(std::fs::read_to_string(data.join("root-key-check.json")).expect("check file"), check);

    // Rotation to a new token key, with no server running.
    let config = token.config(&data, "none", keys);
    let (data_dir, config_file) = (data.path().to_str().expect("path"), config.to_str().expect("path"));
    let out = token.kms(
        &["rotate-root", "--data-dir", data_dir, "--json", "--config", config_file, "--new-key-label", "kms-root-2"],
        PIN,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The default organisation's key and the two service keys.
    assert_eq!(report["rewrapped"], 3, "{report}");
    let server = token.serve_with(&data, "none", "[keys]\nroot_key_label = \"kms-root-2\"\n");
    let connector = client(data.path(), Some(Identity::admin(data.path())), Versions::Both);
    let mut stream = connect(server.info().kmip_addr, &connector).await.expect("connects");
    for (id, expected) in &made {
        let got = ok(one(exchange(&mut stream, &request((2, 1), &get(id))).await));
        assert_eq!(&material(&got), expected, "{id} after the rotation");
    }
}

/// The Key Material of a Get response's symmetric key, in hex.
fn material(payload: &Ttlv) -> String {
    let value = [Tag::SYMMETRIC_KEY, Tag::KEY_BLOCK, Tag::KEY_VALUE, Tag::KEY_MATERIAL]
        .iter()
        .try_fold(payload, |item, tag| item.child(*tag))
        .and_then(|m| m.value.as_bytes())
        .expect("key material");
    hex::encode(value)
}
