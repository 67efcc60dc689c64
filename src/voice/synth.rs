//! `kuayue voice`: makes the clips that are missing or stale with espeak-ng,
//! never touches recordings, and keeps each folder's manifest up to date.
//!
//! Chinese goes through pypinyin first (tone-numbered pinyin for espeak-ng's
//! `cmn-latn-pinyin` voice); English uses `en-us`. Both are spoken slowly, then
//! sox brings each clip to the same loudness and writes Ogg Vorbis.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use super::Line;
use super::manifest::{ClipState, Entry, Maker, Manifest, text_hash};
use crate::scenario::project::Project;

/// How one language is spoken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// The espeak-ng voice.
    pub espeak: String,
    /// Words per minute; espeak's default is 175.
    pub rate: u32,
    /// Feed tone-numbered pinyin instead of the characters.
    pub pinyin: bool,
}

/// The average loudness every clip is brought to, in dBFS.
pub const LOUDNESS_DB: f32 = -20.0;

/// The voice for a language: Mandarin through pinyin, American English, and
/// for any other language espeak-ng's voice of that name (e.g. `fr` for fr-FR).
/// A voice pack folder (`zh-CN-huzhou`) has none: packs are recorded by people.
pub fn voice_for(locale: &str) -> Option<Voice> {
    let lower = locale.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').collect();
    if parts.len() > 2 || parts[0].is_empty() || !parts[0].chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    Some(match parts[0] {
        "zh" => Voice { espeak: "cmn-latn-pinyin".into(), rate: 150, pinyin: true },
        "en" => Voice { espeak: "en-us".into(), rate: 130, pinyin: false },
        other => Voice { espeak: other.to_owned(), rate: 130, pinyin: false },
    })
}

impl Voice {
    /// What the manifest records; a change here remakes every generated clip.
    pub fn label(&self) -> String {
        let text = if self.pinyin { ", fed TONE3 pinyin from pypinyin" } else { "" };
        format!(
            "espeak-ng -v {} -s {}{text}; sox RMS {LOUDNESS_DB} dBFS with limiter, 0.15 s lead-in, 16 kHz Ogg Vorbis q1",
            self.espeak, self.rate
        )
    }
}

/// What `kuayue voice` will do in one folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan {
    pub make: Vec<Line>,
    /// Recordings found that the manifest does not know yet: noted for their current text.
    pub adopt: Vec<Line>,
    /// Recordings whose line changed: a person should record them again.
    pub rerecord: Vec<Line>,
    /// Clips of lines no longer spoken: generated ones are removed, recordings kept.
    pub unused: Vec<(String, Maker)>,
    pub up_to_date: usize,
}

/// Decides, for one language's lines (all of one `locale`), what to make.
/// `force` remakes every generated clip; recordings are never overwritten.
pub fn plan(project: &Project, locale: &str, lines: &[&Line], manifest: &Manifest, force: bool) -> Plan {
    let mut plan = Plan::default();
    let voice_changed = voice_for(locale).is_some_and(|v| v.label() != manifest.generator);
    for line in lines {
        let clip = project.clip(locale, &line.id);
        match manifest.state(&line.id, &line.text, &clip) {
            ClipState::Missing => plan.make.push((*line).clone()),
            ClipState::Fresh if force || voice_changed => plan.make.push((*line).clone()),
            ClipState::Fresh => plan.up_to_date += 1,
            ClipState::Stale if manifest.clips.get(&line.id).is_some_and(|e| e.by == Maker::Generated) => {
                plan.make.push((*line).clone())
            }
            ClipState::Stale => plan.rerecord.push((*line).clone()),
            ClipState::Recorded => {
                let known = manifest.clips.get(&line.id).is_some_and(|e| {
                    e.by == Maker::Recorded && std::fs::read(&clip).is_ok_and(|b| text_hash(b) == e.clip)
                });
                if known {
                    plan.up_to_date += 1;
                } else {
                    plan.adopt.push((*line).clone());
                }
            }
        }
    }
    let spoken: BTreeSet<&str> = lines.iter().map(|l| l.id.as_str()).collect();
    plan.unused = manifest
        .clips
        .iter()
        .filter(|(id, _)| !spoken.contains(id.as_str()))
        .map(|(id, e)| (id.clone(), e.by))
        .collect();
    plan
}

/// Why clips could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("no espeak-ng voice is set up for {0}; record the clips by hand instead")]
    NoVoice(String),
    #[error("`{program}` could not run ({reason}); install it with tools/setup.sh --voice")]
    Missing { program: String, reason: String },
    #[error("`{program}` failed: {stderr}")]
    Failed { program: String, stderr: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

fn run(program: &str, args: &[&str], stdin: Option<&[u8]>) -> Result<Vec<u8>, SynthError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| SynthError::Missing { program: program.to_owned(), reason: e.to_string() })?;
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(input)?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        return Err(SynthError::Failed { program: program.to_owned(), stderr });
    }
    // sox prints its statistics on stderr.
    Ok([out.stdout, out.stderr].concat())
}

/// Tone-numbered pinyin for each line, in one run of Python.
pub fn to_pinyin(lines: &[String]) -> Result<Vec<String>, SynthError> {
    let input = serde_json::to_vec(lines).map_err(std::io::Error::other)?;
    let out = run("python3", &["-c", include_str!("pinyin.py")], Some(&input))?;
    serde_json::from_slice(&out).map_err(|e| SynthError::Failed { program: "pypinyin".into(), stderr: e.to_string() })
}

/// Speaks `text` into an Ogg clip at `out` (written to a temporary file, then renamed).
pub fn speak(voice: &Voice, text: &str, out: &Path) -> Result<(), SynthError> {
    let wav = out.with_extension("tmp.wav");
    let ogg = out.with_extension("tmp.ogg");
    let rate = voice.rate.to_string();
    let wav_s = wav.to_string_lossy().into_owned();
    run("espeak-ng", &["-v", &voice.espeak, "-s", &rate, "-w", &wav_s, "--stdin"], Some(text.as_bytes()))?;
    let stats = String::from_utf8_lossy(&run("sox", &[&wav_s, "-n", "stats"], None)?).into_owned();
    let rms = stats
        .lines()
        .find_map(|l| l.strip_prefix("RMS lev dB")?.split_whitespace().next()?.parse::<f32>().ok())
        .filter(|v| v.is_finite())
        .unwrap_or(LOUDNESS_DB);
    let gain = format!("{:.2}", LOUDNESS_DB - rms);
    let ogg_s = ogg.to_string_lossy().into_owned();
    let result =
        run("sox", &[&wav_s, "-C", "1", &ogg_s, "gain", "-l", &gain, "rate", "16k", "pad", "0.15", "0.25"], None);
    std::fs::remove_file(&wav).ok();
    result?;
    std::fs::rename(&ogg, out)?;
    Ok(())
}

/// What one run did in one folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Made {
    pub made: usize,
    pub failed: Vec<(String, String)>,
}

/// Carries out `plan` in `locale`'s folder with `threads` workers, saving the
/// manifest after every clip so an interrupted run loses nothing.
pub fn carry_out(
    project: &Project,
    locale: &str,
    plan: &Plan,
    manifest: Manifest,
    threads: usize,
) -> Result<Made, SynthError> {
    let folder = project.voice_dir().join(locale);
    std::fs::create_dir_all(&folder)?;
    let manifest = Mutex::new(manifest);
    let note = |id: &str, text: &str, clip: &Path, by: Maker| -> std::io::Result<()> {
        let bytes = std::fs::read(clip)?;
        let mut m = manifest.lock().unwrap_or_else(|e| e.into_inner());
        m.clips.insert(id.to_owned(), Entry { text: text_hash(text), clip: text_hash(bytes), by });
        m.save(&folder)
    };
    for line in &plan.adopt {
        note(&line.id, &line.text, &project.clip(locale, &line.id), Maker::Recorded)?;
    }
    for (id, by) in &plan.unused {
        let mut m = manifest.lock().unwrap_or_else(|e| e.into_inner());
        if *by == Maker::Generated {
            std::fs::remove_file(project.clip(locale, id)).ok();
            m.clips.remove(id);
        }
        m.save(&folder)?;
    }
    if plan.make.is_empty() {
        return Ok(Made::default());
    }
    let voice = voice_for(locale).ok_or_else(|| SynthError::NoVoice(locale.to_owned()))?;
    manifest.lock().unwrap_or_else(|e| e.into_inner()).generator = voice.label();
    let texts: Vec<String> = plan.make.iter().map(|l| l.text.clone()).collect();
    let spoken = if voice.pinyin { to_pinyin(&texts)? } else { texts };
    let work: Vec<(&Line, &String)> = plan.make.iter().zip(&spoken).collect();
    let next = Mutex::new(0usize);
    let made = Mutex::new(Made::default());
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
                        *n += 1;
                        *n - 1
                    };
                    let Some((line, text)) = work.get(i) else { break };
                    let clip: PathBuf = project.clip(locale, &line.id);
                    let result = speak(&voice, text, &clip)
                        .and_then(|()| Ok(note(&line.id, &line.text, &clip, Maker::Generated)?));
                    let mut made = made.lock().unwrap_or_else(|e| e.into_inner());
                    match result {
                        Ok(()) => made.made += 1,
                        Err(e) => made.failed.push((line.id.clone(), e.to_string())),
                    }
                }
            });
        }
    });
    Ok(made.into_inner().unwrap_or_else(|e| e.into_inner()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, text: &str) -> Line {
        Line { locale: "zh-CN".into(), id: id.into(), text: text.into() }
    }

    #[test]
    fn the_plan_makes_missing_and_stale_clips_and_spares_recordings() {
        let root = std::env::temp_dir().join(format!("kuayue-plan-{}", std::process::id()));
        std::fs::remove_dir_all(&root).ok();
        let project = Project::at(&root);
        let folder = project.voice_dir().join("zh-CN");
        std::fs::create_dir_all(&folder).unwrap();
        let mut manifest = Manifest { generator: voice_for("zh-CN").unwrap().label(), ..Manifest::default() };
        let mut clip = |id: &str, text: &str, bytes: &[u8], by: Maker| {
            std::fs::write(project.clip("zh-CN", id), bytes).unwrap();
            manifest.clips.insert(id.into(), Entry { text: text_hash(text), clip: text_hash(bytes), by });
        };
        clip("fresh", "一", b"1", Maker::Generated);
        clip("stale", "旧", b"2", Maker::Generated);
        clip("old-recording", "旧", b"3", Maker::Recorded);
        clip("gone", "不说了", b"4", Maker::Generated);
        std::fs::write(project.clip("zh-CN", "dropped-in"), b"a person's voice").unwrap();
        let lines = [
            line("fresh", "一"),
            line("stale", "新"),
            line("old-recording", "新"),
            line("dropped-in", "您好"),
            line("new", "二"),
        ];
        let refs: Vec<&Line> = lines.iter().collect();
        let plan = plan(&project, "zh-CN", &refs, &manifest, false);
        let ids = |v: &[Line]| v.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&plan.make), ["stale", "new"]);
        assert_eq!(ids(&plan.adopt), ["dropped-in"]);
        assert_eq!(ids(&plan.rerecord), ["old-recording"]);
        assert_eq!(plan.unused, [("gone".to_owned(), Maker::Generated)]);
        assert_eq!(plan.up_to_date, 1);

        // Adopting and tidying need no speech engine.
        let tidy = Plan { make: vec![], ..plan.clone() };
        carry_out(&project, "zh-CN", &tidy, manifest.clone(), 1).unwrap();
        let after = Manifest::load(&folder).unwrap();
        assert_eq!(after.clips["dropped-in"].by, Maker::Recorded);
        assert_eq!(after.state("dropped-in", "您好", &project.clip("zh-CN", "dropped-in")), ClipState::Recorded);
        assert!(!after.clips.contains_key("gone") && !project.clip("zh-CN", "gone").exists());

        // A new generator remakes generated clips, still not recordings.
        let other = Manifest { generator: "older settings".into(), ..after };
        let again = super::plan(&project, "zh-CN", &refs, &other, false);
        assert!(ids(&again.make).contains(&"fresh".to_owned()));
        assert!(!ids(&again.make).contains(&"dropped-in".to_owned()));
        std::fs::remove_dir_all(&root).ok();
    }
}
