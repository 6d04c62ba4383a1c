//! Repair of text that was saved after a wrong decode ("mojibake").
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

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::code_page::{self, CodePage};
use serde::Serialize;

/// The code pages tried, most common first: ties go to the earlier one.
const CODE_PAGES: [&CodePage; 8] = [
    &code_page::WINDOWS_1252,
    &code_page::WINDOWS_1254,
    &code_page::MACINTOSH,
    &code_page::WINDOWS_1250,
    &code_page::WINDOWS_1251,
    &code_page::WINDOWS_1257,
    &code_page::ISO_8859_15,
    &code_page::IBM866,
];

/// How many times a text is repaired at most: a text mis-decoded three times
/// over is past saving, and the bound keeps the work linear.
const MAX_PASSES: usize = 3;

/// A text after repair, with what was done to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repair {
    /// The repaired text; the same as the input when nothing was wrong.
    pub text: String,
    /// The name of the code page the text had been wrongly decoded with
    /// (`"windows-1252"`), when a repair was made.
    pub code_page: Option<&'static str>,
    /// How many mis-decoded sequences were turned back into what they were.
    pub sequences: usize,
    /// Characters chosen for bytes the wrong decode lost: each a guess.
    pub restored: Vec<Restored>,
    /// Mis-decoded sequences that could not be read back and were removed.
    pub dropped: Vec<Dropped>,
}

/// One character put back where the wrong decode had lost a byte, and how
/// often the same choice was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The line (from 1) of its first occurrence.
    pub line: usize,
    /// The character chosen.
    pub character: char,
    /// How many times it was chosen.
    pub count: usize,
}

/// A mis-decoded sequence that could not be read back, removed from the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// The line (from 1) it was on.
    pub line: usize,
    /// The sequence as it stood in the text.
    pub text: String,
}

/// Bytes read as text: how they were decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<'a> {
    /// The text, borrowed when the bytes were UTF-8 already.
    pub text: Cow<'a, str>,
    /// The legacy code page used when the bytes were not UTF-8.
    pub code_page: Option<&'static str>,
}

/// The name people know a code page by: `Mac Roman` for encoding_rs's
/// `macintosh`, `Windows-1252` for `windows-1252`.
pub fn display_name(code_page: &str) -> String {
    match code_page {
        "macintosh" => "Mac Roman".to_string(),
        "IBM866" => "DOS Cyrillic (IBM866)".to_string(),
        other => match other.strip_prefix("windows-") {
            Some(number) => format!("Windows-{number}"),
            None => other.to_uppercase(),
        },
    }
}

/// Reads a file's bytes as text: UTF-8 (without its byte order mark) when it
/// is, UTF-16 when it says so, and otherwise Windows-1252, the code page that
/// such files are most often saved in. A UTF-8 file with a few broken bytes
/// stays UTF-8, the broken bytes becoming U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Decoded { text: String::from_utf8_lossy(rest), code_page: None };
    }
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| -> String {
        let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Decoded { text: Cow::Owned(utf16(rest, u16::from_le_bytes)), code_page: Some("UTF-16LE") };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Decoded { text: Cow::Owned(utf16(rest, u16::from_be_bytes)), code_page: Some("UTF-16BE") };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: Cow::Borrowed(text), code_page: None };
    }
    let lossy = String::from_utf8_lossy(bytes);
    let broken = lossy.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
    let multibyte = lossy.chars().filter(|&c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER).count();
    if multibyte >= broken {
        return Decoded { text: lossy, code_page: None };
    }
    let (text, _) = code_page::WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded { text, code_page: Some(code_page::WINDOWS_1252.name()) }
}

/// Repairs a text that was saved after a wrong decode; returns it unchanged
/// (with `code_page: None`) when it shows no sign of one.
pub fn repair(text: &str) -> Repair {
    let mut repair =
        Repair { text: String::new(), code_page: None, sequences: 0, restored: Vec::new(), dropped: Vec::new() };
    let mut current = Cow::Borrowed(text);
    for _ in 0..MAX_PASSES {
        let Some(pass) = repair_once(&current) else { break };
        repair.code_page = repair.code_page.or(Some(pass.code_page.name()));
        repair.sequences += pass.sequences;
        for (character, (line, count)) in pass.restored {
            match repair.restored.iter_mut().find(|r| r.character == character) {
                Some(known) => known.count += count,
                None => repair.restored.push(Restored { line, character, count }),
            }
        }
        repair.dropped.extend(pass.dropped);
        current = Cow::Owned(pass.text);
    }
    repair.restored.sort_by_key(|r| (r.line, r.character));
    repair.text = current.into_owned();
    repair
}

/// Whether a text still holds sequences that a wrong decode leaves behind:
/// a control character from the C1 range, or a run of two or more characters
/// that reads as UTF-8 once encoded in one of the code pages. A heuristic for
/// checks and tests: a rare legitimate pair (Cyrillic `Её`) also matches.
pub fn looks_misdecoded(text: &str) -> bool {
    if text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return true;
    }
    let runs = runs(text);
    CODE_PAGES.iter().any(|page| {
        let lost = lost_bytes(page);
        runs.iter().any(|run| {
            let Some(pieces) = encode(page, &text[run.clone()]) else { return false };
            // A single character never is: with one lost byte put back, a
            // lone `Â` would read as UTF-8, and legitimate text has those.
            text[run.clone()].chars().nth(1).is_some() && read_utf8(&pieces, &lost).is_some()
        })
    })
}

/// The outcome of one pass over the text.
struct Pass {
    text: String,
    code_page: &'static CodePage,
    sequences: usize,
    /// Per restored character: the line of its first use and how often.
    restored: BTreeMap<char, (usize, usize)>,
    dropped: Vec<Dropped>,
}

/// One pass: finds the code page that explains the most runs and rewrites
/// them; `None` when no code page explains the text.
fn repair_once(text: &str) -> Option<Pass> {
    if text.is_ascii() {
        return None;
    }
    let runs = runs(text);
    // Score every code page: runs it reads, runs it fails on, bytes it has to
    // guess. A mis-decoded text repeats the same few sequences (`âœ…`)
    // thousands of times, so each distinct run is read once per code page.
    let mut best: Option<(usize, usize, usize, usize)> = None;
    let mut readings: Vec<HashMap<&str, Option<Utf8Run>>> = Vec::with_capacity(CODE_PAGES.len());
    for (index, page) in CODE_PAGES.iter().enumerate() {
        let lost = lost_bytes(page);
        let characters = high_characters(page);
        let mut reading: HashMap<&str, Option<Utf8Run>> = HashMap::new();
        let (mut read, mut failed, mut guessed) = (0, 0, 0);
        for run in &runs {
            let run_text = &text[run.clone()];
            let decoded = reading.entry(run_text).or_insert_with(|| {
                // Most runs of ordinary text hold a character the code page
                // does not have: rejected without encoding.
                if !run_text.chars().all(|c| c == char::REPLACEMENT_CHARACTER || characters.contains(&c)) {
                    return None;
                }
                encode(page, run_text).and_then(|pieces| read_utf8(&pieces, &lost))
            });
            match decoded {
                Some(decoded) => {
                    read += 1;
                    guessed += decoded.guesses.len();
                }
                None => failed += 1,
            }
        }
        readings.push(reading);
        let better = match best {
            None => true,
            Some((best_read, _, best_guessed, _)) => read > best_read || (read == best_read && guessed < best_guessed),
        };
        if better {
            best = Some((read, failed, guessed, index));
        }
    }
    let (read, failed, _, chosen) = best?;
    if read == 0 || read < failed {
        return None;
    }
    let page = CODE_PAGES[chosen];

    let mut pass = Pass {
        text: String::with_capacity(text.len()),
        code_page: page,
        sequences: 0,
        restored: BTreeMap::new(),
        dropped: Vec::new(),
    };
    let mut copied = 0;
    let mut line = 1;
    for run in runs {
        let before = &text[copied..run.start];
        line += before.bytes().filter(|&b| b == b'\n').count();
        pass.text.push_str(before);
        copied = run.end;
        let original = &text[run.clone()];
        // The chosen code page first, then the others in order, for a text
        // saved twice through different tools.
        let order = std::iter::once(chosen).chain((0..CODE_PAGES.len()).filter(|&i| i != chosen));
        let decoded = order.into_iter().find_map(|i| readings[i].get(original).and_then(Option::as_ref));
        match decoded {
            Some(decoded) => {
                pass.sequences += 1;
                pass.text.push_str(&decoded.text);
                for &character in &decoded.guesses {
                    pass.restored.entry(character).or_insert((line, 0)).1 += 1;
                }
            }
            None if is_broken_sequence(page, original) => {
                pass.dropped.push(Dropped { line, text: original.to_string() });
            }
            None => pass.text.push_str(original),
        }
    }
    pass.text.push_str(&text[copied..]);
    (pass.sequences > 0 || !pass.dropped.is_empty()).then_some(pass)
}

/// The byte ranges of the maximal runs of non-ASCII characters.
fn runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..text.len());
    }
    runs
}

/// A byte of the original text, or a place where a decoder wrote U+FFFD for
/// a byte it could not represent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    Byte(u8),
    Unknown,
}

/// Encodes a run back into the bytes the code page read it from; `None` when
/// a character of the run is not in the code page.
fn encode(page: &'static CodePage, run: &str) -> Option<Vec<Piece>> {
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
fn high_characters(page: &'static CodePage) -> HashSet<char> {
    let bytes: Vec<u8> = (0x80..=0xFFu8).collect();
    let (text, _) = page.decode_without_bom_handling(&bytes);
    text.chars().collect()
}

/// The bytes a wrong decode with this code page may have lost: continuation
/// bytes that it decodes to nothing printable (a C1 control character, U+FFFD,
/// a no-break space or a soft hyphen, which editors drop or replace).
fn lost_bytes(page: &'static CodePage) -> Vec<u8> {
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
fn is_broken_sequence(page: &'static CodePage, run: &str) -> bool {
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
struct Utf8Run {
    text: String,
    guesses: Vec<char>,
}

/// Reads bytes as UTF-8, allowing one lost or unknown continuation byte per
/// character; `None` when they do not form text.
fn read_utf8(pieces: &[Piece], lost: &[u8]) -> Option<Utf8Run> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Turns UTF-8 text into what a wrong decode with `page` saves: each
    /// byte read as a character of the code page.
    fn misdecode(text: &str, page: &'static CodePage) -> String {
        page.decode_without_bom_handling(text.as_bytes()).0.into_owned()
    }

    /// The same, but dropping the bytes the code page has no character for,
    /// as some tools do.
    fn misdecode_dropping(text: &str, page: &'static CodePage) -> String {
        misdecode(text, page).chars().filter(|c| !('\u{80}'..='\u{9f}').contains(c)).collect()
    }

    fn check(input: &str, expected: &str) {
        let repair = repair(input);
        assert_eq!(repair.text, expected, "repairing {input:?}");
    }

    #[test]
    fn repairs_each_code_page() {
        let original = "- ❌ No CI — “quoted” ✅ done → next ├── █░ 🔴 ⚠️";
        for page in [&code_page::WINDOWS_1252, &code_page::WINDOWS_1254, &code_page::MACINTOSH] {
            let broken = misdecode(original, page);
            assert_ne!(broken, original);
            let repair = repair(&broken);
            assert_eq!(repair.text, original, "{}", page.name());
            assert_eq!(repair.code_page, Some(page.name()));
            assert!(repair.restored.is_empty());
        }
    }

    #[test]
    fn known_sequences_read_back() {
        check("âœ… Done", "✅ Done");
        check("‚ùå Missing", "❌ Missing");
        check("Itâ€™s fine", "It’s fine");
        check("Security: [â–ˆâ–ˆâ–‘â–‘] 20%", "Security: [██░░] 20%");
    }

    #[test]
    fn lost_bytes_are_restored_with_the_likeliest_character() {
        // Windows-1252 has no character for 0x9D (in ❌) nor 0x8F (in ⚠️).
        let broken = misdecode_dropping("❌ No WAF\n⚠️ Partial\n", &code_page::WINDOWS_1252);
        assert_eq!(broken, "âŒ No WAF\nâš\u{a0}ï¸ Partial\n");
        let repair = repair(&broken);
        assert_eq!(repair.text, "❌ No WAF\n⚠️ Partial\n");
        let restored: Vec<(usize, char, usize)> =
            repair.restored.iter().map(|r| (r.line, r.character, r.count)).collect();
        assert_eq!(restored, vec![(1, '❌', 1), (2, '\u{FE0F}', 1)]);
    }

    #[test]
    fn lost_bytes_of_windows_1254_emoji_are_restored() {
        // 🔍 is F0 9F 94 8D and 🎯 is F0 9F 8E AF: Windows-1254 has neither 8D nor 8E.
        let broken = misdecode_dropping("## 🔍 Gaps\n## 🎯 Roadmap 🟡\n", &code_page::WINDOWS_1254);
        assert!(broken.starts_with("## ğŸ”"), "{broken:?}");
        check(&broken, "## 🔍 Gaps\n## 🎯 Roadmap 🟡\n");
    }

    #[test]
    fn control_characters_from_a_lenient_decode_read_back() {
        // A decoder that maps undefined bytes to C1 controls keeps them: U+009D.
        let broken = misdecode("❌ and ❌", &code_page::WINDOWS_1252);
        assert!(broken.contains('\u{9d}'));
        check(&broken, "❌ and ❌");
    }

    #[test]
    fn replacement_characters_stand_for_lost_bytes() {
        check("â\u{FFFD}Œ Missing", "❌ Missing");
    }

    #[test]
    fn double_decoding_is_undone() {
        let once = misdecode("✅ ready", &code_page::WINDOWS_1252);
        let twice = misdecode(&once, &code_page::WINDOWS_1252);
        check(&twice, "✅ ready");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "plain ASCII",
            "Café, naïve façade, Größe, Ærøskøbing",
            "Её звали Мария, всё хорошо; это обычный русский текст",
            "✅ already fine ❌ — “quotes” and 🔴",
            "Zürich: 20 °C ± 2",
        ] {
            let repair = repair(text);
            assert_eq!(repair.text, text);
            assert_eq!(repair.code_page, None, "{text}");
        }
    }

    #[test]
    fn unreadable_remnants_are_dropped_and_reported() {
        // `Ã€€` reads as `À` followed by a stray continuation byte in every code page.
        let repair = repair("âœ… ok\nÃ€€ x\n");
        assert_eq!(repair.text, "✅ ok\n x\n");
        assert_eq!(repair.dropped, vec![Dropped { line: 2, text: "Ã€€".into() }]);
    }

    #[test]
    fn detects_what_is_left() {
        assert!(looks_misdecoded("âœ… Done"));
        assert!(looks_misdecoded("x \u{9d} y"));
        assert!(!looks_misdecoded("✅ Done, café"));
    }

    #[test]
    fn decodes_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").text, "hi");
        assert_eq!(decode("ü".as_bytes()).code_page, None);
        let legacy = decode(b"caf\xE9 cr\xE8me");
        assert_eq!(legacy.text, "café crème");
        assert_eq!(legacy.code_page, Some("windows-1252"));
        assert_eq!(decode(b"\xFF\xFEh\x00i\x00").text, "hi");
    }

    #[test]
    fn code_pages_by_the_names_people_know() {
        assert_eq!(display_name("macintosh"), "Mac Roman");
        assert_eq!(display_name("windows-1254"), "Windows-1254");
        assert_eq!(display_name("ISO-8859-15"), "ISO-8859-15");
    }
}
