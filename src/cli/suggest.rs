//! `claimcheck suggest`: claim skeletons from an article, and `--write`,
//! which appends the editor's choice through `add claim`'s checked path.

use std::io::{self, Write};
use std::path::Path;

use super::args::{SuggestArgs, SuggestFormat};
use super::{refuse, ExitCode};
use crate::corpus::load;
use crate::corpus::model::{Corpus, Modality};
use crate::corpus::scaffold::{NewClaim, NewProperty};
use crate::suggest::{self, output, Article, Reading, Suggestion};

pub(super) fn suggest(
    root: &Path,
    a: SuggestArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let mut loaded = load::load(root);
    if loaded.errors() > 0 {
        refuse(&loaded, err, color)?;
        return Ok(2);
    }
    loaded.corpus.drop_retired();
    let corpus = &loaded.corpus;
    if a.all {
        return all(corpus, &a, out, err, color);
    }
    let Some(what) = a.source.as_deref() else {
        writeln!(
            err,
            "error: give a source id of the corpus, or a file with --language and --published (or --all)"
        )?;
        return Ok(2);
    };
    let file_text;
    let file_id;
    let article = match corpus.source(what) {
        Some(src) => Article::of(src),
        None if Path::new(what).is_file() => {
            let text = match crate::corpus::files::read_regular(Path::new(what)).map(String::from_utf8) {
                Ok(Ok(t)) => t,
                _ => {
                    writeln!(err, "error: cannot read {what} as UTF-8 text")?;
                    return Ok(2);
                }
            };
            let Some(language) = a.language.as_deref() else {
                writeln!(
                    err,
                    "error: {what} is a file: say its language with --language (en, es, zh...)"
                )?;
                return Ok(2);
            };
            let reference = match a.published.as_deref().map(crate::read::time::parse_day) {
                Some(Ok(d)) => Some(d),
                Some(Err(e)) => {
                    writeln!(err, "error: --published: {e}")?;
                    return Ok(2);
                }
                None => None,
            };
            file_text = load::article_body(&text).to_string();
            file_id = Path::new(what)
                .file_stem()
                .map_or_else(|| "article".into(), |s| s.to_string_lossy().to_string());
            Article {
                id: &file_id,
                language,
                reference,
                now: reference.map(crate::read::time::Interval::day),
                body: &file_text,
            }
        }
        None => {
            writeln!(err, "error: `{what}` is neither a source id of the corpus nor a file")?;
            let near = crate::corpus::diag::did_you_mean(what, corpus.sources.iter().map(|s| s.id.as_str()));
            if let Some(n) = near {
                writeln!(err, "help: did you mean `{n}`?")?;
            }
            return Ok(2);
        }
    };
    let mut list = suggest::suggest(corpus, &article);
    if let Some(n) = a.limit {
        list.truncate(n);
    }
    if !a.write.is_empty() {
        if corpus.source(article.id).is_none() {
            writeln!(
                err,
                "error: only a source of the corpus can be written to: add it first (claimcheck add source {what} ...)"
            )?;
            return Ok(2);
        }
        return write(root, corpus, &list, &a.write, out, err, color);
    }
    match a.format {
        SuggestFormat::Text => output::text(out, &article, &list, color)?,
        SuggestFormat::Toml => output::toml(out, corpus, &article, &list)?,
        SuggestFormat::Json => output::json(out, &article, &list)?,
    }
    Ok(0)
}

/// `--all`: every source, with a spinner on a terminal.
fn all(
    corpus: &Corpus,
    a: &SuggestArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    if a.format == SuggestFormat::Toml || !a.write.is_empty() {
        writeln!(
            err,
            "error: --all writes text or JSON; take one source for --format toml or --write"
        )?;
        return Ok(2);
    }
    let progress = super::progress::Progress::start("reading the corpus's questions");
    // One set of profiles for every article: an article's own quotes are
    // then among its questions' words, which a curated claim's overlap
    // filter makes harmless.
    let suggester = suggest::Suggester::new(corpus, "");
    progress.phase(&format!("suggesting for {} sources", corpus.sources.len()));
    // Each article on its own, on every core, in the corpus's order.
    use rayon::prelude::*;
    let items: Vec<(Article, Vec<Suggestion>)> = corpus
        .sources
        .par_iter()
        .map(|src| {
            let article = Article::of(src);
            let mut list = suggester.suggest(&article);
            if let Some(k) = a.limit {
                list.truncate(k);
            }
            (article, list)
        })
        .collect();
    drop(progress);
    for (article, list) in &items {
        match a.format {
            SuggestFormat::Json => output::json(out, article, list)?,
            _ => {
                output::text(out, article, list, color)?;
                writeln!(out)?;
            }
        }
    }
    Ok(0)
}

/// `--write 1,4,7`: the chosen skeletons as claims (and the questions
/// they propose), added as one checked change.
fn write(
    root: &Path,
    corpus: &Corpus,
    list: &[Suggestion],
    chosen: &[usize],
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let ids = output::claim_ids(corpus, list);
    let mut claims = Vec::new();
    let mut properties: Vec<NewProperty> = Vec::new();
    for &n in chosen {
        let Some((s, id)) = list.iter().zip(&ids).find(|(s, _)| s.number == n) else {
            writeln!(
                err,
                "error: there is no skeleton {n}: the list has {}; nothing was written",
                list.len()
            )?;
            return Ok(2);
        };
        let Some((subject, property)) = output::key(s) else {
            continue;
        };
        if let (None, Some(q)) = (&s.question, &s.new_question) {
            let new = NewProperty {
                subject: q.subject.clone(),
                property: q.property.clone(),
                question: q.question.clone(),
                kind: q.kind,
                unit: q.unit.clone(),
            };
            if !properties.contains(&new) {
                properties.push(new);
            }
        }
        claims.push(NewClaim {
            id: Some(id.clone()),
            source: s.source.clone(),
            quote: corpus
                .source(&s.source)
                .and_then(|src| src.body().get(s.quote.clone()))
                .unwrap_or_default()
                .to_string(),
            question: format!("{subject}/{property}"),
            value: match s.reading {
                Reading::Fact(b) => b.to_string(),
                _ => s.value.clone(),
            },
            as_of: s.as_of.clone(),
            said_by: s.said_by.clone(),
            modality: (s.modality != Modality::Asserted).then(|| s.modality.name().to_string()),
            ..NewClaim::default()
        });
    }
    match crate::corpus::scaffold::add_claims(root, &claims, &properties, color) {
        Ok(added) => {
            for p in &properties {
                writeln!(
                    out,
                    "added question {}/{} to {}",
                    p.subject,
                    p.property,
                    load::PROPERTIES_FILE
                )?;
            }
            for (id, rel) in added {
                writeln!(out, "added claim {id} to {rel}")?;
            }
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(2)
        }
    }
}
