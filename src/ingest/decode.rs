//! Bytes -> text: byte-order marks, UTF-8, UTF-16, Windows-1252, line ends, binary refusal.
//!
//! Decoding never drops text: bytes that are not UTF-8 are read as Windows-1252 (a superset
//! of printable Latin-1), which maps every byte to a character. What it refuses is data that
//! is not text at all: NUL bytes outside UTF-16 mean a binary file. It does not detect the
//! format; see the parent module.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How the bytes were decoded, for warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 (either byte order), announced by its byte-order mark.
    Utf16,
    /// Not valid UTF-8: read as Windows-1252.
    Windows1252,
}

/// Decodes `bytes` into text with `\n` line ends, or says why the bytes are not text.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), String> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8_or_1252(rest)?, Encoding::Utf8)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        // decode_without_bom_handling keeps malformed pairs as U+FFFD instead of failing.
        let (text, _) = enc.decode_without_bom_handling(&bytes[2..]);
        if text.contains('\0') {
            return Err("binary data (NUL characters in a UTF-16 file)".into());
        }
        (Cow::Owned(text.into_owned()), Encoding::Utf16)
    } else {
        let text = utf8_or_1252(bytes)?;
        let enc = if matches!(text, Cow::Borrowed(_)) {
            Encoding::Utf8
        } else {
            Encoding::Windows1252
        };
        (text, enc)
    };
    Ok((normalise_line_ends(text), encoding))
}

fn utf8_or_1252(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if memchr::memchr(0, bytes).is_some() {
        return Err(
            "binary data (NUL bytes); not a text file (UTF-16 needs a byte-order mark)".into(),
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Cow::Owned(text.into_owned()))
        }
    }
}

/// CRLF and lone CR become LF; text without CR is returned untouched (no copy).
fn normalise_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_ref();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_bom_stripped() {
        let (t, e) = decode("Kremlin".as_bytes()).unwrap();
        assert!(matches!(t, Cow::Borrowed("Kremlin")));
        assert_eq!(e, Encoding::Utf8);
        let (t, e) = decode(b"\xEF\xBB\xBFMoscow").unwrap();
        assert_eq!(t, "Moscow");
        assert_eq!(e, Encoding::Utf8);
    }

    #[test]
    fn latin1_bytes_decode_as_windows_1252() {
        let (t, e) = decode(b"Caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(t, "Caf\u{e9} \u{201c}quoted\u{201d}");
        assert_eq!(e, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_bom_decodes_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kyiv\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kyiv\r\n".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(
            decode(&le).unwrap(),
            (Cow::Borrowed("Kyiv\n"), Encoding::Utf16)
        );
        assert_eq!(decode(&be).unwrap().0, "Kyiv\n");
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n\r\nd").unwrap().0, "a\nb\nc\n\nd");
    }

    #[test]
    fn nul_bytes_are_refused_as_binary() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(err.starts_with("binary data"), "{err}");
    }
}
