//! Share links: a whole assessment carried in a URL's fragment (`#a=…`),
//! which browsers never send to a server.
//!
//! The payload is the assessment's canonical file ([`format::save`]),
//! compressed as a zlib stream (deflate, followed by an Adler-32 checksum of
//! the text) and written in base64url without padding, behind a version
//! prefix (`2.`). The prefix names the payload's encoding, not the file
//! format: the file inside carries its own format version, so a link made
//! today is read by any later Gapmap through the file format's migrations,
//! and a later encoding gets a prefix of its own.
//!
//! The checksum is why `2.` exists. The first links (`1.`, still read) hold
//! raw deflate, which has none: a link altered on its way could inflate to
//! other text and be read as other data. A `2.` link altered or cut anywhere
//! is refused as damaged (`tests/share.rs` tries every single-character
//! change and every cut of a real link).
//!
//! Decoding is strict and bounded: a payload longer than any browser keeps
//! in a URL, or one that inflates beyond the largest file Gapmap reads (a
//! "zip bomb"), is refused with a plain sentence before it costs memory.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

use crate::core::format::validate::Problem;
use crate::core::format::{self, LoadError, MAX_FILE_BYTES};
use crate::core::model::Assessment;

/// The prefix of a payload made by this version: a zlib stream, whose
/// Adler-32 checksum of the text is checked when it is read.
pub const PREFIX: &str = "2.";

/// The prefix of the first payloads: raw deflate, without a checksum. Links
/// made with it are still read; none are made any more.
pub const RAW_DEFLATE_PREFIX: &str = "1.";

/// The key of a share link's fragment: `#a=<payload>`.
pub const FRAGMENT_KEY: &str = "a=";

/// The longest payload read, in characters. Chromium keeps URLs up to 2 MB
/// (2,097,152 characters) and refuses longer ones, so no link that a browser
/// can open is longer.
pub const MAX_PAYLOAD_CHARS: usize = 2 * 1024 * 1024;

/// The largest text a payload may inflate to: the largest file Gapmap reads.
pub const MAX_INFLATED_BYTES: usize = MAX_FILE_BYTES;

/// The longest link that travels safely through mail and chat. Many mail
/// clients, chat tools and link previews break or cut URLs beyond about
/// 2,000 characters (the figure long quoted for Internet Explorer's limit,
/// 2,083, and still what much software assumes); past it, the JSON file is
/// the safer way to share.
pub const SAFE_LINK_CHARS: usize = 2000;

/// How hard deflate tries: 9 is zlib's "best", the smallest links.
const LEVEL: u8 = 9;

/// Why a share link could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// The payload is empty.
    Empty,
    /// Longer than [`MAX_PAYLOAD_CHARS`].
    TooLong { chars: usize },
    /// A prefix this build does not know: a later Gapmap made it, or it is
    /// not a share link at all.
    UnknownVersion { prefix: String },
    /// Characters outside base64url, or a length base64 cannot have: the
    /// link was cut or altered on its way.
    NotBase64,
    /// The bytes are not deflate data, they stop before their end, or (in a
    /// [`PREFIX`] payload) the text they inflate to does not match their
    /// checksum: the link was cut or altered on its way.
    Damaged,
    /// Inflates to more than [`MAX_INFLATED_BYTES`].
    TooLarge,
    /// The inflated bytes are not UTF-8 text.
    NotText,
    /// The text is not a Gapmap file this build can read.
    File(LoadError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "The share link holds no assessment."),
            ShareError::TooLong { chars } => write!(
                f,
                "The share link is {chars} characters long; no browser keeps links longer than {MAX_PAYLOAD_CHARS}."
            ),
            ShareError::UnknownVersion { prefix } => write!(
                f,
                "This share link was made in a way this Gapmap does not know (it starts with \u{201c}{prefix}\u{201d}): it may come from a newer Gapmap."
            ),
            ShareError::NotBase64 | ShareError::Damaged => write!(
                f,
                "The share link is damaged: it was probably cut short or changed on its way. Ask for the link again, or for the JSON file."
            ),
            ShareError::TooLarge => write!(
                f,
                "The share link unpacks to more than {} MB, more than any assessment Gapmap reads.",
                MAX_INFLATED_BYTES / 1_048_576
            ),
            ShareError::NotText => write!(f, "The share link does not hold text, so it holds no assessment."),
            ShareError::File(error) => write!(f, "The share link does not hold a readable assessment: {error}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The payload of a share link for `assessment`: its canonical file, as a
/// zlib stream (deflate and a checksum), in base64url, behind [`PREFIX`].
pub fn encode(assessment: &Assessment) -> String {
    encode_text(&format::save(assessment))
}

/// The payload for a canonical text, as [`encode`] writes it.
pub fn encode_text(text: &str) -> String {
    let stream = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), LEVEL);
    let mut payload = String::with_capacity(PREFIX.len() + stream.len() * 4 / 3 + 4);
    payload.push_str(PREFIX);
    URL_SAFE_NO_PAD.encode_string(&stream, &mut payload);
    payload
}

/// The text a payload holds (the canonical file, for payloads [`encode`]
/// made), without reading it as an assessment.
pub fn inflate(payload: &str) -> Result<String, ShareError> {
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong { chars: payload.chars().count() });
    }
    // A `2.` payload is a zlib stream, whose inflater checks the Adler-32
    // checksum at its end; a `1.` payload is raw deflate, with nothing to check.
    let (body, checked) = if let Some(body) = payload.strip_prefix(PREFIX) {
        (body, true)
    } else if let Some(body) = payload.strip_prefix(RAW_DEFLATE_PREFIX) {
        (body, false)
    } else {
        let prefix = match payload.split_once('.') {
            Some((head, _)) if head.len() <= 8 => format!("{head}."),
            _ => payload.chars().take(8).collect(),
        };
        return Err(ShareError::UnknownVersion { prefix });
    };
    if body.is_empty() {
        return Err(ShareError::Empty);
    }
    let compressed = URL_SAFE_NO_PAD.decode(body).map_err(|_| ShareError::NotBase64)?;
    let inflated = if checked {
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, MAX_INFLATED_BYTES)
    } else {
        miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_INFLATED_BYTES)
    };
    let bytes = inflated.map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        // A bad checksum among them: the text is not the one the link was made of.
        _ => ShareError::Damaged,
    })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotText)
}

/// Reads a payload as far as it can be read, as [`format::read`] reads a
/// file: the assessment with every problem in it, or why it cannot be read.
pub fn decode(payload: &str) -> Result<(Assessment, Vec<Problem>), ShareError> {
    let text = inflate(payload)?;
    format::read(text.as_bytes()).map_err(ShareError::File)
}

/// The payload of a URL fragment (`#a=<payload>`, with or without its `#`),
/// or `None` when the fragment is not a share link.
pub fn payload_in_fragment(fragment: &str) -> Option<&str> {
    fragment.strip_prefix('#').unwrap_or(fragment).strip_prefix(FRAGMENT_KEY)
}

/// The share link for `payload` on the page at `page_url`: the page's
/// address without its fragment, then `#a=<payload>`.
pub fn link(page_url: &str, payload: &str) -> String {
    let page = page_url.split_once('#').map_or(page_url, |(page, _)| page);
    format!("{page}#{FRAGMENT_KEY}{payload}")
}

/// Whether a link of `chars` characters is longer than mail and chat carry
/// safely ([`SAFE_LINK_CHARS`]).
pub fn is_too_long_to_send(chars: usize) -> bool {
    chars > SAFE_LINK_CHARS
}
