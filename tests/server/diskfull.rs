//! The disk-full test (issue 7): a full disk costs the clients their
//! writes, never the server or an acknowledged object.
//!
//! A real `kms serve` process runs on a data dir that lives on a small
//! file system of its own: a 64 MiB tmpfs, mounted for the test (we run as
//! root in CI). A ballast file then takes all of it but the room the store
//! keeps free ([`SledStore::MIN_FREE_SPACE`]) and a little more, and four
//! connections Register (known key bytes) and Create keys until the server
//! refuses. Then:
//!
//! 1. every refusal is a KMIP response (Operation Failed, General Failure,
//!    "storage full: ..."), not a dropped connection or a hang, and the
//!    same connection goes on serving;
//! 2. while the disk is full the process is up, every acknowledged object
//!    that was read once reads back with its key bytes (a first Get clears
//!    the object's Fresh attribute, a change that is refused like any
//!    other while there is no room), and Locate finds them by name;
//! 3. once the ballast is deleted, Creates succeed again on the same
//!    connections, without a restart, and everything reads back;
//! 4. after a restart on the same data dir everything is still there, and
//!    `kms audit verify` passes (the refused Creates are in the chain).
//!
//! Where mounting is not permitted (not root), the test says so and
//! limits the server's file size instead (`RLIMIT_FSIZE`, set on the
//! running process with `prlimit`, SIGXFSZ ignored): the store counts that
//! limit as its room, and "space returns" is the limit lifted.
//! `KMS_DISKFULL_NO_MOUNT=1` takes that path where mounting would work.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use kmip_ttlv::enums::{Operation, ResultReason, ResultStatus};
use kmip_ttlv::model::{RequestBatchItem, ResponseBatchItem, ResponseMessage};
use kmip_ttlv::{Tag, Ttlv, Value, wire};
use kms::crypto::CryptoEngine;
use kms::store::SledStore;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use crate::support::{
    Identity, Serving, TempDir, Versions, client, connect, payload, request, serve, serve_binary, signal, wait_exit,
};

const MIB: u64 = 1 << 20;
/// The tmpfs the data dir lives on.
const DISK_MIB: u32 = 64;
/// How much the writers may write before the store refuses: a few
/// thousand objects.
const MARGIN: u64 = 2 * MIB;
/// Writers (connections).
const WRITERS: usize = 4;
/// The most any exchange may take: more is a hang.
const PATIENCE: Duration = Duration::from_secs(30);

type Stream = TlsStream<TcpStream>;

/// An object the server acknowledged.
#[derive(Clone, Debug)]
struct Acked {
    id: String,
    name: String,
    /// Its key bytes: sent (Register) or read back (Create), once known.
    bytes: Option<Vec<u8>>,
    /// A Get has returned it. The first Get of an object clears its Fresh
    /// attribute, a change, so it needs room like any write; later ones
    /// only read.
    served: bool,
    how: &'static str,
}

/// How the disk is made to fill up.
enum Disk {
    /// The data dir is a tmpfs mount point; the ballast takes its room.
    Tmpfs { mount: PathBuf, ballast: PathBuf },
    /// The server's file-size limit stands for the disk.
    FileSizeLimit,
}

impl Disk {
    /// Mounts a tmpfs on `dir`, or says why not.
    fn mount(dir: &Path) -> Result<Disk, String> {
        if std::env::var_os("KMS_DISKFULL_NO_MOUNT").is_some() {
            return Err("KMS_DISKFULL_NO_MOUNT is set".into());
        }
        let output = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={DISK_MIB}m,mode=0700"), "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| format!("mount: {e}"))?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
        }
        Ok(Disk::Tmpfs { mount: dir.to_owned(), ballast: dir.join("ballast") })
    }

    /// Leaves the store `MIN_FREE_SPACE + MARGIN` of room.
    fn fill(&self, serving: &Serving, data_dir: &Path) {
        match self {
            Disk::Tmpfs { mount, ballast } => {
                let free = free_space(mount);
                let size = free.checked_sub(SledStore::MIN_FREE_SPACE + MARGIN).expect("the tmpfs has room to fill");
                // Written, not a sparse set_len: a tmpfs counts pages written.
                let mut file = std::fs::File::create(ballast).expect("the ballast");
                let chunk = vec![0xb5u8; MIB as usize];
                let mut left = size;
                while left > 0 {
                    let n = left.min(MIB) as usize;
                    std::io::Write::write_all(&mut file, &chunk[..n]).expect("writing the ballast");
                    left -= n as u64;
                }
                eprintln!("disk full test: ballast of {} MiB; {} MiB left free", size / MIB, free_space(mount) / MIB);
            }
            Disk::FileSizeLimit => {
                let log = std::fs::metadata(data_dir.join("store/db")).expect("sled's log").len();
                set_file_size_limit(serving.info.pid, Some(log + SledStore::MIN_FREE_SPACE + MARGIN));
            }
        }
    }

    /// Gives the room back.
    fn free(&self, serving: &Serving) {
        match self {
            Disk::Tmpfs { ballast, .. } => std::fs::remove_file(ballast).expect("removing the ballast"),
            Disk::FileSizeLimit => set_file_size_limit(serving.info.pid, None),
        }
    }
}

impl Drop for Disk {
    fn drop(&mut self) {
        if let Disk::Tmpfs { mount, .. } = self {
            let _ = std::process::Command::new("umount").arg("-l").arg(&*mount).status();
        }
    }
}

fn free_space(dir: &Path) -> u64 {
    let fs = rustix::fs::statvfs(dir).expect("statvfs");
    fs.f_bavail * fs.f_frsize
}

/// Sets the soft file-size limit of process `pid` (None: no limit).
fn set_file_size_limit(pid: u32, limit: Option<u64>) {
    use rustix::process::{Pid, Resource, Rlimit, getrlimit};
    let pid = Pid::from_raw(i32::try_from(pid).expect("a pid")).expect("not 0");
    let maximum = getrlimit(Resource::Fsize).maximum;
    rustix::process::prlimit(Some(pid), Resource::Fsize, Rlimit { current: limit, maximum })
        .expect("prlimit on the server");
}

fn random(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    kms::crypto::SoftwareEngine::new().random(&mut bytes).expect("random");
    bytes
}

const KEY_ATTRIBUTES: &str = r#"<CryptographicAlgorithm type="Enumeration" value="AES"/>
    <CryptographicLength type="Integer" value="256"/><CryptographicUsageMask type="Integer" value="12"/>"#;

fn name_attribute(name: &str) -> String {
    format!(
        r#"<Name><NameValue type="TextString" value="{name}"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>"#
    )
}

fn register(name: &str, key: &[u8]) -> RequestBatchItem {
    RequestBatchItem::new(
        Operation::REGISTER,
        payload(&format!(
            r#"<ObjectType type="Enumeration" value="SymmetricKey"/>
               <Attributes>{KEY_ATTRIBUTES}{}</Attributes>
               <SymmetricKey><KeyBlock><KeyFormatType type="Enumeration" value="Raw"/>
                 <KeyValue><KeyMaterial type="ByteString" value="{}"/></KeyValue>
                 <CryptographicAlgorithm type="Enumeration" value="AES"/>
                 <CryptographicLength type="Integer" value="256"/></KeyBlock></SymmetricKey>"#,
            name_attribute(name),
            hex::encode(key)
        )),
    )
}

fn create(name: &str) -> RequestBatchItem {
    RequestBatchItem::new(
        Operation::CREATE,
        payload(&format!(
            r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>{KEY_ATTRIBUTES}{}</Attributes>"#,
            name_attribute(name)
        )),
    )
}

fn get(id: &str) -> RequestBatchItem {
    RequestBatchItem::new(Operation::GET, payload(&format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)))
}

fn locate(name: &str) -> RequestBatchItem {
    RequestBatchItem::new(Operation::LOCATE, payload(&format!("<Attributes>{}</Attributes>", name_attribute(name))))
}

/// One request, one response: its batch item. A broken connection or no
/// answer within [`PATIENCE`] fails the test.
async fn exchange(stream: &mut Stream, item: RequestBatchItem, what: &str) -> ResponseBatchItem {
    let answer = async {
        stream.write_all(&request(vec![item])).await?;
        let mut header = [0u8; 8];
        stream.read_exact(&mut header).await?;
        let length = u32::from_be_bytes([header[4], header[5], header[6], header[7]]) as usize;
        let mut message = header.to_vec();
        message.resize(8 + length, 0);
        stream.read_exact(&mut message[8..]).await?;
        Ok::<_, std::io::Error>(message)
    };
    let message = tokio::time::timeout(PATIENCE, answer)
        .await
        .unwrap_or_else(|_| panic!("{what}: no answer within {PATIENCE:?}"))
        .unwrap_or_else(|e| panic!("{what}: the connection broke: {e}"));
    let tree = wire::decode_slice(&message, &Default::default()).expect("a TTLV response");
    let response = ResponseMessage::from_ttlv(&tree).expect("a Response Message");
    response.batch_items.into_iter().next().expect("a batch item")
}

/// The payload of a successful item; panics with the failure otherwise.
fn success(item: ResponseBatchItem, what: &str) -> Ttlv {
    assert_eq!(item.result_status, ResultStatus::SUCCESS, "{what}: {:?} {:?}", item.result_reason, item.result_message);
    item.response_payload.unwrap_or_else(|| panic!("{what}: no payload"))
}

fn id_of(payload: &Ttlv) -> String {
    payload.child(Tag::UNIQUE_IDENTIFIER).and_then(|t| t.value.as_text()).expect("a Unique Identifier").to_owned()
}

fn key_bytes(payload: &Ttlv) -> Vec<u8> {
    let material = payload
        .child(Tag::SYMMETRIC_KEY)
        .and_then(|k| k.child(Tag::KEY_BLOCK))
        .and_then(|b| b.child(Tag::KEY_VALUE))
        .and_then(|v| v.child(Tag::KEY_MATERIAL))
        .expect("key material");
    match &material.value {
        Value::ByteString(bytes) => bytes.to_vec(),
        other => panic!("key material {other:?}"),
    }
}

/// A refusal as the client sees it.
#[derive(Debug)]
struct Refusal {
    status: ResultStatus,
    reason: Option<ResultReason>,
    message: Option<String>,
}

impl Refusal {
    fn of(item: &ResponseBatchItem) -> Refusal {
        Refusal { status: item.result_status, reason: item.result_reason, message: item.result_message.clone() }
    }

    /// The refusal of a full disk: Operation Failed, General Failure, a
    /// message that says so.
    fn is_storage_full(&self) -> bool {
        self.status == ResultStatus::OPERATION_FAILED
            && self.reason == Some(ResultReason::GENERAL_FAILURE)
            && self.message.as_deref().is_some_and(|m| m.starts_with("storage full"))
    }
}

/// Writes `n`, a Register of random key bytes (even `n`) or a Create
/// (odd), then Gets it (its bytes, for a Create). The object if it was
/// acknowledged, and the refusal if the write or the Get was refused.
async fn write_one(stream: &mut Stream, writer: usize, n: u64) -> (Option<Acked>, Option<Refusal>) {
    let name = format!("diskfull-{writer}-{n}");
    let (item, sent, how) = if n.is_multiple_of(2) {
        let key = random(32);
        (exchange(stream, register(&name, &key), "Register").await, Some(key), "Register")
    } else {
        (exchange(stream, create(&name), "Create").await, None, "Create")
    };
    if item.result_status != ResultStatus::SUCCESS {
        return (None, Some(Refusal::of(&item)));
    }
    let id = id_of(&success(item, how));
    let mut acked = Acked { id, name, bytes: sent, served: false, how };
    let got = exchange(stream, get(&acked.id), "Get").await;
    if got.result_status != ResultStatus::SUCCESS {
        return (Some(acked), Some(Refusal::of(&got)));
    }
    let bytes = key_bytes(&success(got, "Get after the write"));
    assert!(acked.bytes.as_ref().is_none_or(|sent| *sent == bytes), "{how} {}: other key bytes", acked.id);
    acked.bytes = Some(bytes);
    acked.served = true;
    (Some(acked), None)
}

/// Writes until the server refuses; then checks that further writes are
/// refused the same way and that the connection still reads.
async fn write_until_full(mut stream: Stream, writer: usize, acked: Arc<Mutex<Vec<Acked>>>) -> (Stream, Vec<Refusal>) {
    let mut first_served: Option<Acked> = None;
    let mut n = 0u64;
    let first = loop {
        assert!(n < 50_000, "writer {writer}: {n} writes and the disk never filled");
        let (written, refusal) = write_one(&mut stream, writer, n).await;
        if let Some(a) = written {
            if a.served && first_served.is_none() {
                first_served = Some(a.clone());
            }
            acked.lock().unwrap_or_else(PoisonError::into_inner).push(a);
        }
        if let Some(refusal) = refusal {
            break refusal;
        }
        n += 1;
    };
    let mut refusals = vec![first];
    // Full stays full: both kinds of write are refused.
    for _ in 0..2 {
        n += 1;
        match write_one(&mut stream, writer, n).await {
            (Some(a), _) => panic!("writer {writer}: a {} succeeded after the disk filled: {}", a.how, a.id),
            (None, refusal) => refusals.push(refusal.expect("a refusal")),
        }
    }
    // The connection survived its refusals.
    if let Some(a) = first_served {
        let payload = success(exchange(&mut stream, get(&a.id), "Get").await, "Get on a refused connection");
        assert_eq!(Some(key_bytes(&payload)), a.bytes, "writer {writer}: {} {}", a.how, a.id);
    }
    (stream, refusals)
}

/// Every object of `acked` read back on `stream`: the ones missing or
/// with other bytes. Bytes learnt now (a Create never read before) are
/// kept, and every object read is marked served.
async fn lost(stream: &mut Stream, acked: &mut [Acked]) -> Vec<String> {
    let mut lost = Vec::new();
    for a in acked {
        let item = exchange(stream, get(&a.id), "Get").await;
        if item.result_status != ResultStatus::SUCCESS {
            lost.push(format!("{} {}: {:?} {:?}", a.how, a.id, item.result_reason, item.result_message));
            continue;
        }
        let bytes = key_bytes(item.response_payload.as_ref().expect("a payload"));
        if a.bytes.as_ref().is_some_and(|known| *known != bytes) {
            lost.push(format!("{} {} reads back other key bytes", a.how, a.id));
        }
        a.bytes = Some(bytes);
        a.served = true;
    }
    lost
}

async fn admin_stream(dir: &Path, serving: &Serving) -> Stream {
    let connector = client(dir, Some(Identity::admin(dir)), Versions::Both);
    connect(serving.info.kmip_addr, &connector).await.expect("connects")
}

fn kms(args: &[&str], dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(args)
        .args(["--data-dir", dir.to_str().expect("path")])
        .output()
        .expect("kms runs")
}

fn stop(mut serving: Serving) {
    signal(serving.info.pid, "TERM");
    let status = wait_exit(&mut serving.child, Duration::from_secs(30));
    assert!(status.success(), "kms serve exited with {status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_writes_keeps_serving_reads_and_recovers() {
    let dir = TempDir::new("diskfull");
    let tools = TempDir::new("diskfull-wrapper");
    std::fs::create_dir_all(dir.path()).expect("the data dir");
    let disk = match Disk::mount(dir.path()) {
        Ok(disk) => {
            eprintln!("disk full test: the data dir is a {DISK_MIB} MiB tmpfs");
            disk
        }
        Err(why) => {
            eprintln!(
                "disk full test: mounting a tmpfs is not permitted ({why}); \
                 the server's file-size limit (RLIMIT_FSIZE) stands for the disk instead"
            );
            Disk::FileSizeLimit
        }
    };
    let serving = match &disk {
        Disk::Tmpfs { .. } => serve(&dir, &[]),
        // SIGXFSZ ignored, so a write past the limit fails with EFBIG
        // instead of killing the server.
        Disk::FileSizeLimit => {
            // Beside the data dir: `kms serve` initialises only an empty one.
            std::fs::create_dir_all(tools.path()).expect("a directory for the wrapper");
            let wrapper = tools.join("kms-ignoring-sigxfsz.sh");
            std::fs::write(&wrapper, format!("#!/bin/sh\ntrap '' XFSZ\nexec {} \"$@\"\n", env!("CARGO_BIN_EXE_kms")))
                .expect("the wrapper");
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
            serve_binary(&wrapper, &dir, &[])
        }
    };
    disk.fill(&serving, dir.path());

    // 1. Write until refused, on several connections.
    let acked = Arc::new(Mutex::new(Vec::<Acked>::new()));
    let mut writers = Vec::new();
    for writer in 0..WRITERS {
        let stream = admin_stream(dir.path(), &serving).await;
        writers.push(tokio::spawn(write_until_full(stream, writer, acked.clone())));
    }
    let mut streams = Vec::new();
    for writer in writers {
        let (stream, refusals) = writer.await.expect("a writer");
        for refusal in &refusals {
            assert!(refusal.is_storage_full(), "a refusal that does not say the disk is full: {refusal:?}");
        }
        streams.push(stream);
    }
    let before: Vec<Acked> = acked.lock().unwrap_or_else(PoisonError::into_inner).clone();
    eprintln!("disk full test: {} objects acknowledged before the disk filled", before.len());
    assert!(before.len() >= 100, "only {} objects before the disk filled", before.len());

    // 2. While full: up, reads right, Locate finds by name.
    let mut serving = serving;
    assert!(serving.child.try_wait().expect("wait").is_none(), "the server died of the full disk");
    let mut reader = admin_stream(dir.path(), &serving).await;
    let (mut served, fresh): (Vec<Acked>, Vec<Acked>) = before.iter().cloned().partition(|a| a.served);
    let missing = lost(&mut reader, &mut served).await;
    assert!(missing.is_empty(), "while full: {missing:?}");
    for a in &fresh {
        let item = exchange(&mut reader, get(&a.id), "Get").await;
        let refusal = Refusal::of(&item);
        assert!(refusal.is_storage_full(), "the first Get of {} while full: {refusal:?}", a.id);
    }
    eprintln!(
        "disk full test: while full, {} objects read back; the first Get of {} others was refused",
        served.len(),
        fresh.len()
    );
    let mut locates = 0;
    for a in before.iter().step_by(before.len() / 20) {
        locates += 1;
        let found = success(exchange(&mut reader, locate(&a.name), "Locate").await, "Locate while full");
        let ids: Vec<&str> = found.children_with(Tag::UNIQUE_IDENTIFIER).filter_map(|u| u.value.as_text()).collect();
        assert_eq!(ids, [a.id.as_str()], "Locate of {} while full", a.name);
    }

    // 3. Space returns: the same connections write again, no restart.
    disk.free(&serving);
    for (writer, stream) in streams.iter_mut().enumerate() {
        for n in [1_000_000, 1_000_001] {
            match write_one(stream, writer, n).await {
                (Some(a), None) => acked.lock().unwrap_or_else(PoisonError::into_inner).push(a),
                (_, refusal) => panic!("writer {writer}: refused after space returned: {refusal:?}"),
            }
        }
    }
    // The Creates first read now get their bytes here.
    let mut all: Vec<Acked> = acked.lock().unwrap_or_else(PoisonError::into_inner).clone();
    let missing = lost(&mut reader, &mut all).await;
    assert!(missing.is_empty(), "after space returned: {missing:?}");
    let log: Vec<String> = serving.stderr.try_iter().filter(|l| l.contains("store")).collect();
    eprintln!("disk full test: the server's store log lines:\n{}", log.join("\n"));
    drop((reader, streams));

    // 4. A restart finds everything; the audit chain verifies and holds
    // the refused Creates.
    stop(serving);
    let serving = serve(&dir, &[]);
    let mut reader = admin_stream(dir.path(), &serving).await;
    let missing = lost(&mut reader, &mut all).await;
    assert!(missing.is_empty(), "after the restart: {missing:?}");
    drop(reader);
    stop(serving);
    let verified = kms(&["audit", "verify"], dir.path());
    assert!(
        verified.status.success(),
        "kms audit verify: {}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
    let export = kms(&["audit", "export"], dir.path());
    assert!(export.status.success(), "kms audit export: {}", String::from_utf8_lossy(&export.stderr));
    let entries: Vec<serde_json::Value> = String::from_utf8_lossy(&export.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let count = |operation: &str, result: &str| {
        entries.iter().filter(|e| e["operation"] == operation && e["result"] == result).count()
    };
    // A refused change is audited once there is room again; the entries of
    // reads served while the disk was full waited for it, none dropped.
    assert!(count("Create", "GeneralFailure") >= 1, "the refused Creates are not in the audit log");
    assert!(count("Register", "GeneralFailure") >= 1, "the refused Registers are not in the audit log");
    assert_eq!(count("Locate", "Success"), locates, "the Locates served while full, in the audit log");
    drop(disk);
}
