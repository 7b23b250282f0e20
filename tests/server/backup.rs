//! `kms backup` while serving under a Create load, and `kms restore` into a
//! new data dir: every object acknowledged before the backup started is
//! there; the backup file holds no key in the clear; the wrong root key
//! restores nothing.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use bytes::Bytes;

use crate::keys::{changed, create_aes, get_secrets, key_dir, leaks, random, register_aes, root_key_file, snapshot};
use crate::support::{Identity, TempDir, Versions, client, connect, start};

fn kms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kms")).args(args).output().expect("kms runs")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("path")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_under_load_restores_every_acknowledged_object_and_the_wrong_key_restores_nothing() {
    let dir = TempDir::new("backup");
    let keys = key_dir("backup-keys");
    let root = root_key_file(&keys, "root.key");
    let server = start(&dir, |c| c.root_key_file = Some(root.clone())).await;
    let connector = client(dir.path(), Some(Identity::admin(dir.path())), Versions::Both);
    let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");
    let mut secrets: Vec<(String, Bytes)> = Vec::new();
    for n in 0..5 {
        let bytes = random(32);
        let id = register_aes(&mut stream, &bytes).await;
        secrets.push((format!("registered {n} ({id})"), Bytes::from(bytes)));
    }

    // A Create load runs while the backup is taken; each create is
    // timestamped when its response arrives.
    let stop = Arc::new(AtomicBool::new(false));
    let load = {
        let stop = stop.clone();
        let addr = server.kmip_addr();
        let connector = client(dir.path(), Some(Identity::admin(dir.path())), Versions::Both);
        tokio::spawn(async move {
            let mut stream = connect(addr, &connector).await.expect("connects");
            let mut acked = Vec::new();
            while !stop.load(Ordering::Relaxed) || acked.len() < 20 {
                let id = create_aes(&mut stream).await;
                acked.push((id, Instant::now()));
            }
            (stream, acked)
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let backup_file = keys.join("kms.backup");
    let started = Instant::now();
    let (data_dir, out) = (path(dir.path()).to_owned(), path(&backup_file).to_owned());
    let output =
        tokio::task::spawn_blocking(move || kms(&["backup", "--data-dir", &data_dir, "--out", &out, "--json"]))
            .await
            .expect("task");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    stop.store(true, Ordering::Relaxed);
    let (mut load_stream, acked) = load.await.expect("load");
    let before: Vec<&String> = acked.iter().filter(|(_, at)| *at < started).map(|(id, _)| id).collect();
    assert!(before.len() >= 5, "the load ran before the backup: {} creates", before.len());
    let mut expected: Vec<(String, Bytes)> = Vec::new();
    for id in before {
        let bytes = get_secrets(&mut load_stream, id).await.remove(0);
        secrets.push((format!("created {id}"), bytes.clone()));
        expected.push((id.clone(), bytes));
    }
    drop((stream, load_stream));
    server.shutdown().await.expect("shutdown");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(report["records"].as_u64().expect("records") >= 6, "{report}");
    assert_eq!(report["hierarchy_records"], 1, "one organisation key: {report}");

    // With no server running, the store is read directly: everything the
    // load made is in that one.
    let offline = keys.join("offline.backup");
    let out = kms(&["backup", "--data-dir", path(dir.path()), "--out", path(&offline), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let offline_report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let all = offline_report["records"].as_u64().expect("records");
    assert_eq!(all, 5 + acked.len() as u64 + 1, "{offline_report}");

    // The backup holds no key in any form.
    let file = snapshot(keys.path()).into_iter().filter(|(p, _)| p == &backup_file).collect();
    let found = leaks(&file, "", &secrets);
    assert!(found.is_empty(), "key bytes in the backup: {found:#?}");

    // The wrong root key (or none) restores nothing.
    let wrong = root_key_file(&keys, "wrong.key");
    let target = TempDir::new("restore-wrong");
    let out = kms(&["restore", "--data-dir", path(target.path()), "--from", path(&backup_file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("restore needs the root key"), "{out:?}");
    let out = kms(&[
        "restore",
        "--data-dir",
        path(target.path()),
        "--from",
        path(&backup_file),
        "--root-key-file",
        path(&wrong),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("wrong root key") && stderr.contains("nothing was written"), "{stderr}");
    assert!(!target.path().exists(), "nothing was written");

    // A non-empty data dir is refused.
    let before_files = snapshot(dir.path());
    let out =
        kms(&["restore", "--data-dir", path(dir.path()), "--from", path(&backup_file), "--root-key-file", path(&root)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"), "{out:?}");
    assert!(changed(&before_files, &snapshot(dir.path())).is_empty());

    // The right key restores into a new data dir, which serves every
    // acknowledged object.
    let target = TempDir::new("restore");
    let out = kms(&[
        "restore",
        "--data-dir",
        path(target.path()),
        "--from",
        path(&backup_file),
        "--root-key-file",
        path(&root),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let server = start(&target, |c| c.root_key_file = Some(root.clone())).await;
    let connector = client(target.path(), Some(Identity::admin(target.path())), Versions::Both);
    let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");
    for (label, bytes) in secrets.iter().take(5) {
        let id = label.split('(').nth(1).and_then(|s| s.strip_suffix(')')).expect("id");
        assert_eq!(&get_secrets(&mut stream, id).await[0], bytes, "{label}");
    }
    for (id, bytes) in &expected {
        assert_eq!(&get_secrets(&mut stream, id).await[0], bytes, "{id}");
    }
    drop(stream);
    server.shutdown().await.expect("shutdown");
}
