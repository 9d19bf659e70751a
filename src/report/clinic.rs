//! The clinic's own details as reports print them (contract 8 of the helpers' notes): read
//! from the clinic settings file by `config`, handed to reports as this plain struct.

use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ClinicInfo {
    pub name: String,
    pub phone: String,
    pub address: Option<String>,
}

impl ClinicInfo {
    /// Name, phone and address that are not blank, in that order (what a sheet prints).
    pub fn lines(&self) -> Vec<String> {
        [Some(&self.name), Some(&self.phone), self.address.as_ref()]
            .into_iter()
            .flatten()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }
}
