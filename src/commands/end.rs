//! `rel end`: the closing conversation.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::ItemId;
use crate::model::ItemKind;
use crate::model::Role;
use crate::model::items::Verdict;
use crate::model::relationship::EndResult;
use crate::text::{clip, sanitize};

use super::{change, day, item_ids, life_error};

/// Close a relationship, as the kickoff opened it: with a conversation
///
/// Records how it ended (completed, or concluded early), the outcome in
/// your words, for reverse-mentoring whether the expert got what they
/// wanted out of it, and a final assessment of each open goal: achieved,
/// partly or not. On a terminal rel asks for each; otherwise give --assess for the
/// goals you assess (the rest stay open, marked unassessed in the report).
///
/// Examples:
///   rel end linus
///   rel end linus --as completed --outcome "I can review kernel patches" --assess g1=achieved --assess g2=partly
///   rel end linus --as completed --expert-outcome "A mentor, and a say in tooling"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// How it ended
    #[arg(long = "as", value_enum, value_name = "HOW")]
    pub result: Option<EndResult>,
    /// What came of it, in your words
    #[arg(long, value_name = "TEXT")]
    pub outcome: Option<String>,
    /// Reverse-mentoring: whether the expert got what they wanted out of it
    #[arg(long = "expert-outcome", value_name = "TEXT")]
    pub expert_outcome: Option<String>,
    /// A goal's final assessment: ID=achieved|partly|not (repeat for several)
    #[arg(long = "assess", value_name = "ID=VERDICT")]
    pub assess: Vec<String>,
    /// The day it ended [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    ctx.journal.check_writable()?;
    let handle = super::find_to_change(ctx, &args.handle)?;
    let on = day(ctx, args.date.as_deref())?;
    let mut verdicts = parse_verdicts(&args.assess)?;
    let mut result = args.result;
    let mut outcome = args
        .outcome
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty());
    let mut expert_outcome = args
        .expert_outcome
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty());

    if ctx.prompt.allowed() {
        let rel = ctx
            .journal
            .load(&handle)
            .map_err(|p| super::problems_error(&[p]))?;
        if rel.status == crate::model::Status::Ended {
            return Err(life_error(
                &crate::model::relationship::LifeError::Ended(rel.ending.map(|e| e.date)),
                &handle,
            ));
        }
        let p = &ctx.prompt;
        ctx.say(&format!(
            "Ending {} with {}.",
            ctx.paint_err.bold(handle.as_str()),
            sanitize(&rel.person)
        ));
        if result.is_none() {
            let items = vec![
                "completed — it did what it set out to do".to_string(),
                "concluded early — it stopped before that".to_string(),
            ];
            result = Some(if p.select("How did it end?", &items, 0)? == 0 {
                EndResult::Completed
            } else {
                EndResult::ConcludedEarly
            });
        }
        if outcome.is_none() {
            outcome = p.text("What came of it? (the outcome, Enter to skip)", None, false)?;
        }
        if rel.kind == crate::model::Kind::ReverseMentoring && expert_outcome.is_none() {
            if let Some(aims) = rel
                .their_aims
                .as_deref()
                .filter(|_| rel.role == Role::Learner)
            {
                ctx.say(&format!("  They wanted: {}", sanitize(aims)));
            }
            let label = if rel.role == Role::Expert {
                "Did you get what you wanted out of it? (Enter to skip)"
            } else {
                "Did the expert get what they wanted out of it? (Enter to skip)"
            };
            expert_outcome = p.text(label, None, false)?;
        }
        let choices = vec![
            "achieved".to_string(),
            "partly achieved".to_string(),
            "not achieved".to_string(),
            "leave unassessed".to_string(),
        ];
        for goal in rel.goals.iter().filter(|g| g.is_open()) {
            if verdicts.iter().any(|(id, _)| *id == goal.id) {
                continue;
            }
            let label = format!("Goal {}: {}", goal.id, clip(&goal.text, 60));
            match p.select(&label, &choices, 0)? {
                0 => verdicts.push((goal.id, Verdict::Achieved)),
                1 => verdicts.push((goal.id, Verdict::Partly)),
                2 => verdicts.push((goal.id, Verdict::Not)),
                _ => {}
            }
        }
        if !p.confirm(&format!("End {handle} on {on}?"), true)? {
            return Err(Error::user("not ended; nothing was written"));
        }
    }
    let Some(result) = result else {
        return Err(
            Error::user("missing --as completed|concluded-early").with_hint(format!(
                "rel end {handle} --as completed --outcome TEXT [--assess g1=achieved]"
            )),
        );
    };

    let changed = change(ctx, handle.as_str(), |rel, handle| {
        if expert_outcome.is_some() && rel.kind != crate::model::Kind::ReverseMentoring {
            return Err(Error::user(format!(
                "--expert-outcome is for reverse-mentoring; {handle} is {}",
                rel.kind
            ))
            .with_hint("say what came of it with --outcome"));
        }
        rel.end(on, result, outcome.clone(), &verdicts)
            .map_err(|e| life_error(&e, handle))?;
        if let Some(ending) = &mut rel.ending {
            ending.expert_outcome = expert_outcome.clone();
        }
        Ok(rel
            .goals
            .iter()
            .filter(|g| g.is_open() && g.assessment.is_none())
            .map(|g| g.id)
            .collect::<Vec<ItemId>>())
    })?;
    ctx.changed(format!("end {} ({})", changed.handle, result.as_str()));
    ctx.say(&format!(
        "Ended {} on {on} ({}).",
        changed.handle,
        result.as_str()
    ));
    for (id, verdict) in &verdicts {
        ctx.say(&format!(
            "  {id} {}: {}",
            verdict.as_str(),
            super::item_line(&changed.rel, *id)
        ));
    }
    for id in &changed.value {
        ctx.say(&format!(
            "  {id} left unassessed: {}",
            super::item_line(&changed.rel, *id)
        ));
    }
    Ok(())
}

/// `g1=achieved` pairs.
fn parse_verdicts(texts: &[String]) -> Result<Vec<(ItemId, Verdict)>> {
    let mut verdicts: Vec<(ItemId, Verdict)> = Vec::new();
    for text in texts {
        let Some((id, verdict)) = text.split_once('=') else {
            return Err(Error::user(format!(
                "--assess {}: expected ID=VERDICT",
                crate::text::echo(text)
            ))
            .with_hint("like --assess g1=achieved (or partly, or not)"));
        };
        let Some(id) = item_ids(&[id.to_string()], ItemKind::Goal, "--assess")?
            .first()
            .copied()
        else {
            return Err(Error::user(format!(
                "--assess {}: no goal id before '='",
                crate::text::echo(text)
            ))
            .with_hint("like --assess g1=achieved (or partly, or not)"));
        };
        let verdict: Verdict = verdict.parse().map_err(|e: String| {
            Error::user(format!(
                "--assess {}: {}",
                crate::text::echo(text),
                sanitize(&e)
            ))
            .with_hint("like --assess g1=achieved (or partly, or not)")
        })?;
        if verdicts.iter().any(|(seen, _)| *seen == id) {
            return Err(Error::user(format!("--assess gives {id} twice"))
                .with_hint("assess each goal once"));
        }
        verdicts.push((id, verdict));
    }
    Ok(verdicts)
}
