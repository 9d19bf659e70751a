//! HTML reports: one self-contained page (inline CSS, no scripts, no remote loads) rendered
//! with minijinja. Templates end in `.html`, so minijinja escapes every value put into them.

use minijinja::Environment;
use serde::Serialize;

use super::input::ReportError;

const CSS: &str = include_str!("templates/report.css");
const STAFF: &str = include_str!("templates/staff.html");
const TAKE_HOME: &str = include_str!("templates/take_home.html");

fn environment() -> Result<Environment<'static>, ReportError> {
    let mut env = Environment::new();
    for (name, source) in [
        ("report.css", CSS),
        ("staff.html", STAFF),
        ("take_home.html", TAKE_HOME),
    ] {
        env.add_template(name, source)
            .map_err(|e| ReportError::Template(e.to_string()))?;
    }
    Ok(env)
}

/// Renders `template` with the value `r`.
pub fn render<T: Serialize>(template: &str, r: &T) -> Result<String, ReportError> {
    let env = environment()?;
    let tmpl = env
        .get_template(template)
        .map_err(|e| ReportError::Template(e.to_string()))?;
    tmpl.render(minijinja::context! { r => minijinja::value::Serde(r) })
        .map_err(|e| ReportError::Template(format!("{e:#}")))
}
