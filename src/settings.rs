//! The learner-facing settings (text size, language, full screen) and the
//! centre's own (name, home page), kept in the progress store so they are
//! remembered between runs. Unknown or damaged values fall back to defaults.

use crate::i18n::Lang;
use crate::progress::{Store, StoreError};

/// Text sizes a learner can choose, in percent.
pub const TEXT_SCALES: [u32; 4] = [100, 125, 150, 200];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// One of [`TEXT_SCALES`].
    pub text_scale: u32,
    /// `None`: follow the system (or `--lang`).
    pub lang: Option<Lang>,
    pub fullscreen: bool,
    /// Printed on certificates.
    pub centre_name: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { text_scale: 100, lang: None, fullscreen: false, centre_name: String::new() }
    }
}

const TEXT_SCALE: &str = "text-scale";
const LANG: &str = "lang";
const FULLSCREEN: &str = "fullscreen";
const CENTRE_NAME: &str = "centre-name";

impl Settings {
    pub fn load(store: &Store) -> Result<Settings, StoreError> {
        let defaults = Settings::default();
        let text_scale = store
            .setting(TEXT_SCALE)?
            .and_then(|v| v.parse().ok())
            .filter(|v| TEXT_SCALES.contains(v))
            .unwrap_or(defaults.text_scale);
        Ok(Settings {
            text_scale,
            lang: store.setting(LANG)?.and_then(|v| Lang::from_tag(&v)),
            fullscreen: store.setting(FULLSCREEN)?.is_some_and(|v| v == "true"),
            centre_name: store.setting(CENTRE_NAME)?.unwrap_or_default(),
        })
    }

    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        store.set_setting(TEXT_SCALE, &self.text_scale.to_string())?;
        store.set_setting(LANG, self.lang.map_or("", Lang::tag))?;
        store.set_setting(FULLSCREEN, if self.fullscreen { "true" } else { "false" })?;
        store.set_setting(CENTRE_NAME, self.centre_name.trim())
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
    store.set_setting(TRAINER_PIN, "")
}

/// Whether `pin` is the trainer PIN.
pub fn check_trainer_pin(store: &Store, pin: &str) -> Result<bool, StoreError> {
    let Some(saved) = store.setting(TRAINER_PIN)? else { return Ok(false) };
    let Some((salt, hash)) = saved.split_once('$') else { return Ok(false) };
    Ok(pin_hash(salt, pin) == hash)
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
        let chosen =
            Settings { text_scale: 150, lang: Some(Lang::EnUs), fullscreen: true, centre_name: "安和社区".into() };
        chosen.save(&store).unwrap();
        assert_eq!(Settings::load(&store).unwrap(), chosen);
        store.set_setting("text-scale", "5000").unwrap();
        store.set_setting("lang", "klingon").unwrap();
        let loaded = Settings::load(&store).unwrap();
        assert_eq!((loaded.text_scale, loaded.lang), (100, None));
    }
}
