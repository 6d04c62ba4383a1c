//! Reading a run of mis-decoded characters back as UTF-8: the run encoded
//! into the bytes a code page read it from, then read as UTF-8 allowing one
//! lost or unknown byte per character, the lost byte chosen among those the
//! code page could not represent as the character most plausible in a
//! readiness document (the status emoji first).

use std::collections::HashSet;

use crate::core::import::code_page::CodePage;

/// A byte of the original text, or a place where a decoder wrote U+FFFD for
/// a byte it could not represent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece {
    Byte(u8),
    Unknown,
}

/// Encodes a run back into the bytes the code page read it from; `None` when
/// a character of the run is not in the code page.
pub(super) fn encode(page: &'static CodePage, run: &str) -> Option<Vec<Piece>> {
    let mut pieces = Vec::with_capacity(run.len());
    for (i, part) in run.split(char::REPLACEMENT_CHARACTER).enumerate() {
        if i > 0 {
            pieces.push(Piece::Unknown);
        }
        if part.is_empty() {
            continue;
        }
        let (bytes, _, unmappable) = page.encode(part);
        if unmappable {
            return None;
        }
        pieces.extend(bytes.iter().map(|&b| Piece::Byte(b)));
    }
    Some(pieces)
}

/// The characters a code page reads its bytes 0x80 to 0xFF as.
pub(super) fn high_characters(page: &'static CodePage) -> HashSet<char> {
    let bytes: Vec<u8> = (0x80..=0xFFu8).collect();
    let (text, _) = page.decode_without_bom_handling(&bytes);
    text.chars().collect()
}

/// The bytes a wrong decode with this code page may have lost: continuation
/// bytes that it decodes to nothing printable (a C1 control character, U+FFFD,
/// a no-break space or a soft hyphen, which editors drop or replace).
pub(super) fn lost_bytes(page: &'static CodePage) -> Vec<u8> {
    (0x80..=0xBFu8)
        .filter(|&b| {
            let byte = [b];
            let (text, _) = page.decode_without_bom_handling(&byte);
            text.chars().next().is_some_and(|c| {
                ('\u{80}'..='\u{9f}').contains(&c) || c == char::REPLACEMENT_CHARACTER || c == '\u{a0}' || c == '\u{ad}'
            })
        })
        .collect()
}

/// Whether a run that no code page reads is what is left of a mis-decoded
/// character (a UTF-8 lead byte followed by part of its continuation bytes,
/// or a C1 control), rather than ordinary text such as `é` that is kept.
pub(super) fn is_broken_sequence(page: &'static CodePage, run: &str) -> bool {
    if run.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return true;
    }
    let Some(pieces) = encode(page, run) else { return false };
    pieces.windows(2).any(|pair| match pair {
        [Piece::Byte(lead), Piece::Byte(next)] => utf8_length(*lead).is_some_and(|n| n > 1) && is_continuation(*next),
        _ => false,
    })
}

/// A run read back as UTF-8, with the characters chosen for lost bytes.
pub(super) struct Utf8Run {
    pub(super) text: String,
    pub(super) guesses: Vec<char>,
}

/// Reads bytes as UTF-8, allowing one lost or unknown continuation byte per
/// character; `None` when they do not form text.
pub(super) fn read_utf8(pieces: &[Piece], lost: &[u8]) -> Option<Utf8Run> {
    let mut run = Utf8Run { text: String::with_capacity(pieces.len()), guesses: Vec::new() };
    let mut i = 0;
    while i < pieces.len() {
        let Piece::Byte(lead) = pieces[i] else { return None };
        let length = utf8_length(lead)?;
        let mut sequence = vec![pieces[i]];
        let mut next = i + 1;
        while sequence.len() < length {
            match pieces.get(next) {
                Some(&Piece::Byte(b)) if is_continuation(b) => sequence.push(Piece::Byte(b)),
                Some(&Piece::Unknown) => sequence.push(Piece::Unknown),
                _ => break,
            }
            next += 1;
        }
        let unknown = sequence.iter().filter(|p| **p == Piece::Unknown).count();
        let missing = length - sequence.len();
        let character = match (missing, unknown) {
            (0, 0) => {
                let bytes: Vec<u8> = sequence.iter().filter_map(|p| byte(*p)).collect();
                std::str::from_utf8(&bytes).ok()?.chars().next()?
            }
            (0, 1) => {
                let hole = sequence.iter().position(|p| *p == Piece::Unknown)?;
                let guess = best_guess(lost.iter().filter_map(|&candidate| {
                    let mut bytes: Vec<u8> = sequence.iter().filter_map(|p| byte(*p)).collect();
                    bytes.insert(hole, candidate);
                    single_char(&bytes)
                }))?;
                run.guesses.push(guess);
                guess
            }
            (1, 0) => {
                let known: Vec<u8> = sequence.iter().filter_map(|p| byte(*p)).collect();
                let guess = best_guess((1..length).flat_map(|position| {
                    let known = &known;
                    lost.iter().filter_map(move |&candidate| {
                        let mut bytes = known.clone();
                        bytes.insert(position, candidate);
                        single_char(&bytes)
                    })
                }))?;
                run.guesses.push(guess);
                guess
            }
            _ => return None,
        };
        if character.is_control() {
            return None;
        }
        run.text.push(character);
        i = next;
    }
    Some(run)
}

fn byte(piece: Piece) -> Option<u8> {
    match piece {
        Piece::Byte(b) => Some(b),
        Piece::Unknown => None,
    }
}

/// The one character that `bytes` encode, when they encode exactly one.
fn single_char(bytes: &[u8]) -> Option<char> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut chars = text.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// The length of the UTF-8 sequence that `lead` starts; `None` when it cannot start one.
fn utf8_length(lead: u8) -> Option<usize> {
    match lead {
        0x00..=0x7F => Some(1),
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

fn is_continuation(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// The most plausible of the candidate characters for a lost byte.
fn best_guess(candidates: impl Iterator<Item = char>) -> Option<char> {
    candidates.filter(|c| !c.is_control()).min_by_key(|&c| plausibility(c))
}

/// Characters that readiness documents use, most likely first: the status
/// marks, the traffic lights, then the emoji and signs of section headings.
const LIKELY: &[char] = &[
    '❌', '✅', '⚠', '\u{FE0F}', '🔴', '🟡', '🟢', '🟠', '🔵', '⚪', '⚫', '🟣', '🟤', '🔍', '🔎', '📊', '📈', '📉',
    '📋', '📌', '📝', '📞', '📍', '📁', '📂', '📄', '📑', '📚', '🎯', '🚀', '🚨', '🔧', '🔨', '🛠', '💰', '💡', '🔒',
    '🔐', '🔑', '⭐', '✨', '🏗', '⏱', '⏰', '📅', '🗓', '✔', '☑', '❗', '❓', '➡', '⬆', '⬇', '🔥', '🧪', '🐛', '🔄',
    '📦', '🌐', '💻', '🧩', '🏆', '👥', '👤', '🤖', '⚡', '🛡', '🔗', '🧭', '🏁', '🚧', '🛑', '⛔', '💥', '🌟', '🔔',
    '📣', '📢', '⚙', '🧰', '🔬', '📐', '📏', '✏', '📎', '🆕', '👉', '👍', '👎', '💬', '🔹', '🔸', '▶', '◀', '•', '—',
    '–', '…', '→', '←', '↑', '↓', '“', '”', '‘', '’', '│', '├', '└', '─', '█', '░', '▓', '▒', '■', '□', '✓', '✗', '×',
    '≥', '≤', '±', '°', '€', '£',
];

/// How plausible a character is in a readiness document: lower is likelier.
fn plausibility(c: char) -> usize {
    if let Some(rank) = LIKELY.iter().position(|&likely| likely == c) {
        return rank;
    }
    let base = LIKELY.len();
    base + match u32::from(c) {
        0x1F300..=0x1FAFF => 1,
        0x2600..=0x27BF => 2,
        0x2190..=0x25FF => 3,
        0x2000..=0x206F => 4,
        0x00A0..=0x024F => 5,
        0xE000..=0xF8FF | 0xF0000.. => 100,
        0x10000.. => 50,
        _ => 10,
    }
}
