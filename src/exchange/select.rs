//! Choosing intakes the same way for `list`, `export` and `delete`: by status, by the date of
//! their last save, exported or not, and by code.

use super::exported::ExportLog;
use super::{ExchangeError, day_of};
use crate::date::Date;
use crate::store::{Listing, StaffIdentity, Status, Store, StoreError, code};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<Status>,
    /// Last saved on or after this day (UTC).
    pub since: Option<Date>,
    /// Last saved on or before this day (UTC).
    pub until: Option<Date>,
    /// Some(true): only exported ones; Some(false): only those waiting to be exported.
    pub exported: Option<bool>,
    /// Resume codes as typed; empty: every intake the other filters keep.
    pub codes: Vec<String>,
}

/// One chosen intake.
#[derive(Debug)]
pub struct Item {
    pub listing: Listing,
    pub exported: bool,
}

/// The chosen intakes (newest first), the damaged files seen on the way, and how many of all
/// readable intakes (chosen or not) are waiting to be exported.
#[derive(Debug)]
pub struct Selected {
    pub items: Vec<Item>,
    pub damaged: Vec<StoreError>,
    pub waiting: usize,
}

impl Filter {
    fn keeps(&self, item: &Item) -> bool {
        let m = &item.listing.meta;
        let day = day_of(&m.updated);
        self.status.is_none_or(|s| s == m.status)
            && self.since.is_none_or(|d| day >= d.to_string().as_str())
            && self.until.is_none_or(|d| day <= d.to_string().as_str())
            && self.exported.is_none_or(|e| e == item.exported)
    }
}

/// Lists the store and keeps what `filter` asks for. A code that matches no intake is an
/// error (nothing is half-chosen); encrypted intakes show their code only with `identity`.
pub fn select(
    store: &Store,
    identity: Option<&StaffIdentity>,
    filter: &Filter,
) -> Result<Selected, ExchangeError> {
    let log = ExportLog::load(store.dir());
    let mut items = Vec::new();
    let mut damaged = Vec::new();
    for r in store.list(identity) {
        match r {
            Ok(listing) => {
                let exported = log.is_exported(&listing);
                items.push(Item { listing, exported });
            }
            Err(e) => damaged.push(e),
        }
    }
    let waiting = items.iter().filter(|i| !i.exported).count();
    let mut wanted = Vec::new();
    for typed in &filter.codes {
        let c = code::normalize(typed)
            .ok_or_else(|| ExchangeError::BadCode(typed.trim().chars().take(20).collect()))?;
        if !items
            .iter()
            .any(|i| i.listing.code.as_deref() == Some(c.as_str()))
        {
            return Err(ExchangeError::NoSuchCode(c));
        }
        wanted.push(c);
    }
    items.retain(|i| {
        filter.keeps(i)
            && (wanted.is_empty() || i.listing.code.as_ref().is_some_and(|c| wanted.contains(c)))
    });
    Ok(Selected {
        items,
        damaged,
        waiting,
    })
}
