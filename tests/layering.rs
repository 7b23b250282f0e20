//! STYLE.md §2, "who may depend on whom", checked by reading the source:
//! each third-party crate that ties the code to a backend or a transport is
//! named in exactly one place, and the pure layers name none of them.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// True if `line` names the crate (or path) `name` as a path root:
/// `name::…` not preceded by `::` or an identifier character (so a local
/// module `self::sled::` does not count), or `use name`.
fn names(line: &str, name: &str) -> bool {
    if line.contains(&format!("use {name}")) {
        return true;
    }
    let needle = format!("{name}::");
    line.match_indices(&needle).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        !before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_')
    })
}

/// The files under `root` that name crate `name`.
fn files_naming(root: &Path, name: &str) -> Vec<String> {
    rust_files(root)
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            text.lines().filter(|l| !l.trim_start().starts_with("//")).any(|l| names(l, name))
        })
        .map(|p| p.strip_prefix(root).unwrap_or(&p).to_string_lossy().into_owned())
        .collect()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

#[test]
fn backends_and_transports_are_named_in_one_place() {
    let src = root().join("src");
    let rules: &[(&str, &[&str])] = &[
        ("sled", &["store/sled.rs"]),
        // The listener's TLS, and the load generator's client and echo floor.
        ("tokio_rustls", &["server/", "bench/"]),
        ("hyper", &["http/"]),
        ("hyper_util", &["http/"]),
        ("http_body_util", &["http/"]),
        ("cryptoki", &["crypto/pkcs11.rs", "crypto/pkcs11/"]),
        ("aws_lc_rs", &["crypto/"]),
        ("argon2", &["access/credentials.rs"]),
    ];
    for (name, allowed) in rules {
        for file in files_naming(&src, name) {
            assert!(
                allowed.iter().any(|a| file.starts_with(a)),
                "src/{file} names `{name}`, which belongs in {allowed:?} only (STYLE.md §2)"
            );
        }
    }
}

#[test]
fn operations_use_no_io_types() {
    let ops = root().join("src/ops");
    for name in ["tokio::net", "tokio::io", "rustls", "tokio_rustls", "hyper", "sled", "cryptoki"] {
        let files = files_naming(&ops, name);
        assert!(files.is_empty(), "src/ops/{files:?} name `{name}`: operations take no I/O types (STYLE.md §2)");
    }
}

#[test]
fn the_codec_is_sans_io() {
    let codec = root().join("kmip-ttlv/src");
    for name in ["tokio", "std::net", "std::fs", "SystemTime", "Instant", "kms"] {
        let files = files_naming(&codec, name);
        assert!(files.is_empty(), "kmip-ttlv/src/{files:?} name `{name}`: the codec has no I/O and no clock");
    }
}

#[test]
fn the_scanner_sees_crate_paths_only() {
    assert!(names("use sled::Db;", "sled"));
    assert!(names("    let db = sled::open(dir)?;", "sled"));
    assert!(!names("pub use self::sled::SledStore;", "sled"));
    assert!(!names("let x = mysled::open();", "sled"));
}
