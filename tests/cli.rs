//! `kms ttlv decode` / `kms ttlv encode` as a person runs them (SPEC
//! section 7): flags, defaults, standard streams, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn kms(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kms runs");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
    child.wait_with_output().expect("kms finishes")
}

fn vector(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors").join(path)
}

fn capture_bytes(path: &str) -> Vec<u8> {
    let text = std::fs::read_to_string(vector(path)).expect("capture");
    hex::decode(text.split_whitespace().collect::<String>()).expect("hex")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "kms failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn decode_hex_file_to_xml_by_default() {
    let path = vector("captures/vmware/activate.hex");
    let out = stdout(&kms(&["ttlv", "decode", "--hex", path.to_str().expect("path")], b""));
    assert!(out.starts_with("<RequestMessage>"), "{out}");
    assert!(out.contains(r#"<Operation type="Enumeration" value="Activate"/>"#), "{out}");
    assert!(out.contains(r#"<UniqueBatchItemID type="ByteString" value="514c4b4301000000"/>"#), "{out}");
    assert!(out.contains(r#"<UniqueIdentifier type="TextString" value="2"/>"#), "{out}");
}

#[test]
fn decode_binary_from_stdin_to_json() {
    let binary = capture_bytes("captures/vmware/activate.hex");
    let out = stdout(&kms(&["ttlv", "decode", "--format", "json"], &binary));
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON output");
    assert_eq!(value["tag"], "RequestMessage");
    assert!(out.contains(r#""Activate""#), "{out}");
}

#[test]
fn encode_reverses_decode_in_both_formats() {
    let binary = capture_bytes("captures/percona-pg-tde/register-aes-128.hex");
    for format in ["xml", "json"] {
        let text = stdout(&kms(&["ttlv", "decode", "--format", format], &binary));
        let encoded = kms(&["ttlv", "encode", "--format", format], text.as_bytes());
        assert!(encoded.status.success(), "{}", String::from_utf8_lossy(&encoded.stderr));
        assert_eq!(encoded.stdout, binary, "{format}");
        let hex_out = stdout(&kms(&["ttlv", "encode", "--format", format, "--hex", "-"], text.as_bytes()));
        assert_eq!(hex::decode(hex_out.split_whitespace().collect::<String>()).expect("hex"), binary);
    }
}

#[test]
fn malformed_binary_exits_1_naming_the_offset() {
    let mut binary = capture_bytes("captures/vmware/activate.hex");
    // Make the Batch Count (the Integer at offset 0x38) 5 bytes long.
    assert_eq!(&binary[0x38..0x3C], &[0x42, 0x00, 0x0D, 0x02]);
    binary[0x3F] = 5;
    let out = kms(&["ttlv", "decode"], &binary);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("offset 0x38"), "{err}");
    assert!(err.contains("BatchCount"), "{err}");
}

#[test]
fn truncated_and_non_hex_input_exit_1() {
    let binary = capture_bytes("captures/vmware/activate.hex");
    let out = kms(&["ttlv", "decode"], &binary[..binary.len() - 3]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("offset"));
    let out = kms(&["ttlv", "decode", "--hex"], b"42007801 0000zz");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("offset 0xD"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn malformed_xml_and_json_exit_1() {
    let out = kms(&["ttlv", "encode"], b"<RequestMessage><BatchCount type=\"Integer\" value=\"x\"/></RequestMessage>");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("BatchCount"));
    let out = kms(&["ttlv", "encode", "--format", "json"], b"{\"tag\": \"NoSuchTag\", \"value\": []}");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NoSuchTag"));
}

#[test]
fn missing_file_exits_1() {
    let out = kms(&["ttlv", "decode", "/nonexistent/capture.bin"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/capture.bin"));
}
