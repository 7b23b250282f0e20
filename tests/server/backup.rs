//! `kms backup` while a real server (sled, mutual TLS) takes a Create load,
//! then `kms restore` into a new data dir: every object acknowledged before
//! the backup started is there, the audit chain verifies, and a restore
//! under the wrong root key or into a non-empty data dir writes nothing.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kmip_ttlv::enums::{Operation, ResultStatus};
use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, wire, xml};

use crate::support::{TempDir, admin_connection, exchange, start};

fn kms(args: &[&str], root_key: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kms")).args(args).env("KMS_ROOT_KEY_FILE", root_key).output().expect("kms runs")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn request(items: Vec<RequestBatchItem>) -> Vec<u8> {
    let message = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 0), items);
    wire::to_vec(&message.to_ttlv()).expect("encodes")
}

fn payload(xml_children: &str) -> Ttlv {
    xml::from_str(&format!("<RequestPayload>{xml_children}</RequestPayload>")).expect("payload XML")
}

fn create() -> RequestBatchItem {
    RequestBatchItem::new(
        Operation::CREATE,
        payload(
            r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
               </Attributes>"#,
        ),
    )
}

fn get(id: &str) -> RequestBatchItem {
    RequestBatchItem::new(Operation::GET, payload(&format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn backup_under_load_restores_every_acknowledged_object() {
    let source = TempDir::new("backup-source");
    let root_key = source.join("root.key");
    let server = start(&source, |_| {}).await;

    // Two connections create keys until told to stop; each acknowledged id
    // is noted with the time its response arrived.
    let acknowledged: Arc<Mutex<Vec<(Instant, String)>>> = Arc::default();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut load = Vec::new();
    for _ in 0..2 {
        let mut stream = admin_connection(&server).await;
        let acknowledged = acknowledged.clone();
        let stop = stop.clone();
        load.push(tokio::spawn(async move {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let response = exchange(&mut stream, &request(vec![create()])).await;
                let item = &response.batch_items[0];
                assert_eq!(item.result_status, ResultStatus::SUCCESS, "{item:?}");
                let payload = item.response_payload.as_ref().expect("payload");
                let id = payload.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text()).expect("id");
                acknowledged.lock().expect("lock").push((Instant::now(), id.to_owned()));
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let backup_file = source.join("backup.kms");
    let started = Instant::now();
    let args: Vec<String> = vec![
        "backup".into(),
        "--data-dir".into(),
        source.path().display().to_string(),
        "--out".into(),
        backup_file.display().to_string(),
    ];
    let key = root_key.clone();
    let output = tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        kms(&args, &key)
    })
    .await
    .expect("backup runs");
    assert!(output.status.success(), "{}", text(&output));
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for task in load {
        task.await.expect("load");
    }
    server.shutdown().await.expect("shutdown");
    let acknowledged = acknowledged.lock().expect("lock").clone();
    let before: Vec<&String> = acknowledged.iter().filter(|(at, _)| *at < started).map(|(_, id)| id).collect();
    let after = acknowledged.len() - before.len();
    assert!(before.len() >= 10, "the load ran before the backup: {} objects", before.len());
    assert!(after > 0, "the load went on during and after the backup");
    eprintln!("backup: {} objects acknowledged before it started, {after} during and after", before.len());

    // A restore under another root key, and into a non-empty dir: refused,
    // nothing written.
    let other_key = source.join("other.key");
    std::fs::write(&other_key, "a2V5IGJ5dGVzIHRoYXQgYXJlIG5vdCB0aGUgcm9vdCE=\n").expect("write");
    let wrong = TempDir::new("backup-wrong");
    let wrong_dir = wrong.join("data");
    let output = kms(
        &["restore", "--data-dir", wrong_dir.to_str().expect("path"), "--from", backup_file.to_str().expect("path")],
        &other_key,
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("another root key"), "{}", text(&output));
    assert!(!wrong_dir.exists(), "nothing written");
    let output = kms(
        &[
            "restore",
            "--data-dir",
            source.path().to_str().expect("path"),
            "--from",
            backup_file.to_str().expect("path"),
        ],
        &root_key,
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("not empty"), "{}", text(&output));

    // The restore, then the audit chain, then every object acknowledged
    // before the backup started.
    let target = TempDir::new("backup-target");
    let target_dir = target.join("data");
    let output = kms(
        &["restore", "--data-dir", target_dir.to_str().expect("path"), "--from", backup_file.to_str().expect("path")],
        &root_key,
    );
    assert!(output.status.success(), "{}", text(&output));
    let verified = kms(&["audit", "verify", "--data-dir", target_dir.to_str().expect("path")], &root_key);
    assert!(verified.status.success(), "{}", text(&verified));

    let mut config = crate::support::config(&target);
    config.data_dir = target_dir.clone();
    config.root_key_file = Some(root_key.clone());
    let restored = kms::server::spawn(config).await.expect("the restored server starts");
    let mut stream = admin_connection(&restored).await;
    for id in &before {
        let response = exchange(&mut stream, &request(vec![get(id)])).await;
        assert_eq!(
            response.batch_items[0].result_status,
            ResultStatus::SUCCESS,
            "{id} was acknowledged before the backup"
        );
    }
    restored.shutdown().await.expect("shutdown");
    let verified = kms(&["audit", "verify", "--data-dir", target_dir.to_str().expect("path")], &root_key);
    assert!(verified.status.success(), "{}", text(&verified));
}
