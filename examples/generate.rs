//! Writes a realistic journal of any size, for benchmarks and for trying
//! rel on years of history: every kind and role, notes of a few lines,
//! goals, waypoints, actions opened and closed, advocacy, strengths and
//! growth areas, pauses, evolutions and endings, over years of dates.
//!
//!     cargo run --release --example generate -- --relationships 30 --checkins 200 DIR
//!
//! Everything goes through the library as rel itself uses it: the model's
//! methods make each change (so ids, dates and effects follow rel's rules)
//! and the store writes each relationship folder as `rel import` does —
//! the same file text, checked to read back, under the journal lock.
//! The same arguments always give the same journal.

use std::process::ExitCode;

use chrono::{Days, NaiveDate};
use rel::model::date::parse_iso;
use rel::model::items::{Closing, NewAction, Verdict};
use rel::model::relationship::{Agreement, EndResult};
use rel::model::{
    Cadence, CheckIn, CheckinId, Handle, ItemId, Kind, Owner, Rating, Relationship, Role,
};
use rel::store::Journal;
use rel::store::folder::{FolderText, Placement, checkin_text, relationship_text};

const USAGE: &str =
    "usage: generate --relationships N --checkins M [--today YYYY-MM-DD] [--seed S] DIR";

struct Options {
    relationships: usize,
    checkins: usize,
    today: NaiveDate,
    seed: u64,
    dir: String,
}

fn main() -> ExitCode {
    let options = match options(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(why) => {
            eprintln!("error: {why}\n{USAGE}");
            return ExitCode::from(1);
        }
    };
    match generate(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("error: {why}");
            ExitCode::from(2)
        }
    }
}

fn options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut relationships = None;
    let mut checkins = None;
    let mut today = parse_iso("2026-11-26");
    let mut seed = 1;
    let mut dir = None;
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or(format!("{flag} needs a value"));
        match arg.as_str() {
            "--relationships" => relationships = value(&arg)?.parse().ok(),
            "--checkins" => checkins = value(&arg)?.parse().ok(),
            "--today" => today = parse_iso(&value(&arg)?),
            "--seed" => seed = value(&arg)?.parse().map_err(|_| "--seed takes a number")?,
            flag if flag.starts_with('-') => return Err(format!("unknown flag {flag}")),
            _ => dir = Some(arg),
        }
    }
    Ok(Options {
        relationships: relationships.ok_or("--relationships takes a number")?,
        checkins: checkins.ok_or("--checkins takes a number")?,
        today: today.ok_or("--today takes a date like 2026-11-26")?,
        seed,
        dir: dir.ok_or("where should the journal go?")?,
    })
}

fn generate(options: &Options) -> Result<(), String> {
    let journal = Journal::new(&options.dir);
    if journal.listing().is_ok_and(|l| !l.handles.is_empty()) {
        return Err(format!("{} already holds relationships", options.dir));
    }
    // One lock for the whole journal; each folder is written whole and
    // moved into place, as an import does.
    let txn = journal.begin().map_err(|e| e.to_string())?;
    let mut taken: Vec<Handle> = Vec::new();
    for n in 0..options.relationships {
        let mut rng = Rng::new(options.seed.wrapping_mul(1_000_003).wrapping_add(n as u64));
        let person = person(n);
        let handle = unique_handle(&person, &taken);
        taken.push(handle.clone());
        // The first relationship is always running, for benchmarks to use.
        let running = n == 0;
        let (rel, checkins) = life(&mut rng, person, options.checkins, options.today, running);
        let at = journal.relationship_path(&handle);
        let relationship = relationship_text(&rel, None, &at).map_err(|p| p.to_string())?;
        let checkins = checkins
            .iter()
            .map(|(id, checkin)| {
                let at = journal.checkin_path(&handle, *id);
                checkin_text(checkin, None, &at).map(|text| (*id, text))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|p| p.to_string())?;
        let folder = FolderText {
            relationship,
            checkins,
        };
        txn.place_folder(&handle, &folder, Placement::New)
            .map_err(|e| e.to_string())?;
    }
    eprintln!(
        "Wrote {} relationships with {} check-ins each to {}.",
        options.relationships, options.checkins, options.dir
    );
    Ok(())
}

/// A relationship's whole life up to `today`: how it started, `count`
/// meetings spread over the years, and what happened between them.
fn life(
    rng: &mut Rng,
    person: String,
    count: usize,
    today: NaiveDate,
    running: bool,
) -> (Relationship, Vec<(CheckinId, CheckIn)>) {
    let role = *rng.pick(&ROLES);
    let cadence_days = *rng.pick(&[7, 14, 14, 14, 30, 30]);
    // Meetings every cadence or so, over at most ten years: a long
    // history is a denser one, not an older one.
    let span = (count as u64 * cadence_days).clamp(30, 3650);
    let gap = span as f64 / count.max(1) as f64;
    // The last meeting falls anywhere from today to a cadence and a half
    // ago, so that some relationships are on track, some due, some late.
    let last = ((count.max(1) - 1) as f64 * gap) as u64;
    let started = today - Days::new(last + rng.below(cadence_days * 3 / 2) + 2);
    let mut rel = Relationship::new(person, role, started);
    rel.cadence = Some(cadence(cadence_days));
    rel.purpose = Some(rng.pick(&PURPOSES).to_string());
    if rng.chance(0.8) {
        rel.their_aims = Some(rng.pick(&AIMS).to_string());
    }
    if rng.chance(0.85) {
        rel.agreement = Some(Agreement {
            date: started + Days::new(rng.below(7)),
            how: Some(rng.pick(&HOWS).to_string()),
        });
    }
    match rel.kind {
        Kind::Sponsoring => {
            rel.destination = Some(rng.pick(&DESTINATIONS).to_string());
            rel.why = Some(sentences(rng, 3));
            if rng.chance(0.85) {
                rel.opted_in = Some(started + Days::new(rng.below(20)));
            }
        }
        Kind::ReverseMentoring => {
            rel.topic = Some(rng.pick(&TOPICS).to_string());
            rel.until = Some(today + Days::new(rng.below(120) + 1));
            if rng.chance(0.5) {
                rel.sessions = Some(count as u32 + rng.below(6) as u32);
            }
        }
        Kind::Mentoring => {}
    }
    for _ in 0..2 + rng.below(3) {
        let due = rng
            .chance(0.5)
            .then(|| started + Days::new(rng.below(span) + 30));
        rel.add_goal(rng.pick(&GOALS).to_string(), started, due);
    }

    let ending = if running { 9 } else { rng.below(10) };
    let mut checkins = Vec::with_capacity(count);
    let mut last: Option<CheckinId> = None;
    for k in 0..count {
        let offset = (k as f64 * gap) as u64 + rng.below(2);
        let date = (started + Days::new(offset)).min(today);
        let n = match last {
            Some(id) if id.date == date => id.n + 1,
            _ => 1,
        };
        let id = CheckinId::new(date, n);
        between_meetings(rng, &mut rel, date, k, count);
        let mut checkin = meeting(rng, &rel, date, k);
        rel.record_checkin(id, &mut checkin);
        checkins.push((id, checkin));
        last = Some(id);
    }
    let end_day = last.map_or(started, |id| id.date);
    match ending {
        // One in ten ended, one in ten paused; the rest run on.
        0 => {
            let verdicts: Vec<(ItemId, Verdict)> = rel
                .goals
                .iter()
                .filter(|g| g.achieved.is_none() && g.dropped.is_none())
                .map(|g| {
                    (
                        g.id,
                        *rng.pick(&[Verdict::Achieved, Verdict::Partly, Verdict::Not]),
                    )
                })
                .collect();
            let outcome = Some(sentences(rng, 2));
            let _ = rel.end(end_day, EndResult::Completed, outcome, &verdicts);
        }
        1 => {
            let _ = rel.pause(
                end_day,
                Some("Parental leave; we pick it up in spring".to_string()),
            );
        }
        _ => {}
    }
    (rel, checkins)
}

/// What happens to a relationship between two meetings.
fn between_meetings(
    rng: &mut Rng,
    rel: &mut Relationship,
    date: NaiveDate,
    k: usize,
    count: usize,
) {
    if k > 0 && rng.chance(0.03) {
        rel.add_goal(rng.pick(&GOALS).to_string(), date, None);
    }
    if rng.chance(0.04) {
        let open: Vec<ItemId> = rel
            .goals
            .iter()
            .filter(|g| g.achieved.is_none() && g.dropped.is_none())
            .map(|g| g.id)
            .collect();
        if let Some(id) = open.first() {
            let how = if rng.chance(0.8) {
                Closing::Done
            } else {
                Closing::Dropped
            };
            let _ = rel.close(*id, how, date);
        }
    }
    match rel.kind {
        Kind::Sponsoring => {
            if k == 0 || rng.chance(0.05) {
                let due = date + Days::new(60 + rng.below(200));
                rel.add_waypoint(rng.pick(&WAYPOINTS).to_string(), due, date);
            }
            if rel.role == Role::Sponsor && rng.chance(0.25) {
                let waypoint = rel
                    .waypoints
                    .iter()
                    .rev()
                    .find(|w| w.reached.is_none() && w.dropped.is_none())
                    .map(|w| w.id);
                let _ = rel.advocate(
                    rng.pick(&ADVOCACY).to_string(),
                    date,
                    waypoint.filter(|_| rng.chance(0.5)),
                );
            }
            if rng.chance(0.03) {
                rel.add_strength(rng.pick(&STRENGTHS).to_string(), date);
            }
            if rng.chance(0.03) {
                rel.add_growth(rng.pick(&GROWTH).to_string(), date);
            }
            if rng.chance(0.02) {
                let open = rel
                    .growth
                    .iter()
                    .find(|c| c.promoted.is_none() && c.added < date)
                    .map(|c| c.id);
                if let Some(id) = open {
                    let _ = rel.promote_growth(id, date);
                }
            }
        }
        Kind::ReverseMentoring if k == count / 2 && rng.chance(0.3) => {
            let _ = rel.evolve(Kind::Mentoring, None, date);
        }
        _ => {}
    }
    if rng.chance(0.01) && rel.events.len() < 6 {
        let _ = rel.pause(date, Some("Busy quarter".to_string()));
        let _ = rel.resume(date, None);
    }
}

/// One meeting, as a person would record it.
fn meeting(rng: &mut Rng, rel: &Relationship, date: NaiveDate, k: usize) -> CheckIn {
    let mut checkin = CheckIn::new(date);
    if rng.chance(0.75) {
        checkin.rating = Rating::new(1 + rng.below(5) as u8);
    }
    if rng.chance(0.9) {
        checkin.notes = Some(notes(rng));
    }
    for (list, bank, p) in [
        (&mut checkin.working, &WORKING[..], 0.5),
        (&mut checkin.not_working, &NOT_WORKING, 0.3),
        (&mut checkin.changes, &CHANGES, 0.3),
    ] {
        while rng.chance(p) && list.len() < 3 {
            list.push(rng.pick(bank).to_string());
        }
    }
    checkin.review = k % 7 == 6;
    // Older open actions get done, now and then.
    checkin.closed = rel
        .open_actions()
        .filter(|a| a.added < date && rng.chance(0.45))
        .map(|a| a.id)
        .take(3)
        .collect();
    checkin.reached = rel
        .waypoints
        .iter()
        .filter(|w| {
            w.reached.is_none()
                && w.dropped.is_none()
                && w.added < date
                && w.due <= date + Days::new(20)
        })
        .map(|w| w.id)
        .take(1)
        .collect();
    while rng.chance(0.45) && checkin.opened.len() < 3 {
        let owner = if rng.chance(0.5) {
            Owner::Me
        } else {
            Owner::Them
        };
        checkin.opened.push(NewAction {
            id: None,
            text: rng.pick(&ACTIONS).to_string(),
            owner,
            due: rng.chance(0.3).then(|| date + Days::new(7 + rng.below(30))),
        });
    }
    if rng.chance(0.4) {
        checkin.next = Some(date + Days::new(7 + rng.below(21)));
    }
    checkin
}

/// Meeting notes: a few sentences, wrapped as a person types them.
fn notes(rng: &mut Rng) -> String {
    let n = 2 + rng.below(6) as usize;
    let text = sentences(rng, n);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.len() + word.len() > 70 {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}

fn sentences(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| *rng.pick(&SENTENCES))
        .collect::<Vec<_>>()
        .join(" ")
}

fn cadence(days: u64) -> Cadence {
    let name = match days {
        7 => "weekly",
        14 => "biweekly",
        _ => "monthly",
    };
    name.parse()
        .unwrap_or_else(|_| unreachable!("a named cadence"))
}

fn person(n: usize) -> String {
    let first = FIRST[n % FIRST.len()];
    let last = LAST[(n / FIRST.len() + n * 7) % LAST.len()];
    format!("{first} {last}")
}

fn unique_handle(person: &str, taken: &[Handle]) -> Handle {
    let base = Handle::from_name(person).unwrap_or_else(|| unreachable!("names are ascii"));
    let mut handle = base.clone();
    let mut n = 2;
    while taken.contains(&handle) {
        handle = Handle::parse(&format!("{base}-{n}")).unwrap_or_else(|_| unreachable!("a slug"));
        n += 1;
    }
    handle
}

/// A small deterministic generator (SplitMix64): the same seed, the same
/// journal, without a crate for it.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) < p * (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const ROLES: [Role; 6] = [
    Role::Mentor,
    Role::Mentee,
    Role::Sponsor,
    Role::Protege,
    Role::Learner,
    Role::Expert,
];

const FIRST: [&str; 40] = [
    "Ada",
    "Grace",
    "Hedy",
    "Joan",
    "Ken",
    "Linus",
    "Margaret",
    "Priya",
    "Sam",
    "Tomás",
    "Zoë",
    "Chidi",
    "Ravi",
    "Niklaus",
    "Bruno",
    "Frances",
    "Barbara",
    "Dennis",
    "Edsger",
    "Radia",
    "Anita",
    "Katherine",
    "Dorothy",
    "Mary",
    "Annie",
    "Shafi",
    "Leslie",
    "Donald",
    "Fei-Fei",
    "Yukihiro",
    "Guido",
    "Bjarne",
    "Sophie",
    "Karen",
    "Lynn",
    "Adele",
    "Jean",
    "Evelyn",
    "Mikko",
    "José",
];

const LAST: [&str; 41] = [
    "Lovelace",
    "Hopper",
    "Lamarr",
    "Clarke",
    "Thompson",
    "Berg",
    "Hamilton",
    "Natarajan",
    "Okafor",
    "Ruiz",
    "O'Brien",
    "Anagonye",
    "Shah",
    "Wirth",
    "Costa",
    "Allen",
    "Liskov",
    "Ritchie",
    "Dijkstra",
    "Perlman",
    "Borg",
    "Johnson",
    "Vaughan",
    "Jackson",
    "Easley",
    "Goldwasser",
    "Lamport",
    "Knuth",
    "Li",
    "Matsumoto",
    "van Rossum",
    "Stroustrup",
    "Wilson",
    "Spärck Jones",
    "Conway",
    "Goldberg",
    "Sammet",
    "Boyd",
    "Hyppönen",
    "Martí-Pérez",
    "Nakamura",
];

const PURPOSES: [&str; 6] = [
    "Grow into a tech lead who runs design reviews without me in the room",
    "Get promoted to staff engineer on the strength of work already being done",
    "Understand how the younger half of the team actually uses our tools",
    "Move from individual contributor to engineering manager, deliberately",
    "Build a reputation outside the team: talks, writing, open source",
    "Learn to say no to work that does not serve the team's goals",
];

const AIMS: [&str; 5] = [
    "Wants a sounding board for career decisions, and honest feedback on her writing",
    "The staff title, and to be asked into the big decisions instead of hearing about them afterwards",
    "Practice explaining what she knows to someone senior; visibility with leadership",
    "Someone outside his reporting line to test ideas on before they go public",
    "To learn how promotion packets are really judged",
];

const HOWS: [&str; 4] = [
    "Fortnightly, 45 minutes; she sets the agenda and I keep the notes",
    "Monthly, an hour, second Monday. Either of us can call it off; we revisit the goals every quarter.",
    "Weekly, 30 minutes over coffee, no laptops",
    "Every other week on video; a written summary after each session",
];

const DESTINATIONS: [&str; 4] = [
    "Staff Engineer in the next promotion cycle",
    "Engineering manager of the platform team within a year",
    "Principal engineer, recognised across the organisation",
    "Lead the storage architecture group",
];

const TOPICS: [&str; 4] = [
    "How new graduates learn: video, Discord and the tools they reach for",
    "Kernel patch review, from the reviewer's side",
    "Accessibility testing with screen readers",
    "Machine-learning tooling in everyday engineering",
];

const GOALS: [&str; 8] = [
    "Run a design review end to end",
    "Mentor an intern through their first quarter",
    "Write and publish the migration RFC",
    "Give a talk at the internal engineering forum",
    "Take over on-call rotation planning for the team",
    "Every director in calibration knows her work by name",
    "Ship the accessibility audit with the expert's checklist",
    "Lead one cross-team incident review",
];

const WAYPOINTS: [&str; 6] = [
    "Lead the storage migration design review",
    "Present the migration at the architecture forum",
    "Promotion packet in, with two staff+ endorsements",
    "Own the cross-team incident-review program",
    "Speak at an external conference",
    "Run the quarterly planning review for the group",
];

const ADVOCACY: [&str; 6] = [
    "Nominated her for the staff promotion panel",
    "Introduced her to the platform lead over lunch",
    "Put her name forward for the migration design lead in calibration",
    "Opened the incident-review program as a stretch assignment for her",
    "Quoted her design doc in the director staff meeting",
    "Asked the VP to invite her to the architecture offsite",
];

const STRENGTHS: [&str; 4] = [
    "Calm incident command",
    "Clear written design documents",
    "Builds trust with other teams quickly",
    "Deep knowledge of the storage engine",
];

const GROWTH: [&str; 4] = [
    "Writing for executives",
    "Delegating work she could do faster herself",
    "Speaking up first in large meetings",
    "Saying no to low-value requests",
];

const WORKING: [&str; 8] = [
    "She sets the agenda",
    "Writing things down before we meet",
    "Timeboxing to 45 minutes",
    "Reviewing one real design doc each time",
    "Him bringing a concrete question",
    "Short written summaries after each session",
    "Pairing on a real pull request",
    "She is collecting evidence, not opinions",
];

const NOT_WORKING: [&str; 6] = [
    "Meetings keep getting moved",
    "We drift into status updates",
    "Too much advice, not enough questions",
    "The action items are too big to finish in two weeks",
    "I talk too much",
    "We skip the review of last time's actions",
];

const CHANGES: [&str; 6] = [
    "Start with last time's actions",
    "Timebox to 45 minutes",
    "She writes the agenda the day before",
    "Meet in person once a month",
    "Smaller action items, due next meeting",
    "End with one thing to try before next time",
];

const ACTIONS: [&str; 10] = [
    "Draft the RFC and circulate it to the team",
    "Introduce her to the platform lead",
    "Read the incident report and bring questions",
    "Write down what she heard in the two track conversations",
    "Give written feedback on the retro presentation",
    "Ask Bruno to be first reviewer on the design",
    "Book the architecture forum slot",
    "Send the list of promotion criteria with examples",
    "Try the screen reader on our signup flow",
    "Pick a second for storage escalations and start pairing",
];

const SENTENCES: [&str; 30] = [
    "We talked through the RFC and where the review got stuck.",
    "She led the design review on Tuesday and it went well: two hard questions, both answered.",
    "Most of the hour went on the calibration meeting and what the directors need to hear.",
    "He is still unsure whether he wants the manager track; we listed what he would stop doing.",
    "The migration slipped by two weeks, which is not on her, but she is carrying the stress.",
    "I suggested she write the incident summary herself instead of waiting for the lead.",
    "Showed me how the team uses the new tooling; I had it wrong in three places.",
    "We agreed the action items were too big and cut them down to one each.",
    "She wants more visibility with leadership, so we mapped who is in which room.",
    "Long conversation about saying no: the on-call rotation planning is eating her week.",
    "He brought a real pull request and we reviewed it together, line by line.",
    "Talked about how promotion packets are judged and who writes the endorsements.",
    "Quick session; she was on call and we mostly checked in on how she is doing.",
    "The architecture forum slot is booked for next month; we outlined the talk.",
    "She had two track conversations since last time and is leaning towards staff.",
    "I owe her feedback on the retro presentation; it was better than she thinks.",
    "We reviewed the quarter: what moved, what did not, and why.",
    "Her manager is supportive but busy; I offered to talk to him directly.",
    "The accessibility audit found twelve issues, three of them serious.",
    "We practised the opening of the talk twice; the second run was much tighter.",
    "He asked how I decide what not to do; I did not have a good answer.",
    "Spent the session on the storage escalation rota and who could be her second.",
    "Zoë joined for the last ten minutes to talk about the intern project.",
    "The offsite agenda is out and her name is on it, which is the point.",
    "We looked at the feedback from the last review cycle together.",
    "Nothing much moved this time; we were both tired and it showed.",
    "She wants to write for the engineering blog; we picked a topic.",
    "We went over the design doc comments and sorted them into must and could.",
    "Talked about delegation: she keeps taking the hard tickets herself.",
    "Good energy today. She came with a list and we got through all of it.",
];
