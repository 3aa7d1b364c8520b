//! `rel evolve`: reverse-mentoring into mentoring, mentoring into sponsoring.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::{Kind, Role};
use crate::report::needs;
use crate::store::Words;

use super::{change, day, life_error};

/// Turn a relationship into the next kind, keeping its history
///
/// Reverse-mentoring may evolve into mentoring, and mentoring into
/// sponsoring. Everything recorded stays; the change is kept in the
/// relationship's history, and what the new kind still needs shows up in
/// `rel status`. Without --role your side carries over: a learner becomes
/// the mentor, an expert the mentee, a mentor the sponsor, a mentee the
/// protégé.
///
/// Examples:
///   rel evolve linus --into mentoring
///   rel evolve ada-lovelace --into sponsoring
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The kind it becomes
    #[arg(long, value_enum)]
    pub into: Kind,
    /// Your side in the new kind
    #[arg(long, value_enum)]
    pub role: Option<Role>,
    /// The day it changed [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let on = day(ctx, args.date.as_deref())?;
    let changed = change(ctx, &args.handle, |rel, handle| {
        let from = rel.kind;
        rel.evolve(args.into, args.role, on)
            .map(|role| (from, role))
            .map_err(|e| life_error(&e, handle))
    })?;
    let (from, role) = changed.value;
    ctx.changed(format!(
        "evolve {} into {}",
        changed.handle, changed.rel.kind
    ));
    ctx.say(&format!(
        "{} evolved from {from} into {}: you are the {}.",
        changed.handle,
        changed.rel.kind,
        role.label()
    ));
    let Ok(view) = super::load_view(ctx, &changed.handle, 1, Words::Open) else {
        return Ok(());
    };
    let missing: Vec<String> = view
        .assessment
        .understandings
        .iter()
        .flat_map(|u| u.facts.iter().filter(|f| !f.ok))
        .filter_map(|f| {
            needs::fact_fix(f, changed.handle.as_str())
                .map(|fix| format!("  {} → {fix}", needs::fact_text(f)))
        })
        .collect();
    if !missing.is_empty() {
        ctx.say(&format!("What {} still needs:", changed.rel.kind));
        for line in missing {
            ctx.say(&line);
        }
    }
    Ok(())
}
