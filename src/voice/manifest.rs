//! `assets/voice/<folder>/manifest.json`: for each clip, a hash of the text it
//! speaks and of the clip's own bytes, and whether it was generated or recorded.
//! A clip is stale when its line's text changed after it was made; a clip whose
//! bytes no longer match (someone dropped in a recording) counts as recorded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name inside a voice folder.
pub const FILE: &str = "manifest.json";

/// Who made a clip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Maker {
    /// By `kuayue voice` (espeak-ng); remade when the text changes.
    Generated,
    /// By a person; never overwritten by the tool.
    Recorded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// [`text_hash`] of the line when the clip was made.
    pub text: String,
    /// [`text_hash`] of the clip's bytes.
    pub clip: String,
    pub by: Maker,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// How generated clips were made (engine, voice, rate, loudness); when this
    /// changes, every generated clip is made again.
    #[serde(default)]
    pub generator: String,
    #[serde(default)]
    pub clips: BTreeMap<String, Entry>,
}

/// Where a line's clip stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipState {
    Missing,
    /// Made from the line's current text.
    Fresh,
    /// Recorded by a person (dropped in, or adopted by the tool).
    Recorded,
    /// Made from text that has changed since.
    Stale,
}

/// A short, stable fingerprint: the first 16 hex digits of SHA-256.
pub fn text_hash(bytes: impl AsRef<[u8]>) -> String {
    Sha256::digest(bytes.as_ref()).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

impl Manifest {
    pub fn path(folder: &Path) -> PathBuf {
        folder.join(FILE)
    }

    /// The folder's manifest; none yet is an empty one.
    pub fn load(folder: &Path) -> Result<Manifest, String> {
        match std::fs::read_to_string(Manifest::path(folder)) {
            Ok(text) => Manifest::from_text(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// A manifest file's text, as [`Manifest::load`] reads it.
    pub fn from_text(text: &str) -> Result<Manifest, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// Writes it whole to a temporary file, then renames it into place.
    pub fn save(&self, folder: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(folder)?;
        let path = Manifest::path(folder);
        let temp = path.with_extension("json.tmp");
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        std::fs::write(&temp, text)?;
        std::fs::rename(temp, path)
    }

    /// Where the clip at `clip` for a line reading `text` stands.
    pub fn state(&self, id: &str, text: &str, clip: &Path) -> ClipState {
        let Ok(bytes) = std::fs::read(clip) else { return ClipState::Missing };
        // Not listed, or the bytes changed: a person put their recording there.
        let Some(entry) = self.clips.get(id).filter(|e| e.clip == text_hash(&bytes)) else {
            return ClipState::Recorded;
        };
        if entry.text != text_hash(text) {
            ClipState::Stale
        } else if entry.by == Maker::Recorded {
            ClipState::Recorded
        } else {
            ClipState::Fresh
        }
    }

    /// What the checker warns about: `Some(Missing)` or `Some(Stale)`, else `None` (fresh or
    /// recorded) — as [`Manifest::state`] would say, but a clip whose line has not changed
    /// since it was made is not read: the app checks every scenario at start-up, and reading
    /// and hashing all the clips (about 60 MB) cost a few hundred milliseconds there.
    pub fn problem(&self, id: &str, text: &str, clip: &Path) -> Option<ClipState> {
        if !clip.is_file() {
            return Some(ClipState::Missing);
        }
        if self.clips.get(id).is_some_and(|entry| entry.text == text_hash(text)) {
            // Made (or recorded) from this very text: fresh or recorded, whatever its bytes.
            return None;
        }
        // The text changed or the clip is not listed: its bytes tell stale from recorded.
        Some(self.state(id, text, clip)).filter(|s| matches!(s, ClipState::Missing | ClipState::Stale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clip_is_fresh_stale_recorded_or_missing() {
        let dir = std::env::temp_dir().join(format!("kuayue-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let clip = dir.join("a.ogg");
        std::fs::write(&clip, b"made by the tool").unwrap();
        let mut manifest = Manifest::default();
        manifest.clips.insert(
            "a".into(),
            Entry { text: text_hash("您好"), clip: text_hash(b"made by the tool"), by: Maker::Generated },
        );
        assert_eq!(manifest.state("a", "您好", &clip), ClipState::Fresh);
        assert_eq!(manifest.state("a", "您好！", &clip), ClipState::Stale);
        assert_eq!(manifest.state("b", "您好", &dir.join("b.ogg")), ClipState::Missing);
        // A person replaced the clip: it is theirs now, whatever the text.
        std::fs::write(&clip, b"a volunteer's voice").unwrap();
        assert_eq!(manifest.state("a", "您好！", &clip), ClipState::Recorded);
        // Adopted as recorded for this text; a later text change makes it stale.
        manifest.clips.insert(
            "a".into(),
            Entry { text: text_hash("您好！"), clip: text_hash(b"a volunteer's voice"), by: Maker::Recorded },
        );
        assert_eq!(manifest.state("a", "您好！", &clip), ClipState::Recorded);
        assert_eq!(manifest.state("a", "您好，请坐", &clip), ClipState::Stale);
        // Round trip through the file.
        manifest.generator = "test".into();
        manifest.save(&dir).unwrap();
        assert_eq!(Manifest::load(&dir).unwrap(), manifest);
        std::fs::write(Manifest::path(&dir), "{ not json").unwrap();
        assert!(Manifest::load(&dir).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn the_checkers_question_agrees_with_the_clips_state() {
        let dir = std::env::temp_dir().join(format!("kuayue-manifest-problem-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let clip = dir.join("a.ogg");
        let agree = |manifest: &Manifest, text: &str, clip: &Path| {
            let state = manifest.state("a", text, clip);
            let problem = matches!(state, ClipState::Missing | ClipState::Stale).then_some(state);
            assert_eq!(manifest.problem("a", text, clip), problem, "{text}");
        };
        let mut manifest = Manifest::default();
        agree(&manifest, "您好", &clip); // missing
        std::fs::write(&clip, b"made by the tool").unwrap();
        agree(&manifest, "您好", &clip); // not listed: recorded
        for by in [Maker::Generated, Maker::Recorded] {
            manifest
                .clips
                .insert("a".into(), Entry { text: text_hash("您好"), clip: text_hash(b"made by the tool"), by });
            for text in ["您好", "您好！"] {
                agree(&manifest, text, &clip);
                std::fs::write(&clip, b"a volunteer's voice").unwrap();
                agree(&manifest, text, &clip);
                std::fs::write(&clip, b"made by the tool").unwrap();
            }
        }
        assert_eq!(manifest.problem("a", "您好！", &clip), Some(ClipState::Stale));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn hashes_are_short_and_stable() {
        assert_eq!(text_hash("abc"), "ba7816bf8f01cfea");
    }
}
