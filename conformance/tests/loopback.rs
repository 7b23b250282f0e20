//! The runner end to end against a scripted KMIP server on 127.0.0.1 over
//! mutual TLS (a throwaway PKI made with rcgen): framing, placeholders in
//! requests, reconnects, the per-file lines, stale skips and the last line.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use bytes::Bytes;
use conformance::client::{self, Endpoint};
use conformance::placeholder::{self, Placeholder};
use conformance::runner::{self, Runner, SkippedFiles, Summary};
use conformance::skip::SkipList;
use conformance::vectors::{self, Exchange};
use kmip_ttlv::wire::{self, HEADER_LEN, Limits};
use kmip_ttlv::{Tag, Ttlv, Value, registry};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig, ServerConnection, StreamOwned};

fn oasis() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors/oasis")
}

const TL1: &str = "kmip-1.4/mandatory/TL-M-1-14.xml";
const TL2: &str = "kmip-1.4/mandatory/TL-M-2-14.xml";
const TL3: &str = "kmip-1.4/mandatory/TL-M-3-14.xml";

/// A CA, a server certificate for 127.0.0.1 and a client certificate, as
/// PEM files in a fresh directory.
struct Pki {
    dir: PathBuf,
    server: Arc<ServerConfig>,
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn pki(name: &str) -> Pki {
    let dir = std::env::temp_dir().join(format!("conformance-loopback-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let ca_key = KeyPair::generate().expect("key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(DnType::CommonName, "loopback CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::DigitalSignature];
    let ca = CertifiedIssuer::self_signed(ca_params, ca_key).expect("CA");
    let issue = |sans: Vec<String>, cn: &str| {
        let key = KeyPair::generate().expect("key");
        let mut params = CertificateParams::new(sans).expect("params");
        params.distinguished_name.push(DnType::CommonName, cn);
        let cert = params.signed_by(&key, &ca).expect("signed");
        (cert, key)
    };
    let (server_cert, server_key) = issue(vec!["127.0.0.1".into(), "localhost".into()], "server");
    let (client_cert, client_key) = issue(vec!["admin".into()], "admin");
    std::fs::write(dir.join("ca.pem"), ca.pem()).expect("write");
    std::fs::write(dir.join("admin.pem"), client_cert.pem()).expect("write");
    std::fs::write(dir.join("admin.key"), client_key.serialize_pem()).expect("write");

    let mut roots = RootCertStore::empty();
    roots.add(ca.der().clone()).expect("root");
    let verifier = WebPkiClientVerifier::builder(Arc::new(roots)).build().expect("verifier");
    let key = PrivateKeyDer::from_pem_slice(server_key.serialize_pem().as_bytes()).expect("key");
    let chain = vec![CertificateDer::from_pem_slice(server_cert.pem().as_bytes()).expect("cert")];
    let server =
        ServerConfig::builder().with_client_cert_verifier(verifier).with_single_cert(chain, key).expect("config");
    Pki { dir, server: Arc::new(server) }
}

/// How the scripted server misbehaves.
#[derive(Clone, Copy, Default)]
struct Script {
    /// Close the connection after every response.
    close_after_each: bool,
    /// Answer request `n` (counting from 0 over the whole run) with bytes
    /// that are not TTLV.
    garbage_at: Option<usize>,
}

/// A server that answers the n-th request it receives with the n-th
/// expected response of `answers` (placeholders filled in the way a server
/// would), after checking that the request carries no placeholder left and
/// the values the earlier responses gave.
fn serve(
    pki: &Pki,
    answers: Vec<Exchange>,
    script: Script,
    mutate: impl Fn(usize, &mut Ttlv) + Send + 'static,
) -> (SocketAddr, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let config = pki.server.clone();
    let problems = Arc::new(Mutex::new(Vec::new()));
    let seen = problems.clone();
    thread::spawn(move || {
        let mut n = 0usize;
        for tcp in listener.incoming() {
            let Ok(tcp) = tcp else { continue };
            let _ = tcp.set_read_timeout(Some(Duration::from_secs(10)));
            let Ok(conn) = ServerConnection::new(config.clone()) else { continue };
            let mut stream = StreamOwned::new(conn, tcp);
            while let Some(request) = read_message(&mut stream) {
                let Some(exchange) = answers.get(n) else {
                    seen.lock().expect("lock").push(format!("request {n}: no answer scripted"));
                    return;
                };
                if let Err(e) = check_request(&exchange.request, &request) {
                    seen.lock().expect("lock").push(format!("request {n}: {e}"));
                }
                let bytes = if script.garbage_at == Some(n) {
                    b"\x42\x00\x7b\x01\x00\x00\x00\x08\xff\xff\xff\xff\xff\xff\xff\xff".to_vec()
                } else {
                    let mut response = fill(&exchange.expected, runner::unix_now());
                    mutate(n, &mut response);
                    wire::to_vec(&response).expect("encode")
                };
                n += 1;
                if stream.write_all(&bytes).and_then(|()| stream.flush()).is_err() {
                    break;
                }
                if script.close_after_each {
                    stream.conn.send_close_notify();
                    let _ = stream.flush();
                    break;
                }
            }
        }
    });
    (addr, problems)
}

fn read_message(stream: &mut impl Read) -> Option<Ttlv> {
    let mut header = [0u8; HEADER_LEN];
    stream.read_exact(&mut header).ok()?;
    let length = wire::message_length(&header, &Limits::default()).ok()??;
    let mut message = vec![0u8; length];
    message[..HEADER_LEN].copy_from_slice(&header);
    stream.read_exact(&mut message[HEADER_LEN..]).ok()?;
    wire::decode_slice(&message, &Limits::default()).ok()
}

/// The value this server gives placeholder `name`.
fn server_value(name: &str, like: &Value) -> Value {
    match like {
        Value::TextString(_) => Value::TextString(format!("srv-{name}")),
        _ => Value::ByteString(Bytes::from(format!("srv-{name}").into_bytes())),
    }
}

fn fill(expected: &Ttlv, now: i64) -> Ttlv {
    let value = match &expected.value {
        Value::Structure(children) => Value::Structure(children.iter().map(|c| fill(c, now)).collect()),
        _ => match placeholder::of(expected) {
            None => expected.value.clone(),
            Some(Placeholder::Now(n)) => Value::DateTime(now + n),
            Some(Placeholder::Named(name)) => server_value(&name, &expected.value),
        },
    };
    Ttlv { tag: expected.tag, value }
}

/// The request must be the template with `$NOW` near now and named
/// placeholders replaced by this server's values.
fn check_request(template: &Ttlv, actual: &Ttlv) -> Result<(), String> {
    if template.tag != actual.tag {
        return Err(format!("expected {:?}, got {:?}", template.tag, actual.tag));
    }
    match (&template.value, &actual.value) {
        (Value::Structure(x), Value::Structure(y)) => {
            if x.len() != y.len() {
                return Err(format!("{:?}: {} children, expected {}", template.tag, y.len(), x.len()));
            }
            x.iter().zip(y).try_for_each(|(a, b)| check_request(a, b))
        }
        _ => match placeholder::of(template) {
            Some(Placeholder::Now(n)) => match actual.value {
                Value::DateTime(t) if (t - runner::unix_now() - n).abs() < 60 => Ok(()),
                ref other => Err(format!("{:?}: {other:?} is not $NOW{n:+}", template.tag)),
            },
            Some(Placeholder::Named(name)) if actual.value == server_value(&name, &template.value) => Ok(()),
            Some(p) => Err(format!("{:?}: {p} sent as {:?}", template.tag, actual.value)),
            None if template.value == actual.value => Ok(()),
            None => Err(format!("{:?}: sent {:?}, expected {:?}", template.tag, actual.value, template.value)),
        },
    }
}

fn load(relative: &str) -> Vec<Exchange> {
    vectors::load(&oasis().join(relative)).expect("loads").exchanges
}

fn answers(files: &[&str]) -> Vec<Exchange> {
    files.iter().flat_map(|f| load(f)).collect()
}

fn endpoint(pki: &Pki, addr: SocketAddr) -> Endpoint {
    let tls = client::tls_config(&pki.dir.join("ca.pem"), &pki.dir.join("admin.pem"), &pki.dir.join("admin.key"))
        .expect("client TLS");
    Endpoint::new(&addr.to_string(), None, tls, Duration::from_secs(5)).expect("endpoint")
}

fn run(pki: &Pki, addr: SocketAddr, files: &[&str], skips: &str) -> (Summary, Vec<String>) {
    let paths: Vec<PathBuf> = files.iter().map(|f| oasis().join(f)).collect();
    let skips = SkipList::parse(skips).expect("skips");
    let mut runner = Runner::new(endpoint(pki, addr));
    let mut out = Vec::new();
    let summary = runner::run_files(&mut runner, &paths, &skips, SkippedFiles::RunLast, &mut out);
    let text = String::from_utf8(out).expect("utf-8");
    let lines = text.lines().map(|l| l.replace(&format!("{}/", oasis().display()), "")).collect();
    (summary, lines)
}

fn messages(files: &[&str]) -> usize {
    files.iter().map(|f| load(f).len()).sum()
}

#[test]
fn a_correct_server_passes_every_file() {
    let pki = pki("pass");
    let files = [TL1, TL2, TL3];
    let (addr, problems) = serve(&pki, answers(&files), Script::default(), |_, _| {});
    let (summary, lines) = run(&pki, addr, &files, "");
    assert_eq!(lines, [format!("PASS {TL1}"), format!("PASS {TL2}"), format!("PASS {TL3}")]);
    assert_eq!(summary, Summary { passed: 3, failed: 0, skipped: 0, messages: messages(&files) });
    assert!(problems.lock().expect("lock").is_empty(), "{:?}", problems.lock());
}

#[test]
fn a_server_that_closes_every_connection_is_reconnected() {
    let pki = pki("close");
    let files = [TL2, TL3];
    let script = Script { close_after_each: true, ..Script::default() };
    let (addr, problems) = serve(&pki, answers(&files), script, |_, _| {});
    let (summary, lines) = run(&pki, addr, &files, "");
    assert_eq!(summary.passed, 2, "{lines:?}");
    assert!(problems.lock().expect("lock").is_empty(), "{:?}", problems.lock());
}

#[test]
fn a_wrong_answer_fails_the_file_with_its_first_difference() {
    let pki = pki("fail");
    let files = [TL2, TL3];
    // Request 0 is TL-M-2's only message: make its Get say DES3.
    let (addr, _) = serve(&pki, answers(&files), Script::default(), |n, r| {
        if n != 0 {
            return;
        }
        let Value::Structure(items) = &mut r.value else { return };
        let get = items.iter_mut().filter(|c| c.tag == Tag::BATCH_ITEM).nth(1).expect("Get");
        set_first(
            get,
            Tag::CRYPTOGRAPHIC_ALGORITHM,
            Value::Enumeration(registry::enum_value(Tag::CRYPTOGRAPHIC_ALGORITHM, "DES3").expect("DES3")),
        );
    });
    let (summary, lines) = run(&pki, addr, &files, "");
    assert_eq!(
        lines[0],
        format!(
            "FAIL {TL2}: ResponseMessage/BatchItem[1]/ResponsePayload/SymmetricKey/KeyBlock/CryptographicAlgorithm: expected AES, got DES3 (message 1)"
        )
    );
    assert_eq!(lines[1], format!("PASS {TL3}"));
    assert_eq!(summary, Summary { passed: 1, failed: 1, skipped: 0, messages: messages(&files) });
}

/// Sets the first item with `tag` below `item` (depth first).
fn set_first(item: &mut Ttlv, tag: Tag, value: Value) -> bool {
    if item.tag == tag {
        item.value = value;
        return true;
    }
    match &mut item.value {
        Value::Structure(children) => children.iter_mut().any(|c| set_first(c, tag, value.clone())),
        _ => false,
    }
}

#[test]
fn skipped_files_run_last_and_a_pass_is_a_stale_skip() {
    let pki = pki("skip");
    // TL-M-1 is listed and passes: stale. TL-M-3 is listed and fails (its
    // last answer is garbage): a real skip. They run after TL-M-2.
    let order = [TL2, TL1, TL3];
    let garbage_at = messages(&[TL2, TL1, TL3]) - 1;
    let script = Script { garbage_at: Some(garbage_at), ..Script::default() };
    let (addr, _) = serve(&pki, answers(&order), script, |_, _| {});
    let skips = format!(
        "[[skip]]\nfile = \"{TL1}\"\nreason = \"needs nothing\"\n[[skip]]\nfile = \"{TL3}\"\nreason = \"needs a fix\"\n"
    );
    let (summary, lines) = run(&pki, addr, &[TL1, TL2, TL3], &skips);
    assert_eq!(lines[0], format!("PASS {TL2}"));
    assert!(lines[1].starts_with(&format!("STALE SKIP {TL1}: ")), "{}", lines[1]);
    assert_eq!(lines[2], format!("SKIP {TL3}: needs a fix"));
    assert_eq!(summary.passed, 1);
    assert_eq!(summary.failed, 1);
    assert_eq!(summary.skipped, 1);
    assert_eq!(summary.line(), format!("1 passed, 1 failed, 1 skipped ({} messages compared)", summary.messages));
}

#[test]
fn an_undecodable_answer_fails() {
    let pki = pki("garbage");
    let (addr, _) = serve(&pki, answers(&[TL2]), Script { garbage_at: Some(0), ..Script::default() }, |_, _| {});
    let (summary, lines) = run(&pki, addr, &[TL2], "");
    assert!(lines[0].starts_with(&format!("FAIL {TL2}: undecodable response")), "{}", lines[0]);
    assert_eq!(summary.failed, 1);
}

#[test]
fn no_server_fails_every_file() {
    let pki = pki("refused");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let (summary, lines) = run(&pki, addr, &[TL1, TL2], "");
    assert_eq!(summary.failed, 2);
    assert!(lines[0].contains(": connect: "), "{}", lines[0]);
}

#[test]
fn a_server_with_another_ca_is_refused() {
    let ours = pki("ours");
    let theirs = pki("theirs");
    let (addr, _) = serve(&theirs, answers(&[TL1]), Script::default(), |_, _| {});
    let (summary, lines) = run(&ours, addr, &[TL1], "");
    assert_eq!(summary.failed, 1);
    assert!(lines[0].contains("TLS handshake"), "{}", lines[0]);
    // The scripted server never got a request.
    let _ = TcpStream::connect(addr);
}
