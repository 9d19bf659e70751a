//! Recorded audio per question and choice (`audio: {es: audio/q1.es.ogg}`): read with the
//! question file, paths taken relative to the file's folder, and checked to be there and
//! readable (for `check`, which reports them located like every other problem).

use std::io::Read;
use std::path::{Path, PathBuf};

use super::*;

impl Loader {
    /// `audio:` as a mapping from declared language codes to file paths.
    pub(super) fn audio(&mut self, node: Option<&Node>) -> Audio {
        let mut out = Audio::new();
        let Some(node) = node else { return out };
        let Value::Map(entries) = &node.value else {
            self.err_hint(
                node.pos,
                format!("`audio` must be a mapping, not {}", node.kind_name()),
                "write audio: {es: audio/q1.es.ogg}",
            );
            return out;
        };
        for (k, v) in entries {
            if !self.languages.contains(&k.name) {
                self.err_hint(
                    k.pos,
                    format!("`{}` in `audio` is not a declared language", k.name),
                    format!("declared languages: {}", self.languages.join(", ")),
                );
                continue;
            }
            if let Some(s) = self.string(v, "an audio file") {
                if s.trim().is_empty() {
                    self.err(v.pos, format!("the audio file for `{}` is empty", k.name));
                    continue;
                }
                out.insert(k.name.clone(), (PathBuf::from(s), v.pos));
            }
        }
        out
    }
}

/// Makes every relative audio path relative to `dir` (the question file's folder), so the
/// interview finds the files whatever folder it was started from.
pub fn resolve(qn: &mut Questionnaire, dir: &Path) {
    let fix = |a: &mut Audio| {
        for (path, _) in a.values_mut() {
            if path.is_relative() {
                *path = dir.join(&*path);
            }
        }
    };
    for q in &mut qn.questions {
        fix(&mut q.audio);
        q.choices.iter_mut().for_each(|c| fix(&mut c.audio));
    }
}

/// An error for every audio file that is missing, not a file, empty or unreadable, at the
/// place it is named. `dir` is the question file's folder (paths are relative to it).
pub fn problems(qn: &Questionnaire, dir: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut look = |a: &Audio| {
        for (lang, (path, pos)) in a {
            let full = if path.is_relative() {
                dir.join(path)
            } else {
                path.clone()
            };
            if let Err(why) = readable(&full) {
                out.push(
                    Diagnostic::error(
                        *pos,
                        format!("the `{lang}` audio file {} {why}", path.display()),
                    )
                    .with_hint("paths are relative to the question file's folder"),
                );
            }
        }
    };
    for q in &qn.questions {
        look(&q.audio);
        q.choices.iter().for_each(|c| look(&c.audio));
    }
    out
}

fn readable(path: &Path) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "does not exist".to_owned(),
        _ => format!("cannot be read ({e})"),
    })?;
    if !meta.is_file() {
        return Err("is not a file".to_owned());
    }
    let mut byte = [0u8; 1];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut byte))
        .map_err(|e| format!("cannot be read ({e})"))?;
    if n == 0 {
        return Err("is empty".to_owned());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::load::load_str;

    const ALL_KINDS: &str = include_str!("../../tests/fixtures/all_kinds.yaml");

    /// The all-kinds file with `extra` lines added under the `has_children` question.
    pub(crate) fn with_audio(extra: &str) -> String {
        let at = "        help: {en: \"Why we ask: family here can help your case.\"";
        ALL_KINDS.replacen(at, &format!("{extra}\n{at}"), 1)
    }

    #[test]
    fn audio_is_read_per_language_and_resolved_next_to_the_file() {
        let text = with_audio("        audio: {es: audio/q1.es.ogg, en: /abs/q1.wav}");
        let mut qn = load_str(&text).unwrap();
        let q = qn.question("has_children").unwrap();
        let (path, pos) = &q.audio["es"];
        assert_eq!(path.to_str(), Some("audio/q1.es.ogg"));
        let line = text.lines().position(|l| l.contains("audio:")).unwrap() + 1;
        assert_eq!(pos.line as usize, line);
        super::resolve(&mut qn, "/clinic/questions".as_ref());
        let q = qn.question("has_children").unwrap();
        assert_eq!(
            q.audio["es"].0.to_str(),
            Some("/clinic/questions/audio/q1.es.ogg")
        );
        assert_eq!(q.audio["en"].0.to_str(), Some("/abs/q1.wav"));
        assert!(qn.question("status").unwrap().audio.is_empty());
    }

    #[test]
    fn audio_mistakes_are_located() {
        let e = load_str(&with_audio("        audio: {mam: q1.mam.ogg}")).unwrap_err();
        let text = e.render("f.yaml");
        assert!(
            text.contains("`mam` in `audio` is not a declared language"),
            "{text}"
        );
        let e = load_str(&with_audio("        audio: q1.ogg")).unwrap_err();
        assert!(e.render("f.yaml").contains("`audio` must be a mapping"));
        let e = load_str(&with_audio("        audio: {es: \"\"}")).unwrap_err();
        assert!(
            e.render("f.yaml")
                .contains("the audio file for `es` is empty")
        );
    }

    #[test]
    fn choices_take_audio_too_and_missing_files_are_problems() {
        let text = ALL_KINDS.replacen(
            "{id: tps, label: {en: \"TPS\", es: \"TPS\"}}",
            "{id: tps, label: {en: \"TPS\", es: \"TPS\"}, audio: {es: tps.es.wav}}",
            1,
        );
        let qn = load_str(&text).unwrap();
        let status = qn.question("status").unwrap();
        assert!(status.choice("tps").unwrap().audio.contains_key("es"));
        let dir = tempfile::tempdir().unwrap();
        let problems = super::problems(&qn, dir.path());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("tps.es.wav does not exist"));
        std::fs::write(dir.path().join("tps.es.wav"), b"").unwrap();
        assert!(
            super::problems(&qn, dir.path())[0]
                .message
                .contains("is empty")
        );
        std::fs::write(dir.path().join("tps.es.wav"), b"RIFF").unwrap();
        assert!(super::problems(&qn, dir.path()).is_empty());
        std::fs::remove_file(dir.path().join("tps.es.wav")).unwrap();
        std::fs::create_dir(dir.path().join("tps.es.wav")).unwrap();
        assert!(
            super::problems(&qn, dir.path())[0]
                .message
                .contains("is not a file")
        );
    }
}
