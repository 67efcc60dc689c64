//! The learner-facing settings (text size, language, full screen, voice) and the
//! centre's own (name, home page), kept in the progress store so they are
//! remembered between runs. Unknown or damaged values fall back to defaults.

use crate::i18n::Lang;
use crate::progress::{Millis, Store, StoreError};

/// Text sizes a learner can choose, in percent.
pub const TEXT_SCALES: [u32; 4] = [100, 125, 150, 200];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// One of [`TEXT_SCALES`].
    pub text_scale: u32,
    /// `None`: follow the system (or `--lang`).
    pub lang: Option<Lang>,
    pub fullscreen: bool,
    /// The big pointer ([`crate::pointer`]) instead of the system's small one.
    pub big_pointer: bool,
    /// Screens drawn where they are: on the machine, on a phone held in the hand (true);
    /// or as a flat panel at the window's edge (the fallback for whoever reads it better so).
    pub screens_in_world: bool,
    /// Printed on certificates.
    pub centre_name: String,
    pub voice: VoiceSettings,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            text_scale: 100,
            lang: None,
            fullscreen: false,
            big_pointer: false,
            screens_in_world: true,
            centre_name: String::new(),
            voice: VoiceSettings::default(),
        }
    }
}

/// Loudness choices, in percent of the clips' own (they are all made equally loud).
pub const VOLUMES: [u32; 3] = [50, 75, 100];

/// How lines are spoken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceSettings {
    pub on: bool,
    /// One of [`VOLUMES`].
    pub volume: u32,
    /// Slow is the speed the clips were made at (for seniors); normal plays them faster.
    pub slow: bool,
    /// Say the prompt again after this many quiet seconds (0 = never); one of
    /// [`crate::voice::repeat::CHOICES_SECS`].
    pub repeat_after_secs: u32,
    /// A voice pack folder under `assets/voice/` (e.g. `zh-CN-huzhou`), or none.
    pub pack: Option<String>,
}

impl Default for VoiceSettings {
    fn default() -> VoiceSettings {
        VoiceSettings {
            on: true,
            volume: 100,
            slow: true,
            repeat_after_secs: crate::voice::repeat::DEFAULT_AFTER_SECS,
            pack: None,
        }
    }
}

impl VoiceSettings {
    /// The playback speed: normal speech is a fifth faster than the clips.
    pub fn speed(&self) -> f32 {
        if self.slow { 1.0 } else { 1.2 }
    }
}

const TEXT_SCALE: &str = "text-scale";
const LANG: &str = "lang";
const FULLSCREEN: &str = "fullscreen";
const BIG_POINTER: &str = "big-pointer";
const SCREENS_IN_WORLD: &str = "screens-in-world";
const CENTRE_NAME: &str = "centre-name";
const VOICE_ON: &str = "voice-on";
const VOICE_VOLUME: &str = "voice-volume";
const VOICE_SLOW: &str = "voice-slow";
const VOICE_REPEAT: &str = "voice-repeat-after";
const VOICE_PACK: &str = "voice-pack";

impl Settings {
    pub fn load(store: &Store) -> Result<Settings, StoreError> {
        let defaults = Settings::default();
        let flag = |key: &str, default: bool| -> Result<bool, StoreError> {
            Ok(store.setting(key)?.map_or(default, |v| v == "true"))
        };
        let number = |key: &str, allowed: &[u32], default: u32| -> Result<u32, StoreError> {
            Ok(store.setting(key)?.and_then(|v| v.parse().ok()).filter(|v| allowed.contains(v)).unwrap_or(default))
        };
        let voice = VoiceSettings {
            on: flag(VOICE_ON, defaults.voice.on)?,
            volume: number(VOICE_VOLUME, &VOLUMES, defaults.voice.volume)?,
            slow: flag(VOICE_SLOW, defaults.voice.slow)?,
            repeat_after_secs: number(
                VOICE_REPEAT,
                &crate::voice::repeat::CHOICES_SECS,
                defaults.voice.repeat_after_secs,
            )?,
            pack: store.setting(VOICE_PACK)?.filter(|p| !p.is_empty()),
        };
        let text_scale = store
            .setting(TEXT_SCALE)?
            .and_then(|v| v.parse().ok())
            .filter(|v| TEXT_SCALES.contains(v))
            .unwrap_or(defaults.text_scale);
        Ok(Settings {
            text_scale,
            lang: store.setting(LANG)?.and_then(|v| Lang::from_tag(&v)),
            fullscreen: store.setting(FULLSCREEN)?.is_some_and(|v| v == "true"),
            big_pointer: flag(BIG_POINTER, defaults.big_pointer)?,
            screens_in_world: flag(SCREENS_IN_WORLD, defaults.screens_in_world)?,
            centre_name: store.setting(CENTRE_NAME)?.unwrap_or_default(),
            voice,
        })
    }

    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        store.set_setting(TEXT_SCALE, &self.text_scale.to_string())?;
        store.set_setting(LANG, self.lang.map_or("", Lang::tag))?;
        store.set_setting(FULLSCREEN, if self.fullscreen { "true" } else { "false" })?;
        store.set_setting(CENTRE_NAME, self.centre_name.trim())?;
        let flag = |on: bool| if on { "true" } else { "false" };
        store.set_setting(BIG_POINTER, flag(self.big_pointer))?;
        store.set_setting(SCREENS_IN_WORLD, flag(self.screens_in_world))?;
        store.set_setting(VOICE_ON, flag(self.voice.on))?;
        store.set_setting(VOICE_VOLUME, &self.voice.volume.to_string())?;
        store.set_setting(VOICE_SLOW, flag(self.voice.slow))?;
        store.set_setting(VOICE_REPEAT, &self.voice.repeat_after_secs.to_string())?;
        store.set_setting(VOICE_PACK, self.voice.pack.as_deref().unwrap_or(""))
    }
}

const TRAINER_PIN: &str = "trainer-pin";

/// A trainer PIN is 4 to 6 digits.
pub fn valid_pin(pin: &str) -> bool {
    (4..=6).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit())
}

fn pin_hash(salt: &str, pin: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(format!("{salt}:trainer-pin:{pin}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a trainer PIN has been set (the dashboard asks for one on first use).
pub fn has_trainer_pin(store: &Store) -> Result<bool, StoreError> {
    Ok(store.setting(TRAINER_PIN)?.is_some_and(|v| !v.is_empty()))
}

/// Sets the trainer PIN (stored only as a salted hash). Returns false for a PIN that is not 4–6 digits.
pub fn set_trainer_pin(store: &Store, pin: &str) -> Result<bool, StoreError> {
    if !valid_pin(pin) {
        return Ok(false);
    }
    let salt = uuid::Uuid::new_v4().simple().to_string();
    store.set_setting(TRAINER_PIN, &format!("{salt}${}", pin_hash(&salt, pin)))?;
    Ok(true)
}

/// Forgets the trainer PIN (for a forgotten one): the next visit to the trainer's corner chooses a new one.
pub fn clear_trainer_pin(store: &Store) -> Result<(), StoreError> {
    store.set_setting(PIN_FAILURES, "0")?;
    store.set_setting(PIN_WAIT_UNTIL, "0")?;
    store.set_setting(TRAINER_PIN, "")
}

/// Wrong PINs in a row (kept in the store, so closing the app does not reset them).
const PIN_FAILURES: &str = "trainer-pin-failures";
/// Until when (Unix ms) no PIN is checked after too many wrong ones.
const PIN_WAIT_UNTIL: &str = "trainer-pin-wait-until";

/// Wrong PINs allowed in a row before the door makes the next try wait.
pub const PIN_FREE_TRIES: u32 = 3;

/// How long the next try waits after `failures` wrong PINs in a row: nothing
/// for the first three, then 30 s, doubling with each wrong PIN, up to an hour.
/// Guessing a 4-digit PIN (on average 5,000 tries) would then take months.
pub fn pin_wait_ms(failures: u32) -> Millis {
    if failures < PIN_FREE_TRIES {
        return 0;
    }
    (30_000 * 2i64.pow((failures - PIN_FREE_TRIES).min(10))).min(3_600_000)
}

/// Milliseconds until the next PIN is checked (0: now).
pub fn pin_wait_left(store: &Store, now: Millis) -> Result<Millis, StoreError> {
    let until: Millis = store.setting(PIN_WAIT_UNTIL)?.and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok((until - now).max(0))
}

/// Whether `pin` is the trainer PIN.
pub fn check_trainer_pin(store: &Store, pin: &str) -> Result<bool, StoreError> {
    let Some(saved) = store.setting(TRAINER_PIN)? else { return Ok(false) };
    let Some((salt, hash)) = saved.split_once('$') else { return Ok(false) };
    Ok(pin_hash(salt, pin) == hash)
}

/// The door of the trainer's corner: the PIN is asked for, or chosen (typed
/// twice) on first use. A pure state machine over the store's PIN functions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PinGate {
    /// A PIN is set: type it.
    #[default]
    Enter,
    /// No PIN yet: choose one.
    Choose,
    /// The chosen PIN once more, to be sure of it.
    ChooseAgain(String),
    /// Unlocked.
    Open,
}

impl PinGate {
    /// The door as it stands for this store (a PIN set or not).
    pub fn at_door(store: &Store) -> Result<PinGate, StoreError> {
        Ok(if has_trainer_pin(store)? { PinGate::Enter } else { PinGate::Choose })
    }

    /// What to ask for (a message id).
    pub fn prompt(&self) -> &'static str {
        match self {
            PinGate::Enter | PinGate::Open => "trainer-pin-enter",
            PinGate::Choose => "trainer-pin-choose",
            PinGate::ChooseAgain(_) => "trainer-pin-again",
        }
    }

    /// Takes a typed PIN at `now`; what to tell the trainer (a message id), if
    /// anything. After [`PIN_FREE_TRIES`] wrong PINs in a row, each try waits
    /// longer ([`pin_wait_ms`]); a PIN typed while waiting is not even checked
    /// ("trainer-pin-wait": the screen says how long with [`pin_wait_left`]).
    pub fn submit(&mut self, store: &Store, pin: &str, now: Millis) -> Result<Option<&'static str>, StoreError> {
        let (next, said) = match std::mem::take(self) {
            PinGate::Enter if pin_wait_left(store, now)? > 0 => (PinGate::Enter, Some("trainer-pin-wait")),
            PinGate::Enter if check_trainer_pin(store, pin)? => {
                store.set_setting(PIN_FAILURES, "0")?;
                (PinGate::Open, None)
            }
            PinGate::Enter => {
                let failures = store.setting(PIN_FAILURES)?.and_then(|v| v.parse::<u32>().ok()).unwrap_or(0) + 1;
                store.set_setting(PIN_FAILURES, &failures.to_string())?;
                let wait = pin_wait_ms(failures);
                store.set_setting(PIN_WAIT_UNTIL, &(now + wait).to_string())?;
                (PinGate::Enter, Some(if wait > 0 { "trainer-pin-wait" } else { "trainer-pin-wrong" }))
            }
            gate @ (PinGate::Choose | PinGate::ChooseAgain(_)) if !valid_pin(pin) => {
                (gate, Some("trainer-pin-invalid"))
            }
            PinGate::Choose => (PinGate::ChooseAgain(pin.to_owned()), None),
            PinGate::ChooseAgain(first) if first == pin => {
                set_trainer_pin(store, pin)?;
                (PinGate::Open, None)
            }
            PinGate::ChooseAgain(_) => (PinGate::Choose, Some("trainer-pin-mismatch")),
            PinGate::Open => (PinGate::Open, None),
        };
        *self = next;
        Ok(said)
    }

    pub fn is_open(&self) -> bool {
        *self == PinGate::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trainer_pin_is_checked_against_a_salted_hash() {
        let store = Store::in_memory().unwrap();
        assert!(!has_trainer_pin(&store).unwrap());
        assert!(!check_trainer_pin(&store, "1234").unwrap());
        assert!(!set_trainer_pin(&store, "12a4").unwrap());
        assert!(!set_trainer_pin(&store, "123").unwrap());
        assert!(set_trainer_pin(&store, "2580").unwrap());
        assert!(has_trainer_pin(&store).unwrap());
        assert!(check_trainer_pin(&store, "2580").unwrap());
        assert!(!check_trainer_pin(&store, "2581").unwrap());
        let saved = store.setting("trainer-pin").unwrap().unwrap();
        assert!(!saved.contains("2580"), "never stored as typed");
        clear_trainer_pin(&store).unwrap();
        assert!(!has_trainer_pin(&store).unwrap());
        assert!(!check_trainer_pin(&store, "2580").unwrap());
    }

    #[test]
    fn settings_are_remembered_and_bad_values_fall_back() {
        let store = Store::in_memory().unwrap();
        assert_eq!(Settings::load(&store).unwrap(), Settings::default());
        let voice = VoiceSettings {
            on: false,
            volume: 50,
            slow: false,
            repeat_after_secs: 40,
            pack: Some("zh-CN-huzhou".into()),
        };
        let chosen = Settings {
            text_scale: 150,
            lang: Some(Lang::EnUs),
            fullscreen: true,
            big_pointer: true,
            screens_in_world: false,
            centre_name: "安和社区".into(),
            voice,
        };
        chosen.save(&store).unwrap();
        assert_eq!(Settings::load(&store).unwrap(), chosen);
        store.set_setting("text-scale", "5000").unwrap();
        store.set_setting("lang", "klingon").unwrap();
        store.set_setting("voice-repeat-after", "3").unwrap();
        store.set_setting("voice-volume", "900").unwrap();
        let loaded = Settings::load(&store).unwrap();
        assert_eq!((loaded.text_scale, loaded.lang), (100, None));
        assert_eq!((loaded.voice.repeat_after_secs, loaded.voice.volume), (20, 100), "never repeats too often");
    }

    #[test]
    fn the_pin_gate_asks_twice_on_first_use_then_checks() {
        let store = Store::in_memory().unwrap();
        let mut gate = PinGate::at_door(&store).unwrap();
        assert_eq!(gate, PinGate::Choose);
        assert_eq!(gate.submit(&store, "12", 0).unwrap(), Some("trainer-pin-invalid"));
        assert_eq!(gate.submit(&store, "1234", 0).unwrap(), None);
        assert_eq!(gate.prompt(), "trainer-pin-again");
        assert_eq!(gate.submit(&store, "4321", 0).unwrap(), Some("trainer-pin-mismatch"));
        assert_eq!(gate, PinGate::Choose);
        gate.submit(&store, "1234", 0).unwrap();
        assert_eq!(gate.submit(&store, "1234", 0).unwrap(), None);
        assert!(gate.is_open());
        let mut gate = PinGate::at_door(&store).unwrap();
        assert_eq!(gate, PinGate::Enter);
        assert_eq!(gate.submit(&store, "9999", 0).unwrap(), Some("trainer-pin-wrong"));
        assert!(!gate.is_open());
        assert_eq!(gate.submit(&store, "1234", 0).unwrap(), None);
        assert!(gate.is_open());
    }

    #[test]
    fn wrong_pins_make_the_next_try_wait_longer_each_time() {
        let store = Store::in_memory().unwrap();
        set_trainer_pin(&store, "2580").unwrap();
        let mut gate = PinGate::Enter;
        let mut now = 1_000_000;
        for _ in 0..PIN_FREE_TRIES - 1 {
            assert_eq!(gate.submit(&store, "0000", now).unwrap(), Some("trainer-pin-wrong"));
        }
        // The third wrong PIN starts the waiting: 30 s.
        assert_eq!(gate.submit(&store, "0000", now).unwrap(), Some("trainer-pin-wait"));
        assert_eq!(pin_wait_left(&store, now).unwrap(), 30_000);
        // While waiting even the right PIN is not checked.
        now += 10_000;
        assert_eq!(gate.submit(&store, "2580", now).unwrap(), Some("trainer-pin-wait"));
        assert!(!gate.is_open());
        // After the wait, a wrong PIN doubles it; the right one opens and forgives.
        now += 20_000;
        assert_eq!(gate.submit(&store, "1111", now).unwrap(), Some("trainer-pin-wait"));
        assert_eq!(pin_wait_left(&store, now).unwrap(), 60_000);
        now += 60_000;
        // Closing the app does not reset the count: a new gate on the same store still waits after one more.
        let mut gate = PinGate::at_door(&store).unwrap();
        assert_eq!(gate.submit(&store, "2580", now).unwrap(), None);
        assert!(gate.is_open());
        let mut gate = PinGate::Enter;
        assert_eq!(gate.submit(&store, "0000", now).unwrap(), Some("trainer-pin-wrong"), "forgiven");
        assert_eq!(pin_wait_ms(3), 30_000);
        assert_eq!(pin_wait_ms(4), 60_000);
        assert_eq!(pin_wait_ms(40), 3_600_000);
    }
}
