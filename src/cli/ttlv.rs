//! `kms ttlv decode` and `kms ttlv encode` (SPEC section 7): the tool a
//! person uses to read a packet capture.

use std::io::{Read, Write};

use bytes::Bytes;
use clap::{Args, Subcommand, ValueEnum};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{json, xml};

use super::CliError;

#[derive(Debug, Subcommand)]
pub enum TtlvCommand {
    /// Read one whole TTLV item (binary, or hex with --hex) and print it as
    /// KMIP XML (default) or JSON.
    Decode(DecodeArgs),
    /// Read KMIP XML (default) or JSON and write the binary TTLV (hex with
    /// --hex).
    Encode(EncodeArgs),
}

/// The text encodings of TTLV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The KMIP XML encoding, as the OASIS test cases write it.
    Xml,
    /// The KMIP JSON encoding.
    Json,
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The input is hex text (white space ignored), not binary.
    #[arg(long)]
    hex: bool,
    /// The output encoding.
    #[arg(long, value_enum, default_value = "xml")]
    format: Format,
    /// The input file; `-` or nothing for standard input.
    #[arg(default_value = "-")]
    file: String,
}

#[derive(Debug, Args)]
pub struct EncodeArgs {
    /// The input encoding.
    #[arg(long, value_enum, default_value = "xml")]
    format: Format,
    /// Write hex text instead of binary.
    #[arg(long)]
    hex: bool,
    /// The input file; `-` or nothing for standard input.
    #[arg(default_value = "-")]
    file: String,
}

pub fn run(command: TtlvCommand) -> Result<(), CliError> {
    match command {
        TtlvCommand::Decode(args) => decode(&args),
        TtlvCommand::Encode(args) => encode(&args),
    }
}

fn decode(args: &DecodeArgs) -> Result<(), CliError> {
    let input = read_input(&args.file)?;
    let binary = if args.hex { parse_hex(&input)? } else { input };
    // The whole input is in memory already: the only limit is its size.
    let limits = Limits { max_message_size: binary.len().max(wire::HEADER_LEN), ..Limits::default() };
    let item =
        wire::decode(&Bytes::from(binary), &limits).map_err(|e| CliError::Input(format!("malformed TTLV: {e}")))?;
    let text = match args.format {
        Format::Xml => xml::to_string(&item),
        Format::Json => json::to_string(&item),
    };
    write_output(format!("{}\n", text.trim_end()).as_bytes())
}

fn encode(args: &EncodeArgs) -> Result<(), CliError> {
    let input = read_input(&args.file)?;
    let text = String::from_utf8(input).map_err(|e| {
        CliError::Input(format!("input is not UTF-8 text (at offset 0x{:X})", e.utf8_error().valid_up_to()))
    })?;
    let item = match args.format {
        Format::Xml => xml::from_str(&text),
        Format::Json => json::from_str(&text),
    }
    .map_err(|e| CliError::Input(format!("malformed {}: {e}", format_name(args.format))))?;
    let binary = wire::to_vec(&item).map_err(|e| CliError::Input(format!("cannot encode: {e}")))?;
    if args.hex {
        let mut out = String::with_capacity(binary.len() * 2 + binary.len() / 32 + 1);
        for line in binary.chunks(32) {
            out.push_str(&hex::encode(line));
            out.push('\n');
        }
        write_output(out.as_bytes())
    } else {
        write_output(&binary)
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Xml => "XML",
        Format::Json => "JSON",
    }
}

/// Hex text to bytes, ignoring white space; errors name the offset of the
/// offending character in the text.
fn parse_hex(text: &[u8]) -> Result<Vec<u8>, CliError> {
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut high: Option<(usize, u8)> = None;
    for (offset, &c) in text.iter().enumerate() {
        if c.is_ascii_whitespace() {
            continue;
        }
        let nibble = (c as char).to_digit(16).ok_or_else(|| {
            CliError::Input(format!("malformed hex: {:?} at offset 0x{offset:X} is not a hex digit", c as char))
        })? as u8;
        match high.take() {
            None => high = Some((offset, nibble)),
            Some((_, h)) => out.push(h << 4 | nibble),
        }
    }
    if let Some((offset, _)) = high {
        return Err(CliError::Input(format!(
            "malformed hex: odd number of digits (the last starts at offset 0x{offset:X})"
        )));
    }
    Ok(out)
}

fn read_input(file: &str) -> Result<Vec<u8>, CliError> {
    let mut data = Vec::new();
    let result = if file == "-" {
        std::io::stdin().lock().read_to_end(&mut data).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut data).map(|_| ()))
    };
    result.map_err(|source| CliError::Io { path: file.to_owned(), source })?;
    Ok(data)
}

fn write_output(data: &[u8]) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(data).and_then(|()| stdout.flush()).map_err(|source| CliError::Io { path: "-".to_owned(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_ignores_white_space_and_names_bad_offsets() {
        assert_eq!(parse_hex(b"42 00\n7801").ok(), Some(vec![0x42, 0x00, 0x78, 0x01]));
        let err = parse_hex(b"4200zz").expect_err("not hex").to_string();
        assert!(err.contains("offset 0x4"), "{err}");
        assert!(parse_hex(b"420").is_err());
    }
}
