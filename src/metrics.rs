//! Operation counters and latency histograms for `GET /metrics` (SPEC
//! section 5): KMIP batch items answered, by operation and result, and the
//! latency of the messages that carried them.
//!
//! Recording is a handful of relaxed atomic increments in fixed arrays
//! (no lock, no allocation), so the KMIP path pays next to nothing; the
//! text is built only when `/metrics` is read. Operations are indexed by
//! their code (KMIP 2.1 defines `0x01`–`0x3x`); other codes (vendor
//! extensions) share one `Other` row, and a message refused as a whole
//! (no operation could be read) counts under `Message`, as in the audit log.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use kmip_ttlv::enums::{Operation, ResultReason, ResultStatus};
use kmip_ttlv::model::ResponseMessage;

/// Operation codes below this have a row of their own.
const OPERATION_CODES: usize = 0x40;
/// The row of other operation codes.
const OTHER_ROW: usize = OPERATION_CODES;
/// The row of messages refused as a whole.
const MESSAGE_ROW: usize = OPERATION_CODES + 1;
const ROWS: usize = OPERATION_CODES + 2;

/// Result columns: Success, Operation Undone, Operation Pending, General
/// Failure (`0x100`), a failure with another or no reason, then one per
/// Result Reason code below [`REASON_CODES`].
const SUCCESS: usize = 0;
const UNDONE: usize = 1;
const PENDING: usize = 2;
const GENERAL_FAILURE: usize = 3;
const OTHER_FAILURE: usize = 4;
const FIRST_REASON: usize = 5;
const REASON_CODES: usize = 0x60;
const RESULTS: usize = FIRST_REASON + REASON_CODES;

/// Upper bounds of the latency buckets, in seconds (Prometheus `le`).
pub const BUCKETS: [f64; 16] =
    [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
/// Bucket slots per row: one per bound, and one beyond the last.
const SLOTS: usize = BUCKETS.len() + 1;

/// The counters of the KMIP operations.
pub struct OperationMetrics {
    /// `ROWS × RESULTS` counts.
    results: Box<[AtomicU64]>,
    /// `ROWS × SLOTS` latency counts (not cumulative).
    buckets: Box<[AtomicU64]>,
    /// Per row, the sum of the latencies in nanoseconds.
    sums: Box<[AtomicU64]>,
}

impl std::fmt::Debug for OperationMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OperationMetrics").finish_non_exhaustive()
    }
}

impl Default for OperationMetrics {
    fn default() -> OperationMetrics {
        let zeros = |n: usize| (0..n).map(|_| AtomicU64::new(0)).collect::<Box<[_]>>();
        OperationMetrics { results: zeros(ROWS * RESULTS), buckets: zeros(ROWS * SLOTS), sums: zeros(ROWS) }
    }
}

impl OperationMetrics {
    /// Counts every batch item of `response`, each with the latency of the
    /// whole message (`elapsed`; most messages carry one item).
    pub fn record(&self, response: &ResponseMessage, elapsed: Duration) {
        let slot = BUCKETS.iter().position(|bound| elapsed.as_secs_f64() <= *bound).unwrap_or(BUCKETS.len());
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        for item in &response.batch_items {
            let row = row_of(item.operation);
            let column = column_of(item.result_status, item.result_reason);
            self.results[row * RESULTS + column].fetch_add(1, Ordering::Relaxed);
            self.buckets[row * SLOTS + slot].fetch_add(1, Ordering::Relaxed);
            self.sums[row].fetch_add(nanos, Ordering::Relaxed);
        }
    }

    /// How many items of `operation` were answered with `result` (the
    /// label `/metrics` prints: `Success`, `OperationUndone`, or the Result
    /// Reason's name).
    pub fn count(&self, operation: Operation, result: &str) -> u64 {
        let row = row_of(Some(operation));
        (0..RESULTS)
            .filter(|column| result_label(*column) == result)
            .map(|column| self.results[row * RESULTS + column].load(Ordering::Relaxed))
            .sum()
    }

    /// Appends the counters in the Prometheus text format (version 0.0.4).
    pub fn render(&self, out: &mut String) {
        out.push_str("# HELP kms_kmip_operations_total KMIP batch items answered, by operation and result.\n");
        out.push_str("# TYPE kms_kmip_operations_total counter\n");
        for row in 0..ROWS {
            for column in 0..RESULTS {
                let n = self.results[row * RESULTS + column].load(Ordering::Relaxed);
                if n > 0 {
                    let (operation, result) = (row_label(row), result_label(column));
                    let _ =
                        writeln!(out, "kms_kmip_operations_total{{operation=\"{operation}\",result=\"{result}\"}} {n}");
                }
            }
        }
        out.push_str(
            "# HELP kms_kmip_operation_duration_seconds Latency of the KMIP messages carrying each operation.\n",
        );
        out.push_str("# TYPE kms_kmip_operation_duration_seconds histogram\n");
        for row in 0..ROWS {
            let counts: Vec<u64> =
                (0..SLOTS).map(|slot| self.buckets[row * SLOTS + slot].load(Ordering::Relaxed)).collect();
            let total: u64 = counts.iter().sum();
            if total == 0 {
                continue;
            }
            let operation = row_label(row);
            let mut cumulative = 0;
            for (bound, count) in BUCKETS.iter().zip(&counts) {
                cumulative += count;
                let _ = writeln!(
                    out,
                    "kms_kmip_operation_duration_seconds_bucket{{operation=\"{operation}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "kms_kmip_operation_duration_seconds_bucket{{operation=\"{operation}\",le=\"+Inf\"}} {total}"
            );
            // Nanoseconds as f64: exact below 2^53 ns (104 days of latency).
            #[allow(clippy::cast_precision_loss)]
            let sum = self.sums[row].load(Ordering::Relaxed) as f64 / 1e9;
            let _ = writeln!(out, "kms_kmip_operation_duration_seconds_sum{{operation=\"{operation}\"}} {sum}");
            let _ = writeln!(out, "kms_kmip_operation_duration_seconds_count{{operation=\"{operation}\"}} {total}");
        }
    }
}

fn row_of(operation: Option<Operation>) -> usize {
    match operation {
        None => MESSAGE_ROW,
        Some(Operation(code)) => usize::try_from(code).ok().filter(|c| *c < OPERATION_CODES).unwrap_or(OTHER_ROW),
    }
}

fn row_label(row: usize) -> String {
    match row {
        OTHER_ROW => "Other".to_owned(),
        MESSAGE_ROW => "Message".to_owned(),
        // Rows below OPERATION_CODES (0x40) fit in u32.
        code => format!("{:?}", Operation(u32::try_from(code).unwrap_or(0))),
    }
}

fn column_of(status: ResultStatus, reason: Option<ResultReason>) -> usize {
    match (status, reason) {
        (ResultStatus::SUCCESS, _) => SUCCESS,
        (ResultStatus::OPERATION_UNDONE, _) => UNDONE,
        (ResultStatus::OPERATION_PENDING, _) => PENDING,
        (_, Some(ResultReason::GENERAL_FAILURE)) => GENERAL_FAILURE,
        (_, Some(ResultReason(code))) => usize::try_from(code)
            .ok()
            .filter(|c| *c > 0 && *c < REASON_CODES)
            .map_or(OTHER_FAILURE, |c| FIRST_REASON + c),
        (_, None) => OTHER_FAILURE,
    }
}

/// The result label, as the audit log writes results.
fn result_label(column: usize) -> String {
    match column {
        SUCCESS => "Success".to_owned(),
        UNDONE => "OperationUndone".to_owned(),
        PENDING => "OperationPending".to_owned(),
        GENERAL_FAILURE => format!("{:?}", ResultReason::GENERAL_FAILURE),
        OTHER_FAILURE => "OperationFailed".to_owned(),
        // Columns are below RESULTS: the code fits in u32.
        column => format!("{:?}", ResultReason(u32::try_from(column - FIRST_REASON).unwrap_or(0))),
    }
}

/// Escapes a label value (backslash, double quote, new line).
pub fn escape_label(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use kmip_ttlv::ProtocolVersion;
    use kmip_ttlv::model::ResponseBatchItem;

    use super::*;

    fn response(items: Vec<ResponseBatchItem>) -> ResponseMessage {
        let mut message = ResponseMessage::message_failure(ProtocolVersion::V2_1, 0, ResultReason::INVALID_MESSAGE, "");
        message.batch_items = items;
        message
    }

    #[test]
    fn counts_by_operation_and_result_and_renders_a_histogram() {
        let metrics = OperationMetrics::default();
        let mut ok = ResponseBatchItem::failure(Some(Operation::CREATE), None, ResultReason::GENERAL_FAILURE, "x");
        ok.result_status = ResultStatus::SUCCESS;
        ok.result_reason = None;
        let missing = ResponseBatchItem::failure(Some(Operation::GET), None, ResultReason::ITEM_NOT_FOUND, "no");
        metrics.record(&response(vec![ok.clone()]), Duration::from_micros(300));
        metrics.record(&response(vec![ok, missing]), Duration::from_millis(20));
        let refused = ResponseMessage::message_failure(ProtocolVersion::V1_4, 0, ResultReason::INVALID_MESSAGE, "");
        metrics.record(&refused, Duration::from_millis(1));

        assert_eq!(metrics.count(Operation::CREATE, "Success"), 2);
        assert_eq!(metrics.count(Operation::GET, "ItemNotFound"), 1);
        assert_eq!(metrics.count(Operation::GET, "Success"), 0);
        let mut text = String::new();
        metrics.render(&mut text);
        assert!(text.contains("kms_kmip_operations_total{operation=\"Create\",result=\"Success\"} 2\n"), "{text}");
        assert!(text.contains("kms_kmip_operations_total{operation=\"Get\",result=\"ItemNotFound\"} 1\n"), "{text}");
        assert!(text.contains("{operation=\"Message\",result=\"InvalidMessage\"} 1\n"), "{text}");
        // 300 µs is above 0.00025 and within 0.0005; 20 ms within 0.025.
        assert!(text.contains("duration_seconds_bucket{operation=\"Create\",le=\"0.00025\"} 0\n"), "{text}");
        assert!(text.contains("duration_seconds_bucket{operation=\"Create\",le=\"0.0005\"} 1\n"), "{text}");
        assert!(text.contains("duration_seconds_bucket{operation=\"Create\",le=\"0.025\"} 2\n"), "{text}");
        assert!(text.contains("duration_seconds_bucket{operation=\"Create\",le=\"+Inf\"} 2\n"), "{text}");
        assert!(text.contains("duration_seconds_count{operation=\"Create\"} 2\n"), "{text}");
        assert!(text.contains("duration_seconds_sum{operation=\"Create\"} 0.0203\n"), "{text}");
        assert!(!text.contains("operation=\"Encrypt\""), "rows without traffic are left out");
    }

    #[test]
    fn labels_are_escaped() {
        assert_eq!(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
