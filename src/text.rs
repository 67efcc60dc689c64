//! Reading the text files trainers save: UTF-8 with or without the byte-order
//! mark Windows Notepad adds, Windows line ends (CRLF), and Notepad's "Unicode"
//! (UTF-16 with a byte-order mark) are all read as the same text, so line and
//! column numbers are those the trainer's editor shows.

/// How a file was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte-order mark (Windows Notepad's "UTF-8 with BOM").
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (Notepad's "Unicode").
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
}

impl Encoding {
    /// Whether the file should be saved again as UTF-8 (other tools may not read it).
    pub fn is_utf16(self) -> bool {
        matches!(self, Encoding::Utf16Le | Encoding::Utf16Be)
    }
}

/// The file is not text in any encoding kuayue reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotText;

/// Decodes a text file's bytes; line ends become `\n`.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotText> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8(rest.to_vec()).map_err(|_| NotText)?, Encoding::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else {
        (String::from_utf8(bytes.to_vec()).map_err(|_| NotText)?, Encoding::Utf8)
    };
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    Ok((text, encoding))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NotText> {
    if !bytes.len().is_multiple_of(2) {
        return Err(NotText);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notepad_encodings_read_as_the_same_text() {
        let plain = "Scenario(\n  id: \"甲\",\n)\n";
        assert_eq!(decode(plain.as_bytes()), Ok((plain.to_owned(), Encoding::Utf8)));
        let windows = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
        assert_eq!(decode(windows.as_bytes()), Ok((plain.to_owned(), Encoding::Utf8Bom)));
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(plain.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le), Ok((plain.to_owned(), Encoding::Utf16Le)));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(plain.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be), Ok((plain.to_owned(), Encoding::Utf16Be)));
        assert!(Encoding::Utf16Le.is_utf16() && !Encoding::Utf8Bom.is_utf16());
    }

    #[test]
    fn other_bytes_are_not_text() {
        assert_eq!(decode(&[0xC3, 0x28]), Err(NotText), "broken UTF-8 (or GBK)");
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(NotText), "an odd number of UTF-16 bytes");
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8]), Err(NotText), "a lone surrogate");
    }
}
