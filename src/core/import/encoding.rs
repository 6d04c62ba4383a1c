//! Text encodings of imported files: reading their bytes as text, and the
//! repair of text that was saved after a wrong decode ("mojibake").
//!
//! Readiness documents often pass through a tool that reads UTF-8 as a legacy
//! single-byte code page (Windows-1252, Windows-1254, Mac Roman and the like)
//! and saves the result as UTF-8 again: `❌` (bytes `E2 9D 8C`) comes back as
//! `âŒ` or `‚ùå`. Where the code page has no character for a byte (`9D` in
//! Windows-1252), that byte is lost altogether or becomes a control character.
//!
//! The repair works on runs of non-ASCII characters, since a wrong decode
//! never touches ASCII. For each candidate code page it encodes every run back
//! to the bytes it came from and reads them as UTF-8. The code page that reads
//! the most runs wins, and only when it reads at least as many runs as it
//! fails on, so that ordinary accented or Cyrillic text, whose runs almost
//! never form valid UTF-8, is left alone. Where a UTF-8 sequence is one byte
//! short, the missing byte must be one the code page could not represent: each
//! is tried in each position, and the character that is most plausible in such
//! documents (the status emoji first) is chosen and reported as a guess. A
//! text mis-decoded twice is repaired twice.
//!
//! Nothing here panics, and the repair is linear in the length of the text.
//!
//! - `decode`: a file's bytes as text, and the names of code pages.
//! - `repair`: the repair, pass by pass, and the check that nothing is left.
//! - `utf8`: a run read back as UTF-8, with the bytes it lost guessed.

mod decode;
mod repair;
mod utf8;

pub use decode::{decode, display_name, Decoded};
pub use repair::{looks_misdecoded, repair, Dropped, Repair, Restored};
