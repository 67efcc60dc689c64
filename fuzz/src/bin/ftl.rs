//! Message files: bytes → `text::decode` → `Locale::add_ftl` (what `Catalog::load`
//! does with each .ftl file), then every message is formatted with `Locale::get`
//! and every diagnostic rendered.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::Path;

use kuayue::i18n::{Lang, Locale, Messages};

fn main() {
    // A panic aborts the process (afl reports it): nothing is seen half-updated.
    let msg = AssertUnwindSafe(Messages::embedded(Lang::default()));
    let args: BTreeMap<String, String> =
        [("name", "王"), ("count", "3"), ("step", "1"), ("total", "12"), ("n", "-1.5")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
    afl::fuzz!(|data: &[u8]| {
        let Ok((source, _)) = kuayue::text::decode(data) else { return };
        let mut locale = Locale::new("zh-CN");
        let mut diagnostics = Vec::new();
        locale.add_ftl(Path::new("f.ftl"), &source, &mut diagnostics);
        for id in locale.definitions.keys() {
            std::hint::black_box(locale.get(id, &args));
            std::hint::black_box(locale.get(id, &BTreeMap::new()));
        }
        for d in &diagnostics {
            std::hint::black_box(d.render(&msg));
        }
    });
}
