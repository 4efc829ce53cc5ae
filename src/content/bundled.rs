//! The content files, embedded at compile time so closer runs from any folder.

use serde::Deserialize;

use super::model::{Digest, Episodes, Prompt, Sign, Strategy, Toolkit, Trigger, Turning};
use super::{Catalog, ContentError, parse_toml};

/// A bundled file: (its name, its text), the name written once.
macro_rules! bundled {
    ($file:literal) => {
        (
            concat!("content/", $file),
            include_str!(concat!("../../content/", $file)),
        )
    };
}

/// The bundled files: (name, text).
pub(crate) const TRIGGERS: (&str, &str) = bundled!("triggers.toml");
pub(crate) const SIGNS: (&str, &str) = bundled!("signs.toml");
pub(crate) const STRATEGIES: (&str, &str) = bundled!("strategies.toml");
pub(crate) const PROMPTS: (&str, &str) = bundled!("prompts.toml");
pub(crate) const EPISODES: (&str, &str) = bundled!("episodes.toml");
pub(crate) const TOOLKIT: (&str, &str) = bundled!("toolkit.toml");
pub(crate) const TURNING: (&str, &str) = bundled!("turning.toml");
pub(crate) const DIGESTS: [(&str, &str); 6] = [
    bundled!("safety.toml"),
    bundled!("digests/breaking-the-walls.toml"),
    bundled!("digests/healing-emotional-distance.toml"),
    bundled!("digests/build-intimacy-stop-pushing-away.toml"),
    bundled!("digests/why-a-partner-pulls-away.toml"),
    bundled!("attachment.toml"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerFile {
    trigger: Vec<Trigger>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignFile {
    sign: Vec<Sign>,
}

/// The bundled file of strategies (the person's own is read item by item: `content::user`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrategyFile {
    #[serde(default)]
    strategy: Vec<Strategy>,
}

/// The bundled file of prompts (the person's own is read item by item: `content::user`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptFile {
    #[serde(default)]
    prompt: Vec<Prompt>,
}

/// Parses every bundled file.
pub(crate) fn load() -> Result<Catalog, ContentError> {
    let triggers: TriggerFile = parse_toml(TRIGGERS.0, TRIGGERS.1)?;
    let signs: SignFile = parse_toml(SIGNS.0, SIGNS.1)?;
    let strategies: StrategyFile = parse_toml(STRATEGIES.0, STRATEGIES.1)?;
    let prompts: PromptFile = parse_toml(PROMPTS.0, PROMPTS.1)?;
    let digests = DIGESTS
        .iter()
        .map(|(name, text)| parse_toml::<Digest>(name, text))
        .collect::<Result<Vec<_>, _>>()?;
    let toolkit: Toolkit = parse_toml(TOOLKIT.0, TOOLKIT.1)?;
    let episodes: Episodes = parse_toml(EPISODES.0, EPISODES.1)?;
    let turning: Turning = parse_toml(TURNING.0, TURNING.1)?;
    Ok(Catalog {
        triggers: triggers.trigger,
        signs: signs.sign,
        strategies: strategies.strategy,
        prompts: prompts.prompt,
        digests,
        toolkit,
        episodes,
        turning,
    })
}
