//! Ids for assessments made in this browser (a new one, a copy, an import
//! kept beside the one with its id).

/// A fresh id for a new assessment: time-based, with a random tail, so that
/// copies made in two browsers do not collide.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("a-{}-{}", base36(time), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
