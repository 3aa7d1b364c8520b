//! `rel set`: change any field given at `rel new`.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::Role;
use crate::report::change_line;
use crate::text::sanitize;

use super::change;
use super::new::{Fields, parse_cadence};

/// Change any field of a relationship
///
/// Takes every flag of `rel new`; empty text clears a field. The change is
/// recorded in the relationship's history with its date. To change the kind
/// of relationship, use `rel evolve`.
///
/// Examples:
///   rel set ada-lovelace --cadence weekly
///   rel set ada-lovelace --agreed 2026-09-03 --how "Fortnightly, her agenda"
///   rel set linus --until 2027-03-31            # extend the time box
///   rel set grace --opted-in                    # she opted in today
///   rel set ada-lovelace --purpose ""           # clear a field
///   rel set ada-lovelace --settle purpose       # after a sync: what it says stands
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,

    /// The other person's name
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,

    /// Your side, within the same kind (rel evolve changes the kind)
    #[arg(long, value_enum)]
    pub role: Option<Role>,

    /// How often to review the relationship itself [default: 3 months]
    #[arg(
        long = "review-every",
        value_name = "CADENCE",
        allow_hyphen_values = true
    )]
    pub review_every: Option<String>,

    /// A field changed differently on two machines (rel status names
    /// it): the value it has now stands [repeatable]
    #[arg(long, value_name = "FIELD")]
    pub settle: Vec<String>,

    #[command(flatten)]
    pub fields: Fields,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let nothing = args.person.is_none()
        && args.role.is_none()
        && args.review_every.is_none()
        && args.settle.is_empty()
        && args.fields.is_empty();
    if nothing {
        return Err(Error::user("nothing to change").with_hint(format!(
            "give the fields to change, like rel set {} --cadence weekly (rel set --help lists them)",
            sanitize(&args.handle)
        )));
    }
    let review_every = match args.review_every.as_deref().map(str::trim) {
        Some("") => Some(None),
        Some(text) => {
            Some(Some(parse_cadence(text).map_err(|e| {
                e.with_hint("--review-every takes a cadence like 3m")
            })?))
        }
        None => None,
    };
    let today = ctx.today;
    let changed = change(ctx, &args.handle, |rel, handle| {
        args.fields.check_kind(rel.kind, handle.as_str())?;
        let before = rel.clone();
        if let Some(person) = &args.person {
            let person = person.trim();
            if person.is_empty() {
                return Err(Error::user("the person's name cannot be empty")
                    .with_hint("rel set HANDLE --person \"Ada Lovelace\""));
            }
            rel.person = person.to_string();
        }
        if let Some(role) = args.role {
            if role.kind() != rel.kind {
                return Err(Error::user(format!(
                    "{handle} is {}, so you are a {} or a {}, not a {}",
                    rel.kind,
                    rel.kind.roles()[0].label(),
                    rel.kind.roles()[1].label(),
                    role.label()
                ))
                .with_hint(format!(
                    "to change the kind of relationship: rel evolve {handle} --into {}",
                    role.kind()
                )));
            }
            rel.role = role;
        }
        if let Some(every) = review_every.clone() {
            rel.review_every = every;
        }
        args.fields.apply(rel, today)?;
        let changes = rel.changes_from(&before);
        let mut said: Vec<String> = changes
            .iter()
            .map(|c| change_line(c.field, c.old.as_deref(), c.new.as_deref()))
            .collect();
        // A new role or destination asks for the agreement again.
        let recontract = changes
            .iter()
            .any(|c| c.field == "role" || (c.field == "destination" && c.new.is_some()));
        rel.record_changes(changes, today);
        for field in &args.settle {
            let field = field.trim();
            if !rel.settle(field, today) {
                return Err(not_in_conflict(rel, handle.as_str(), field));
            }
            said.push(format!(
                "{}: settled, it stands",
                crate::report::merged::field_words(field)
            ));
        }
        Ok((said, recontract))
    })?;
    let (said, recontract) = &changed.value;
    for line in args.fields.resolved_dates(&changed.rel) {
        ctx.say(&format!("({line})"));
    }
    if said.is_empty() {
        ctx.say(&format!(
            "Nothing changed: {} already says that.",
            changed.handle
        ));
    } else {
        let fields: Vec<&str> = said.iter().filter_map(|c| c.split(':').next()).collect();
        ctx.changed(format!("set {}: {}", changed.handle, fields.join(", ")));
        ctx.say(&format!("Changed {}:", changed.handle));
        for line in said {
            ctx.say(&format!("  {line}"));
        }
    }
    if *recontract {
        recontract_note(ctx, &changed.handle);
    }
    Ok(())
}

/// After a new role or destination: the re-contract it asks for, as
/// `rel status` will say it.
fn recontract_note(ctx: &Ctx, handle: &crate::model::Handle) {
    let Ok(view) = super::load_view(ctx, handle, 1, crate::store::Words::Open) else {
        return;
    };
    for item in view
        .assessment
        .attention
        .iter()
        .filter(|a| matches!(a.need, crate::model::Need::Recontract { .. }))
    {
        let fix = crate::report::needs::fix(&item.need, handle.as_str()).unwrap_or_default();
        ctx.say(&format!(
            "{}\n  → {fix}",
            crate::report::needs::sentence(&item.need)
        ));
    }
}

/// `--settle` names a field no merge left in question.
fn not_in_conflict(rel: &crate::model::Relationship, handle: &str, field: &str) -> Error {
    let open: Vec<String> = rel
        .open_conflicts()
        .iter()
        .filter_map(|e| e.field.clone())
        .collect();
    let err = Error::user(format!(
        "{handle} has no conflict over '{}' to settle",
        sanitize(field)
    ));
    if open.is_empty() {
        err.with_hint("rel status names a field changed on two machines when there is one")
    } else {
        err.with_hint(format!("its open ones: {}", open.join(", ")))
    }
}
