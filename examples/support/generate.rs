//! Writes a synthetic corpus of realistic shape for benchmarks and scale
//! tests: `cargo run --release --example gen-corpus -- --claims N --seed S OUT`.
//!
//! Deterministic for a given N and seed, valid (`claimcheck check` is
//! clean), and shaped like a newsroom's archive: articles of 3–6 KB, about
//! ten claims per source, 5–20 claims per question, every property kind,
//! syndicated copies, hedged claims, rising tolls over days. Some
//! disagreements are injected on purpose, and `OUT/expected.toml` lists
//! them so a test or benchmark can check the findings are right at scale:
//! every fixed figure with an outlier is a conflict whose suspect is the
//! outlier; every rising toll without an outlier is a change; every
//! event date given two disjoint ways is a conflict.

use std::fmt::Write as _;
use std::path::Path;

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FILLER: [&str; 12] = [
    "Residents gathered in the main square as officials briefed reporters on the latest developments.",
    "The regional administration said it would publish further figures later in the week.",
    "Aid agencies warned that roads into the mountain villages remained difficult to reach.",
    "Analysts cautioned that early reports often change as more information becomes available.",
    "The ministry did not respond to a request for comment by the time of publication.",
    "Local television showed long queues outside the temporary shelters set up near the stadium.",
    "Several foreign governments offered assistance and sent teams of specialists.",
    "The opposition called for an independent inquiry into the response of the authorities.",
    "Markets in the capital reopened after a two-day pause, traders said.",
    "Engineers were inspecting bridges and power lines across the affected districts.",
    "A spokesperson said the situation was being monitored around the clock.",
    "Schools in the area will stay closed until the buildings have been checked.",
];

const OPENERS: [&str; 8] = [
    "Reporting from the scene:",
    "In a late update,",
    "According to the latest briefing,",
    "As rescuers worked through the night,",
    "Speaking to reporters,",
    "In a statement on its website,",
    "By the afternoon,",
    "Meanwhile,",
];

struct Source {
    id: String,
    outlet: String,
    day: (i32, usize, usize),
    copy_of: Option<usize>,
    sentences: Vec<String>,
}

struct Claim {
    id: String,
    source: usize,
    quote: String,
    subject: String,
    property: String,
    value: String,
    extra: String,
}

fn date_text(d: (i32, usize, usize)) -> String {
    format!("{} {}, {}", MONTHS[d.1 - 1], d.2, d.0)
}

fn iso(d: (i32, usize, usize)) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

/// The corpus as it is generated: sources, claims, declarations and the
/// findings injected on purpose.
struct Gen {
    rng: Rng,
    sources: Vec<Source>,
    claims: Vec<Claim>,
    properties: String,
    expected: String,
}

/// One question being generated: its subject, how many claims it gets, and
/// the consecutive sources (so that days rise) that give them.
struct Question {
    subject: String,
    size: usize,
    first: usize,
    n_sources: usize,
}

impl Question {
    fn pick(&self, k: usize) -> usize {
        (self.first + k * 3) % self.n_sources
    }
}

/// Writes a corpus of about `claims_wanted` claims to `out`.
pub fn generate(claims_wanted: usize, seed: u64, out: &Path) {
    let n_sources = (claims_wanted / 10).max(10);
    // Sources: outlets, days spread over two years, one in ten a declared copy.
    let sources: Vec<Source> = (0..n_sources)
        .map(|i| {
            let year = 2023 + (i % 2) as i32;
            let day = (year, 1 + (i / 28) % 12, 1 + i % 28);
            Source {
                id: format!("s{i:06}"),
                outlet: format!("Outlet {}", i % (n_sources / 3).max(3)),
                day,
                copy_of: None,
                sentences: Vec::new(),
            }
        })
        .collect();
    let mut g = Gen {
        rng: Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1),
        sources,
        claims: Vec::new(),
        properties: String::new(),
        expected: String::from("# Findings injected by gen-corpus, to check at scale.\n"),
    };
    let mut q = 0usize;
    while g.claims.len() < claims_wanted {
        q += 1;
        let subject = format!("event-{q:05}");
        let size = 5 + g.rng.below(16) as usize;
        let first = g.rng.below(n_sources as u64) as usize;
        let question = Question {
            subject,
            size,
            first,
            n_sources,
        };
        match q % 5 {
            0 => g.fixed_figure(&question),
            1 => g.rising_toll(&question),
            2 => g.changing_state(&question),
            3 => g.event_date(&question),
            _ => g.fact_and_framing(&question),
        }
    }
    let undeclared = g.copies();
    std::fs::create_dir_all(out.join("sources")).unwrap();
    std::fs::create_dir_all(out.join("claims")).unwrap();
    let bodies = g.bodies(seed, &undeclared);
    g.write(out, &bodies);
}

impl Gen {
    /// Adds a claim: its sentence, worded by its source its own way, goes
    /// into the source's text, and the quote is that sentence.
    fn add(&mut self, question: &Question, src: usize, property: &str, value: String, sentence: String, extra: String) {
        let id = format!("{}-{property}-{}", question.subject, self.claims.len());
        let sentence = format!("{} {sentence}", OPENERS[(src + self.claims.len()) % OPENERS.len()]);
        self.sources[src].sentences.push(sentence.clone());
        self.claims.push(Claim {
            id,
            source: src,
            quote: sentence.trim_end_matches('.').to_string(),
            subject: question.subject.clone(),
            property: property.into(),
            value,
            extra,
        });
    }

    /// A fixed figure, sometimes with an outlier.
    fn fixed_figure(&mut self, question: &Question) {
        let Question { subject, size, .. } = question;
        let size = *size;
        let v = 5 + self.rng.below(3);
        let outlier = self.rng.chance(30);
        writeln!(self.properties, "[[property]]\nsubject = \"{subject}\"\nproperty = \"magnitude\"\nquestion = \"What was the magnitude of {subject}?\"\nkind = \"quantity\"\nunit = \"magnitude\"\nover_time = \"fixed\"\n").unwrap();
        for k in 0..size {
            let value = if outlier && k == size - 1 { v + 2 } else { v };
            let s = format!("The quake in {subject} had a magnitude of {value}.1, seismologists said.");
            self.add(
                question,
                question.pick(k),
                "magnitude",
                format!("{value}.1"),
                s,
                String::new(),
            );
        }
        let kind = if outlier { "conflict" } else { "agreement" };
        writeln!(
            self.expected,
            "[[finding]]\nkind = \"{kind}\"\nproperty = \"{subject}/magnitude\"\n"
        )
        .unwrap();
    }

    /// A toll rising over the days of its sources.
    fn rising_toll(&mut self, question: &Question) {
        let Question { subject, size, .. } = question;
        writeln!(self.properties, "[[property]]\nsubject = \"{subject}\"\nproperty = \"deaths\"\nquestion = \"How many people died in {subject}?\"\nkind = \"quantity\"\nunit = \"people\"\nmonotonic = \"increasing\"\n").unwrap();
        let mut srcs: Vec<usize> = (0..*size).map(|k| question.pick(k)).collect();
        srcs.sort_by_key(|s| self.sources[*s].day);
        srcs.dedup_by_key(|s| self.sources[*s].day);
        let mut toll = 10 + self.rng.below(50);
        for (k, src) in srcs.iter().enumerate() {
            toll += 5 + self.rng.below(40);
            let hedged = k > 0 && self.rng.chance(10);
            let (s, extra) = if hedged {
                (
                    format!("The toll in {subject} may reach {} people, officials fear.", toll * 2),
                    "modality = \"hedged\"\n".to_string(),
                )
            } else {
                (
                    format!("At least {toll} people have died in {subject}, officials said."),
                    String::new(),
                )
            };
            let value = if hedged {
                format!("{}", toll * 2)
            } else {
                format!("at least {toll}")
            };
            self.add(question, *src, "deaths", value, s, extra);
        }
        writeln!(
            self.expected,
            "[[finding]]\nkind = \"change\"\nproperty = \"{subject}/deaths\"\n"
        )
        .unwrap();
    }

    /// A state that changes by allowed steps.
    fn changing_state(&mut self, question: &Question) {
        let Question { subject, size, .. } = question;
        writeln!(self.properties, "[[property]]\nsubject = \"{subject}\"\nproperty = \"status\"\nquestion = \"What is the status of {subject}?\"\nkind = \"state\"\nvalues = [\"open\", \"suspended\", \"closed\"]\ntransitions = [\"open -> suspended\", \"suspended -> closed\"]\n").unwrap();
        let mut srcs: Vec<usize> = (0..*size).map(|k| question.pick(k)).collect();
        srcs.sort_by_key(|s| self.sources[*s].day);
        for (k, src) in srcs.iter().enumerate() {
            let v = if k < size / 2 { "open" } else { "suspended" };
            let s = format!("The {subject} crossing is {v}, the border agency said.");
            self.add(question, *src, "status", v.into(), s, String::new());
        }
    }

    /// An event date, sometimes given two disjoint ways.
    fn event_date(&mut self, question: &Question) {
        let Question { subject, size, .. } = question;
        writeln!(self.properties, "[[property]]\nsubject = \"{subject}\"\nproperty = \"date\"\nquestion = \"When did {subject} happen?\"\nkind = \"event-date\"\n").unwrap();
        let d = (2022, 1 + self.rng.below(12) as usize, 1 + self.rng.below(28) as usize);
        let wrong = self.rng.chance(30);
        for k in 0..*size {
            let day = if wrong && k == 0 { (2021, d.1, d.2) } else { d };
            let s = format!("The {subject} incident happened on {}.", date_text(day));
            self.add(question, question.pick(k), "date", date_text(day), s, String::new());
        }
        let kind = if wrong { "conflict" } else { "agreement" };
        writeln!(
            self.expected,
            "[[finding]]\nkind = \"{kind}\"\nproperty = \"{subject}/date\"\nagreed_iso = \"{}\"\n",
            iso(d)
        )
        .unwrap();
    }

    /// A fact and a framing.
    fn fact_and_framing(&mut self, question: &Question) {
        let Question { subject, size, .. } = question;
        writeln!(self.properties, "[[property]]\nsubject = \"{subject}\"\nproperty = \"aid-arrived\"\nquestion = \"Has aid reached {subject}?\"\nkind = \"fact\"\n").unwrap();
        writeln!(self.properties, "[[property]]\nsubject = \"{subject}\"\nproperty = \"response\"\nquestion = \"How was the response to {subject}?\"\nkind = \"assessment\"\nvalues = [\"swift\", \"slow\"]\n").unwrap();
        for k in 0..*size {
            if k % 2 == 0 {
                let s = format!("Aid convoys have reached {subject}, the Red Cross said.");
                self.add(
                    question,
                    question.pick(k),
                    "aid-arrived",
                    "true".into(),
                    s,
                    String::new(),
                );
            } else {
                let v = if self.rng.chance(50) { "swift" } else { "slow" };
                let s = format!("Critics called the response to {subject} {v}.");
                self.add(question, question.pick(k), "response", v.into(), s, String::new());
            }
        }
    }

    /// One source in ten is a declared copy of another's text; one in twenty
    /// copies another without saying so (a likely copy to report). Returns
    /// the undeclared pairs (copy, original).
    fn copies(&mut self) -> Vec<(usize, usize)> {
        let n_sources = self.sources.len();
        for i in (5..n_sources).step_by(10) {
            self.sources[i].copy_of = Some(i - 5);
        }
        let mut undeclared = Vec::new();
        for i in (17..n_sources).step_by(20) {
            if self.sources[i].copy_of.is_none() && self.sources[i - 7].copy_of.is_none() {
                undeclared.push((i, i - 7));
            }
        }
        for (i, o) in &undeclared {
            writeln!(
                self.expected,
                "[[copy]]\nsources = [\"{}\", \"{}\"]\n",
                self.sources[*o].id, self.sources[*i].id
            )
            .unwrap();
        }
        undeclared
    }

    /// Bodies: each source's own sentences between filler sentences made of
    /// words drawn from a newsy vocabulary (so that two sources never share
    /// long passages by chance), padded to 3-6 KB; a copy prints its
    /// original's whole text after its own sentences.
    fn bodies(&self, seed: u64, undeclared: &[(usize, usize)]) -> Vec<String> {
        let vocabulary: Vec<&str> = FILLER.iter().flat_map(|l| l.split(' ')).collect();
        let mut bodies: Vec<String> = Vec::with_capacity(self.sources.len());
        for (i, s) in self.sources.iter().enumerate() {
            let mut pad = Rng((i as u64 + 1).wrapping_mul(0x9E3779B97F4A7C15) ^ seed);
            let mut filler = |body: &mut String| {
                let n = 8 + pad.below(12) as usize;
                let words: Vec<&str> = (0..n)
                    .map(|_| vocabulary[pad.below(vocabulary.len() as u64) as usize])
                    .collect();
                body.push_str(&words.join(" ").replace('.', ""));
                body.push_str(".\n\n");
            };
            let mut body = String::new();
            for line in &s.sentences {
                body.push_str(line);
                body.push_str("\n\n");
                filler(&mut body);
            }
            let target = 3000 + (i * 7919) % 3000;
            while body.len() < target {
                filler(&mut body);
            }
            bodies.push(body);
        }
        let copies: Vec<(usize, usize)> = self
            .sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.copy_of.map(|o| (i, o)))
            .chain(undeclared.iter().copied())
            .collect();
        for (i, o) in copies {
            let original = bodies[o].clone();
            bodies[i].push_str(&original);
        }
        bodies
    }

    /// Writes the sources, the declarations, the claims (in files of at
    /// most 1,000) and `expected.toml`.
    fn write(&self, out: &Path, bodies: &[String]) {
        for (i, s) in self.sources.iter().enumerate() {
            let syndicated = s
                .copy_of
                .map(|o| format!("syndicated_from = \"{}\"\n", self.sources[o].id))
                .unwrap_or_default();
            let text = format!(
                "+++\ntitle = \"Report {i}\"\noutlet = \"{}\"\npublished = \"{}\"\npublished_basis = \"Generated.\"\nkind = \"news\"\nlanguage = \"en\"\n{syndicated}+++\n{}",
                s.outlet,
                iso(s.day),
                bodies[i]
            );
            std::fs::write(out.join("sources").join(format!("{}.txt", s.id)), text).unwrap();
        }
        std::fs::write(out.join("claims/properties.toml"), &self.properties).unwrap();
        for (n, chunk) in self.claims.chunks(1000).enumerate() {
            let mut text = String::new();
            for c in chunk {
                let value = if c.value == "true" {
                    "true".to_string()
                } else {
                    format!("\"{}\"", c.value)
                };
                writeln!(
                    text,
                    "[[claim]]\nid = \"{}\"\nsource = \"{}\"\nquote = \"{}\"\nsubject = \"{}\"\nproperty = \"{}\"\nvalue = {value}\n{}",
                    c.id, self.sources[c.source].id, c.quote, c.subject, c.property, c.extra
                )
                .unwrap();
            }
            std::fs::write(out.join("claims").join(format!("c{n:04}.toml")), text).unwrap();
        }
        std::fs::write(out.join("expected.toml"), &self.expected).unwrap();
    }
}
